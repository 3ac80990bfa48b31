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
  if (!markdown.trim()) return markdown
  const { open, close } = directionHint(text)
  return `${open}${markdown}${close}`
}

/** What withDirectionHint puts around a block's Markdown: nothing for left-to-right text. */
export function directionHint(text: string): { open: string; close: string } {
  return textDirection(text) === 'rtl' ? RTL : LTR
}

const RTL = { open: '<div dir="rtl">\n\n', close: '\n\n</div>' }
const LTR = { open: '', close: '' }
