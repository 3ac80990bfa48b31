import type { MultilineElementTransformer } from '@lexical/markdown'
import { $createHighlightQuoteNode, $isHighlightQuoteNode, HighlightQuoteNode } from '../nodes/HighlightQuoteNode'
import { parseQuoteMarkdown, quoteToMarkdown } from './highlight-quote-markdown'

/**
 * Quote nodes to and from Markdown. Multiline, because one quote is several `>` lines; it must
 * come before the built-in QUOTE so it sees those lines first, and it hands ordinary
 * blockquotes (those without our citation line) on by returning null.
 */
export const HIGHLIGHT_QUOTE: MultilineElementTransformer = {
  type: 'multiline-element',
  dependencies: [HighlightQuoteNode],
  export: (node) => ($isHighlightQuoteNode(node) ? quoteToMarkdown(node.getSnapshot()) : null),
  regExpStart: /^>(?: |$)/,
  handleImportAfterStartMatch: ({ lines, rootNode, startLineIndex }) => {
    const parsed = parseQuoteMarkdown(lines, startLineIndex)
    if (!parsed) return null
    rootNode.append($createHighlightQuoteNode(parsed.quote))
    return [true, parsed.end]
  },
  // Typing `> ` makes an ordinary quote; a quote node only comes from a highlight.
  replace: () => false
}
