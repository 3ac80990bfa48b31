import { $isCodeNode } from '@lexical/code'
import { createHeadlessEditor } from '@lexical/headless'
import { $convertFromMarkdownString, $convertToMarkdownString } from '@lexical/markdown'
import { $isLinkNode } from '@lexical/link'
import { $getRoot, $isElementNode, type LexicalEditor, type LexicalNode } from 'lexical'
import { refuse } from '../refusals'
import { NOTE_NODES, NOTE_TRANSFORMERS } from './note-nodes'

let editor: LexicalEditor | null = null

function headless(): LexicalEditor {
  editor ??= createHeadlessEditor({
    namespace: 'dossier-note',
    nodes: [...NOTE_NODES],
    onError: (error) => {
      throw error
    }
  })
  return editor
}

export interface NoteRendering {
  markdown: string
  plainText: string
}

/**
 * Reads a serialized note with the same nodes the editor uses. A state that does not load is
 * refused here, at save time, so a note that was saved can always be exported.
 */
export function renderNote(serialized: string): NoteRendering {
  const ed = headless()
  try {
    ed.setEditorState(ed.parseEditorState(serialized))
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : 'unreadable'
    throw refuse('note.unreadable', { detail: reason ?? 'unreadable' })
  }
  const plainText = ed.getEditorState().read(() => $getRoot().getTextContent().trim())
  ed.update(
    () => {
      $unlinkUnsafe($getRoot())
      $escapeMarkup()
    },
    { discrete: true }
  )
  const markdown = ed.getEditorState().read(() => $convertToMarkdownString(NOTE_TRANSFORMERS).trim())
  return { markdown, plainText }
}

const SAFE_NOTE_LINK = /^(?:https?:\/\/|mailto:|dossier:\/\/)/i

/**
 * A link to `javascript:`, `file:` or any other scheme would be live in every Markdown reader the
 * export is opened in. The note keeps the words; only web, mail and dossier:// links stay links.
 */
function $unlinkUnsafe(node: LexicalNode): void {
  if (!$isElementNode(node)) return
  for (const child of node.getChildren()) $unlinkUnsafe(child)
  if ($isLinkNode(node) && !SAFE_NOTE_LINK.test(node.getURL().trim())) {
    for (const child of node.getChildren()) node.insertBefore(child)
    node.remove()
  }
}

/**
 * `<b>` typed in a note is text, but Lexical's exporter passes `<` and `&` through, and every
 * Markdown reader would take them as HTML. Code keeps them: code spans and blocks are literal.
 */
function $escapeMarkup(): void {
  for (const node of $getRoot().getAllTextNodes()) {
    if (node.hasFormat('code') || $isCodeNode(node.getParent())) continue
    const text = node.getTextContent()
    // `[x](javascript:…)` typed as text must not become a link in readers that allow any scheme.
    const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\](?=\()/g, ']\\')
    if (escaped !== text) node.setTextContent(escaped)
  }
}

/**
 * A note from Markdown, serialized as the editor saves it: the inverse of renderNote's Markdown,
 * used to prove the export round-trips (and to bring Markdown into a note).
 */
export function noteFromMarkdown(markdown: string): string {
  const ed = headless()
  ed.update(
    () => {
      $convertFromMarkdownString(markdown, NOTE_TRANSFORMERS)
      $unescapeMarkup()
    },
    { discrete: true }
  )
  return JSON.stringify(ed.getEditorState().toJSON())
}

function $unescapeMarkup(): void {
  for (const node of $getRoot().getAllTextNodes()) {
    if (node.hasFormat('code') || $isCodeNode(node.getParent())) continue
    const text = node.getTextContent()
    const plain = text.replace(/&(amp|lt);/g, (_whole, name: string) => (name === 'amp' ? '&' : '<'))
    if (plain !== text) node.setTextContent(plain)
  }
}
