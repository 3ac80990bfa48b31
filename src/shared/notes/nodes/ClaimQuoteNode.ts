import { DecoratorNode, type LexicalNode, type NodeKey, type SerializedLexicalNode, type Spread } from 'lexical'
import { CLAIM_STATUS_NAMES } from '../../analysis/claim-warnings'
import { createNodeElement } from './node-dom'
import { CLAIM_QUOTE_TYPE, ClaimQuoteSnapshot } from './node-snapshots'

export { CLAIM_QUOTE_TYPE, ClaimQuoteSnapshot } from './node-snapshots'

export type SerializedClaimQuoteNode = Spread<ClaimQuoteSnapshot, SerializedLexicalNode>

/** Draws a claim quote in an editor; the renderer registers a React view (see HighlightQuoteNode). */
export type ClaimQuoteView = (claim: ClaimQuoteSnapshot, nodeKey: NodeKey) => unknown

let registeredView: ClaimQuoteView | null = null

export function setClaimQuoteView(view: ClaimQuoteView | null): void {
  registeredView = view
}

/** A claim quoted into a case's notebook, linked to the claim by id. */
export class ClaimQuoteNode extends DecoratorNode<unknown> {
  __snapshot: ClaimQuoteSnapshot

  static override getType(): string {
    return CLAIM_QUOTE_TYPE
  }

  static override clone(node: ClaimQuoteNode): ClaimQuoteNode {
    return new ClaimQuoteNode(node.__snapshot, node.__key)
  }

  /** Refuses a node that lacks its link or statement, so a bad save is caught when it is made. */
  static override importJSON(json: SerializedClaimQuoteNode): ClaimQuoteNode {
    const parsed = ClaimQuoteSnapshot.safeParse(json)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new Error(`a claim quote has a bad ${issue?.path.join('.') || 'value'}: ${issue?.message ?? 'invalid'}`)
    }
    return $createClaimQuoteNode(parsed.data)
  }

  constructor(snapshot: ClaimQuoteSnapshot, key?: NodeKey) {
    super(key)
    this.__snapshot = { ...snapshot }
  }

  override exportJSON(): SerializedClaimQuoteNode {
    return { type: CLAIM_QUOTE_TYPE, version: 1, ...this.getSnapshot() }
  }

  getSnapshot(): ClaimQuoteSnapshot {
    return { ...this.getLatest().__snapshot }
  }

  getClaimId(): string {
    return this.getLatest().__snapshot.claimId
  }

  override createDOM() {
    return createNodeElement('div', 'note-claim-quote')
  }

  override updateDOM(): boolean {
    return false
  }

  /** Search and previews see the statement and how it stood. */
  override getTextContent(): string {
    const { text, status } = this.getLatest().__snapshot
    return `Claim (${CLAIM_STATUS_NAMES[status]}): ${text}\n`
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

export function $createClaimQuoteNode(snapshot: ClaimQuoteSnapshot): ClaimQuoteNode {
  // A claim is one line (the claim service collapses its whitespace); so is its quote.
  return new ClaimQuoteNode({ ...snapshot, text: snapshot.text.replace(/\s+/g, ' ').trim() })
}

export function $isClaimQuoteNode(node: LexicalNode | null | undefined): node is ClaimQuoteNode {
  return node instanceof ClaimQuoteNode
}
