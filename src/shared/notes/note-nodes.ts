import { CodeHighlightNode, CodeNode } from '@lexical/code'
import { AutoLinkNode, LinkNode } from '@lexical/link'
import { ListItemNode, ListNode } from '@lexical/list'
import { CHECK_LIST, TRANSFORMERS, type Transformer } from '@lexical/markdown'
import { HeadingNode, QuoteNode } from '@lexical/rich-text'
import type { Klass, LexicalNode } from 'lexical'
import { ClaimQuoteNode } from './nodes/ClaimQuoteNode'
import { HighlightQuoteNode } from './nodes/HighlightQuoteNode'
import { HorizontalRuleNode } from './nodes/HorizontalRuleNode'
import { KeyJudgementNode } from './nodes/KeyJudgementNode'
import { SnapshotTableNode } from './nodes/SnapshotTableNode'
import { CLAIM_QUOTE } from './transformers/claim-quote-transformer'
import { HIGHLIGHT_QUOTE } from './transformers/highlight-quote-transformer'
import { HORIZONTAL_RULE } from './transformers/horizontal-rule-transformer'
import { KEY_JUDGEMENT, SNAPSHOT_TABLE } from './transformers/brief-transformers'

/**
 * One registry of the node types a note may hold. The renderer's editors (highlight notes and
 * notebooks) and the headless editor in main all use it, so whatever can be typed can also be
 * validated and exported.
 */
export const NOTE_NODES: readonly Klass<LexicalNode>[] = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  CodeNode,
  CodeHighlightNode,
  HorizontalRuleNode,
  HighlightQuoteNode,
  KeyJudgementNode,
  SnapshotTableNode,
  ClaimQuoteNode
]

/**
 * Dossier's transformers go first: the quote nodes (claims, highlights) must see `>` lines
 * before the built-in quote, the rule `---` before lists, and `- [ ]` check items before plain bullets.
 */
export const NOTE_TRANSFORMERS: Transformer[] = [CLAIM_QUOTE, HIGHLIGHT_QUOTE, KEY_JUDGEMENT, SNAPSHOT_TABLE, HORIZONTAL_RULE, CHECK_LIST, ...TRANSFORMERS]
