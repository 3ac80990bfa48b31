import { textDirection } from '../text/direction'

/**
 * A right-to-left block of Markdown, wrapped so the readers that honour a direction keep it:
 * `<div dir="rtl">`, a blank line, the Markdown, a blank line, `</div>` (decision 0028).
 * CommonMark ends the HTML block at the blank line, so the Markdown inside is still Markdown
 * (a quote stays a quote, a footnote reference a reference). Pandoc's `native_divs` reads it as a
 * Div with `dir=rtl`, which its HTML, Word and LaTeX writers lay out right to left; GitHub keeps
 * the attribute; Obsidian shows the text as usual and finds its direction line by line. Pandoc's
 * `::: {dir=rtl}` fence was the other choice: Obsidian and GitHub print its colons as text.
 * Left-to-right blocks are written as they were, so English exports do not change.
 */
export function withDirectionHint(markdown: string, text: string): string {
  if (!markdown.trim() || textDirection(text) !== 'rtl') return markdown
  return `<div dir="rtl">\n\n${markdown}\n\n</div>`
}
