import { DecoratorNode, type LexicalNode, type SerializedLexicalNode } from 'lexical'
import { createNodeElement } from './node-dom'

/**
 * A horizontal rule. Lexical's own is a React node (@lexical/react) or lives in a package we do
 * not depend on; this one needs neither, so main's headless editor can load and export it.
 */
export class HorizontalRuleNode extends DecoratorNode<null> {
  static override getType(): string {
    return 'horizontalrule'
  }

  static override clone(node: HorizontalRuleNode): HorizontalRuleNode {
    return new HorizontalRuleNode(node.__key)
  }

  static override importJSON(): HorizontalRuleNode {
    return $createHorizontalRuleNode()
  }

  override exportJSON(): SerializedLexicalNode {
    return { type: 'horizontalrule', version: 1 }
  }

  override createDOM() {
    return createNodeElement('hr', 'note-hr')
  }

  override updateDOM(): boolean {
    return false
  }

  override getTextContent(): string {
    return '\n'
  }

  override isInline(): false {
    return false
  }

  override decorate(): null {
    return null
  }
}

export function $createHorizontalRuleNode(): HorizontalRuleNode {
  return new HorizontalRuleNode()
}

export function $isHorizontalRuleNode(node: LexicalNode | null | undefined): node is HorizontalRuleNode {
  return node instanceof HorizontalRuleNode
}
