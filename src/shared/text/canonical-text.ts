/**
 * The canonical text is what every highlight offset points into, so it must be produced the same
 * way everywhere: Unicode NFC, LF line endings, no trailing spaces, blocks separated by exactly
 * one blank line, no leading or trailing blank lines. Offsets are UTF-16 code units, as in
 * JavaScript strings and the DOM.
 */
export function canonicalText(input: string): string {
  const lines = input
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+$/u, ''))
  const blocks: string[] = []
  let current: string[] = []
  for (const line of lines) {
    if (line.trim() === '') {
      if (current.length) blocks.push(current.join('\n'))
      current = []
    } else {
      current.push(line)
    }
  }
  if (current.length) blocks.push(current.join('\n'))
  return blocks.join('\n\n')
}

/** Splits canonical text into its blocks with their start offsets, for rendering. */
export function textBlocks(text: string): { start: number; text: string }[] {
  const blocks: { start: number; text: string }[] = []
  let start = 0
  for (const part of text.split('\n\n')) {
    if (part.length) blocks.push({ start, text: part })
    start += part.length + 2
  }
  return blocks
}
