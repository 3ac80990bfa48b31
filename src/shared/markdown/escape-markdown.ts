/**
 * Escapes article text so Markdown renderers show it literally: `#tag` must not become an
 * Obsidian tag, `[x](y)` not a link, `*` not emphasis, and `<b>` not HTML.
 */
export function escapeMarkdownInline(text: string): string {
  return text
    .replace(/([\\`*_{}[\]()#+!|~<>])/g, '\\$1')
    // A line that is only `12.` or `-` is a list item too, and `---` a rule or a heading underline.
    .replace(/^(\s*)(\d+)\.(?=\s|$)/gm, '$1$2\\.')
    .replace(/^(\s*)-/gm, '$1\\-')
    .replace(/^(\s*)=/gm, '$1\\=')
    .replace(/&/g, '&amp;')
}

/** Renders text as a blockquote, one `>` line per line, blank lines kept inside the quote. */
export function blockquote(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${line}`))
    .join('\n')
}
