import type { MultilineElementTransformer } from '@lexical/markdown'
import { $createClaimQuoteNode, $isClaimQuoteNode, ClaimQuoteNode } from '../nodes/ClaimQuoteNode'
import { claimQuoteToMarkdown, parseClaimQuoteMarkdown } from './claim-quote-markdown'

/**
 * Claim quotes to and from Markdown; like HIGHLIGHT_QUOTE it must see `>` lines before the
 * built-in QUOTE, and it hands on every blockquote that is not a claim's.
 */
export const CLAIM_QUOTE: MultilineElementTransformer = {
  type: 'multiline-element',
  dependencies: [ClaimQuoteNode],
  export: (node) => ($isClaimQuoteNode(node) ? claimQuoteToMarkdown(node.getSnapshot()) : null),
  regExpStart: /^>(?: |$)/,
  handleImportAfterStartMatch: ({ lines, rootNode, startLineIndex }) => {
    const parsed = parseClaimQuoteMarkdown(lines, startLineIndex)
    if (!parsed) return null
    rootNode.append($createClaimQuoteNode(parsed.claim))
    return [true, parsed.end]
  },
  // A claim quote only comes from a claim, never from typing.
  replace: () => false
}
