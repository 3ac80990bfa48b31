import { $applyNodeReplacement, $createParagraphNode, ElementNode, type LexicalNode, type NodeKey, type SerializedElementNode } from 'lexical'
import { createNodeElement } from './node-dom'
import { KEY_JUDGEMENT_TYPE } from './node-snapshots'

export { KEY_JUDGEMENT_TYPE } from './node-snapshots'

/**
 * A key judgement of a brief ("We assess it likely that…"): a paragraph of its own kind, so
 * exports can style it (a Word style, a boxed block in HTML) and check mode can hold it to the
 * same citation rule as any sentence.
 */
export class KeyJudgementNode extends ElementNode {
  static override getType(): string {
    return KEY_JUDGEMENT_TYPE
  }

  static override clone(node: KeyJudgementNode): KeyJudgementNode {
    return new KeyJudgementNode(node.__key)
  }

  static override importJSON(json: SerializedElementNode): KeyJudgementNode {
    return $createKeyJudgementNode().updateFromJSON(json)
  }

  constructor(key?: NodeKey) {
    super(key)
  }

  override exportJSON(): SerializedElementNode {
    return { ...super.exportJSON(), type: KEY_JUDGEMENT_TYPE, version: 1 }
  }

  override createDOM() {
    const element = createNodeElement('p', 'note-key-judgement')
    element.setAttribute('data-block', 'key-judgement')
    return element
  }

  override updateDOM(): boolean {
    return false
  }

  /** Enter at its end starts an ordinary paragraph: one judgement per block. */
  override insertNewAfter(): LexicalNode {
    const paragraph = $createParagraphNode()
    this.insertAfter(paragraph)
    return paragraph
  }

  override collapseAtStart(): boolean {
    const paragraph = $createParagraphNode()
    this.getChildren().forEach((child) => paragraph.append(child))
    this.replace(paragraph)
    return true
  }
}

export function $createKeyJudgementNode(): KeyJudgementNode {
  return $applyNodeReplacement(new KeyJudgementNode())
}

export function $isKeyJudgementNode(node: LexicalNode | null | undefined): node is KeyJudgementNode {
  return node instanceof KeyJudgementNode
}
