import { CodeHighlightNode, CodeNode } from '@lexical/code'
import { AutoLinkNode, LinkNode } from '@lexical/link'
import { ListItemNode, ListNode } from '@lexical/list'
import { TRANSFORMERS, type Transformer } from '@lexical/markdown'
import { HeadingNode, QuoteNode } from '@lexical/rich-text'
import type { Klass, LexicalNode } from 'lexical'

/**
 * One registry of the node types a note may hold. The renderer's editor and the headless
 * editor in main both use it, so whatever can be typed can also be validated and exported.
 */
export const NOTE_NODES: readonly Klass<LexicalNode>[] = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  CodeNode,
  CodeHighlightNode
]

/** Custom transformers go first when Dossier adds its own nodes; the built-ins follow. */
export const NOTE_TRANSFORMERS: Transformer[] = [...TRANSFORMERS]
