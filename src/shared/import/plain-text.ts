import { cleanPlainText } from '../cleaning/clean-plain-text'
import { parseMarkdown } from './markdown-text'
import type { ParsedDocument } from './parsed-document'

/**
 * Plain text, from a .txt file or pasted: cleaned into an article (see cleanPlainText). Text that
 * is Markdown in all but name (notes saved as .txt, a chat assistant's answer pasted) is read as
 * Markdown, so "## Background" is a heading and "**unlikely**" bold rather than their marks.
 */
export function parsePlainText(raw: string, fileName: string): ParsedDocument {
  return looksLikeMarkdown(raw) ? parseMarkdown(raw, fileName) : cleanPlainText(raw, fileName)
}

const ATX_HEADING = /^#{1,6}[ \t]+\S/gmu
const MARKDOWN_MARKS = /\*\*[^*\n]+\*\*|__[^_\n]+__|\[[^\]\n]+\]\((?:https?:\/\/|\/|#)[^)\s]*\)|^```|^\|(?:[^|\n]+\|){2,}\s*$/mu

/**
 * Two "#" headings, or one with other Markdown (bold, a link, a code fence, a table row). A
 * scraped page's "#hashtag" has no space after its sign; one "# " line alone may be anything.
 */
export function looksLikeMarkdown(raw: string): boolean {
  const headings = raw.match(ATX_HEADING)?.length ?? 0
  return headings >= 2 || (headings === 1 && MARKDOWN_MARKS.test(raw))
}
