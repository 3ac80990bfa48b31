import type { InlineMark, MarkType } from './article-document'

/** A block's text with its marks, offsets relative to the text. */
export interface InlineText {
  text: string
  marks: InlineMark[]
}

interface OpenMark {
  type: MarkType
  start: number
  href?: string
}

/**
 * Builds a block's text from a stream of text runs, hard line breaks and marks, the way a browser
 * lays out inline content: every run of white space (NBSP and other Unicode spaces included)
 * is one space, none at the start of a line or before a break. Mark offsets are taken in the
 * collapsed text as it grows, so they never need remapping. Used by the HTML and Markdown
 * parsers alike, so both produce the same canonical blocks.
 */
export class InlineBuilder {
  private buf = ''
  private readonly marks: InlineMark[] = []

  get length(): number {
    return this.buf.length
  }

  text(raw: string): void {
    if (raw === '') return
    let s = raw.normalize('NFC').replace(/\s+/g, ' ')
    if (s.startsWith(' ') && (this.buf === '' || this.buf.endsWith(' ') || this.buf.endsWith('\n'))) s = s.slice(1)
    this.buf += s
  }

  /** A `<br>` or a Markdown hard break. Two in a row end the paragraph (see finish). */
  lineBreak(): void {
    if (this.buf.endsWith(' ')) this.buf = this.buf.slice(0, -1)
    if (this.buf === '' || this.buf.endsWith('\n\n')) return
    this.buf += '\n'
  }

  /** Ends the current line if one is open: between the paragraphs of a list item, never doubled. */
  endLine(): void {
    if (this.buf.endsWith(' ')) this.buf = this.buf.slice(0, -1)
    if (this.buf !== '' && !this.buf.endsWith('\n')) this.buf += '\n'
  }

  open(type: MarkType, href?: string): OpenMark {
    return href === undefined ? { type, start: this.buf.length } : { type, start: this.buf.length, href }
  }

  close(mark: OpenMark): void {
    const m: InlineMark = { type: mark.type, start: mark.start, end: this.buf.length }
    if (mark.href !== undefined) m.href = mark.href
    this.marks.push(m)
  }

  /**
   * The finished text, cut into paragraphs where two line breaks met (`a<br><br>b`), each
   * canonical: trimmed, NFC, no blank line inside. Empty paragraphs are left out.
   */
  finish(): InlineText[] {
    let text = this.buf
    while (text.endsWith(' ') || text.endsWith('\n')) text = text.slice(0, -1)
    const parts: InlineText[] = []
    let start = 0
    for (;;) {
      const cut = text.indexOf('\n\n', start)
      const end = cut === -1 ? text.length : cut
      const part = slice({ text, marks: this.marks }, start, end)
      if (part.text !== '') parts.push(part)
      if (cut === -1) break
      start = cut + 2
    }
    return parts
  }
}

/** Joins texts with a separator, shifting each one's marks to where it lands. */
export function joinInline(parts: InlineText[], separator: string, map: (t: string) => string = (t) => t): InlineText {
  let text = ''
  const marks: InlineMark[] = []
  parts.forEach((p, i) => {
    if (i > 0) text += separator
    for (const m of p.marks) marks.push({ ...m, start: m.start + text.length, end: m.end + text.length })
    text += map(p.text)
  })
  return tidy({ text, marks })
}

/**
 * A link target the block model accepts: http(s) or mailto, resolved against `base` when one is
 * given. Anything else (javascript:, data:, file:, a relative link with nothing to resolve it
 * against) is null and the link's text stays as plain text.
 */
export function markHref(raw: string | null | undefined, base: string | null = null): string | null {
  const value = raw?.trim()
  if (!value) return null
  try {
    const url = base ? new URL(value, base) : new URL(value)
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href
    // A mailto address with quote or markup characters in it is not an address.
    if (url.protocol === 'mailto:' && !/[\s<>"'\\`]/.test(url.href)) return url.href
  } catch {
    // Not a URL.
  }
  return null
}

/** The part of `inline` between two offsets, its marks clipped and shifted to match. */
export function slice(inline: InlineText, start: number, end: number): InlineText {
  const marks: InlineMark[] = []
  for (const m of inline.marks) {
    const s = Math.max(m.start, start)
    const e = Math.min(m.end, end)
    if (e > s) marks.push({ ...m, start: s - start, end: e - start })
  }
  return tidy({ text: inline.text.slice(start, end), marks })
}

/**
 * Canonical form of a text and its marks: NFC (composition across a mark boundary, which only a
 * combining mark alone in a tag can cause, drops the marks rather than let them point astray);
 * marks shrunk off surrounding white space, empty ones dropped, touching or overlapping marks of
 * one kind and target merged, and sorted by start.
 */
export function tidy(inline: InlineText): InlineText {
  const text = inline.text
  const nfc = text.normalize('NFC')
  if (nfc !== text) return { text: nfc, marks: [] }
  const shrunk: InlineMark[] = []
  for (const m of inline.marks) {
    let s = Math.max(0, m.start)
    let e = Math.min(text.length, m.end)
    while (s < e && /\s/.test(text[s]!)) s++
    while (e > s && /\s/.test(text[e - 1]!)) e--
    if (e > s) shrunk.push({ ...m, start: s, end: e })
  }
  shrunk.sort((a, b) => a.start - b.start || b.end - a.end)
  const merged: InlineMark[] = []
  for (const m of shrunk) {
    const same = merged.findLast((p) => p.type === m.type && p.href === m.href)
    if (same && m.start <= same.end) same.end = Math.max(same.end, m.end)
    else merged.push(m)
  }
  merged.sort((a, b) => a.start - b.start || b.end - a.end)
  return { text, marks: merged }
}

/**
 * Text of a code block: its lines as written, but canonical: NFC, LF, no trailing spaces, no
 * blank lines (dropped: a blank line would split the block in the canonical text), the indent
 * every line shares removed, and no white space before the first character.
 */
export function preformattedText(raw: string): string {
  const lines = raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+$/u, ''))
    .filter((line) => line !== '')
  const indent = Math.min(...lines.map((line) => /^[ \t]*/.exec(line)![0].length))
  return lines
    .map((line) => line.slice(Number.isFinite(indent) ? indent : 0))
    .join('\n')
    .replace(/^\s+/u, '')
}
