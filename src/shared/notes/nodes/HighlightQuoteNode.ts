import { DecoratorNode, type LexicalNode, type NodeKey, type SerializedLexicalNode, type Spread } from 'lexical'
import { z } from 'zod'
import { createNodeElement } from './node-dom'

/**
 * What a quote showed when it was inserted. The node keeps this copy so a notebook still reads
 * (and exports) when its highlight is later deleted or loses its passage.
 */
export const HighlightQuoteSnapshot = z.object({
  highlightId: z.uuid(),
  quote: z.string().max(100_000),
  /** The label's name, or '' for a highlight without one. */
  label: z.string().max(200),
  /** Source and date, ready to print: "Harbour Gazette, 2026-03-01". */
  citation: z.string().max(1000)
})
export type HighlightQuoteSnapshot = z.infer<typeof HighlightQuoteSnapshot>

export type SerializedHighlightQuoteNode = Spread<HighlightQuoteSnapshot, SerializedLexicalNode>

export const HIGHLIGHT_QUOTE_TYPE = 'dossier-highlight-quote'

/**
 * Draws a quote node in an editor. The renderer registers a React view here; src/shared stays
 * free of React, and the headless editor in main, which never draws, registers nothing.
 */
export type HighlightQuoteView = (quote: HighlightQuoteSnapshot, nodeKey: NodeKey) => unknown

let registeredView: HighlightQuoteView | null = null

export function setHighlightQuoteView(view: HighlightQuoteView | null): void {
  registeredView = view
}

/** A passage quoted into a notebook, linked to its highlight by id. */
export class HighlightQuoteNode extends DecoratorNode<unknown> {
  __snapshot: HighlightQuoteSnapshot

  static override getType(): string {
    return HIGHLIGHT_QUOTE_TYPE
  }

  static override clone(node: HighlightQuoteNode): HighlightQuoteNode {
    return new HighlightQuoteNode(node.__snapshot, node.__key)
  }

  /** Refuses a node that lacks its link or text, so a bad save is caught when it is made. */
  static override importJSON(json: SerializedHighlightQuoteNode): HighlightQuoteNode {
    const parsed = HighlightQuoteSnapshot.safeParse(json)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new Error(`a highlight quote has a bad ${issue?.path.join('.') || 'value'}: ${issue?.message ?? 'invalid'}`)
    }
    return $createHighlightQuoteNode(parsed.data)
  }

  constructor(snapshot: HighlightQuoteSnapshot, key?: NodeKey) {
    super(key)
    this.__snapshot = { ...snapshot }
  }

  override exportJSON(): SerializedHighlightQuoteNode {
    return { type: HIGHLIGHT_QUOTE_TYPE, version: 1, ...this.getSnapshot() }
  }

  getSnapshot(): HighlightQuoteSnapshot {
    return { ...this.getLatest().__snapshot }
  }

  getHighlightId(): string {
    return this.getLatest().__snapshot.highlightId
  }

  override createDOM() {
    return createNodeElement('div', 'note-highlight-quote')
  }

  override updateDOM(): boolean {
    return false
  }

  /** Search and previews see the quoted words and where they come from. */
  override getTextContent(): string {
    const { quote, citation } = this.getLatest().__snapshot
    return `“${quote}” — ${citation}\n`
  }

  override isInline(): false {
    return false
  }

  override isKeyboardSelectable(): boolean {
    return true
  }

  override decorate(): unknown {
    return registeredView ? registeredView(this.getSnapshot(), this.getKey()) : null
  }
}

export function $createHighlightQuoteNode(snapshot: HighlightQuoteSnapshot): HighlightQuoteNode {
  return new HighlightQuoteNode({ ...snapshot, quote: normalizeQuoteText(snapshot.quote) })
}

export function $isHighlightQuoteNode(node: LexicalNode | null | undefined): node is HighlightQuoteNode {
  return node instanceof HighlightQuoteNode
}

/**
 * The quote's text as it survives Markdown: no indentation (four spaces would make a code
 * block), no runs of blank lines.
 */
export function normalizeQuoteText(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
