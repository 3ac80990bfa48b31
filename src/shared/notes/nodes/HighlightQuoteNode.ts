import { DecoratorNode, type LexicalNode, type NodeKey, type SerializedLexicalNode, type Spread } from 'lexical'
import { createNodeElement } from './node-dom'
import { HIGHLIGHT_QUOTE_TYPE, HighlightQuoteSnapshot, normalizeQuoteText } from './node-snapshots'

// The snapshot and its type name live apart from Lexical, so code that reads a saved notebook
// (briefs, Markdown) does not bring the editor along; re-exported for the node's users.
export { HIGHLIGHT_QUOTE_TYPE, HighlightQuoteSnapshot, normalizeQuoteText } from './node-snapshots'

export type SerializedHighlightQuoteNode = Spread<HighlightQuoteSnapshot, SerializedLexicalNode>

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
