import type { PdfPageText, PdfTextItem } from './text-items'

/**
 * Builds text-layer pages for the layout's tests as pdf.js would report them: one item per run,
 * advance widths from a fixed glyph width (half an em, Helvetica's average).
 */
export interface LineSpec {
  text: string
  x: number
  y: number
  size?: number
  bold?: boolean
}

export const A4 = { width: 595, height: 842 }

export function itemOf({ text, x, y, size = 10, bold }: LineSpec): PdfTextItem {
  return { str: text, x, y, width: text.length * size * 0.5, size, font: bold ? 'bold' : 'regular', bold: bold ?? false }
}

export function pageOf(number: number, lines: LineSpec[]): PdfPageText {
  return { number, ...A4, items: lines.map(itemOf) }
}

/** Greedy wrapping to a number of characters, as a typesetter would at a fixed glyph width. */
export function wrap(text: string, chars: number): string[] {
  const out: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > chars) {
      out.push(line)
      line = word
    } else {
      line = line ? `${line} ${word}` : word
    }
  }
  if (line) out.push(line)
  return out
}

/** Paragraphs set in a column from `top` downwards: lines 12 pt apart, a blank line between paragraphs. */
export function column(paragraphs: string[], x: number, top: number, chars: number, size = 10): { lines: LineSpec[]; bottom: number } {
  const lines: LineSpec[] = []
  let y = top
  for (const p of paragraphs) {
    for (const text of wrap(p, chars)) {
      lines.push({ text, x, y, size })
      y -= size * 1.2
    }
    y -= size * 1.2
  }
  return { lines, bottom: y }
}
