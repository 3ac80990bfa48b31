/** Anything escapeMarkdownInline might change: punctuation it escapes, and what may start a line. */
const UNSAFE = /[\\`*_{}[\]()#+!|~<>$^=%&\n\r]|^[ \t]*(?:\d|-)/

/**
 * Escapes article text so Markdown renderers show it literally: `#tag` must not become an
 * Obsidian tag, `[x](y)` not a link, `*` not emphasis, `<b>` not HTML, `$x$` not math, `%%` not
 * an Obsidian comment, and a line such as `-`, `12.` or `===` not a list, rule or heading.
 */
export function escapeMarkdownInline(text: string): string {
  // Most quotes hold none of these; skipping the five passes then matters at 100,000 quotes.
  if (!UNSAFE.test(text)) return text
  return (
    text
      .replace(/([\\`*_{}[\]()#+!|~<>$^])/g, '\\$1')
      // Obsidian's ==highlight== and %%comment%%: a doubled mark is enough to open one.
      .replace(/([=%])(?=[=%])/g, '\\$1')
      .replace(/^([ \t]*)(\d+)\.(?=[ \t]|$)/gm, '$1$2\\.')
      .replace(/^([ \t]*)([-=])/gm, '$1\\$2')
      .replace(/&/g, '&amp;')
  )
}

/**
 * Text as it will sit inside a block: each line trimmed (leading space would make indented code,
 * two trailing spaces a hard break), and runs of blank lines cut to one paragraph break.
 */
export function tidyLines(text: string): string {
  if (!text.includes('\n') && !text.includes('\r')) return text.trim()
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** Renders text as a blockquote, one `>` line per line, blank lines kept inside the quote. */
export function blockquote(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${line}`))
    .join('\n')
}
