import type { ElementTransformer } from '@lexical/markdown'
import { $createHorizontalRuleNode, $isHorizontalRuleNode, HorizontalRuleNode } from '../nodes/HorizontalRuleNode'

/** `---` on its own line, typed or imported, is a rule; a rule exports as `---`. */
export const HORIZONTAL_RULE: ElementTransformer = {
  type: 'element',
  dependencies: [HorizontalRuleNode],
  export: (node) => ($isHorizontalRuleNode(node) ? '---' : null),
  regExp: /^(?:---|\*\*\*|___)\s?$/,
  replace: (parentNode, _children, _match, isImport) => {
    const rule = $createHorizontalRuleNode()
    if (isImport || parentNode.getNextSibling() !== null) parentNode.replace(rule)
    else parentNode.insertBefore(rule)
    rule.selectNext()
  },
  triggerOnEnter: true
}
