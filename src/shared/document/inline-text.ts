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
  // The text in chunks, with its length and last two characters kept aside: asking a growing
  // string how it ends flattens it each time, which made a paragraph of many links quadratic.
  private readonly chunks: string[] = []
  private size = 0
  private tail = ''
  private readonly marks: InlineMark[] = []

  get length(): number {
    return this.size
  }

  text(raw: string): void {
    if (raw === '') return
    let s = raw.normalize('NFC').replace(/\s+/g, ' ')
    if (s.startsWith(' ') && (this.size === 0 || this.tail.endsWith(' ') || this.tail.endsWith('\n'))) s = s.slice(1)
    this.append(s)
  }

  /** A `<br>` or a Markdown hard break. Two in a row end the paragraph (see finish). */
  lineBreak(): void {
    this.dropTrailingSpace()
    if (this.size === 0 || this.tail === '\n\n') return
    this.append('\n')
  }

  /** Ends the current line if one is open: between the paragraphs of a list item, never doubled. */
  endLine(): void {
    this.dropTrailingSpace()
    if (this.size !== 0 && !this.tail.endsWith('\n')) this.append('\n')
  }

  private append(s: string): void {
    if (s === '') return
    this.chunks.push(s)
    this.size += s.length
    this.tail = s.length >= 2 ? s.slice(-2) : (this.tail + s).slice(-2)
  }

  /** Text never ends in more than one space (runs collapse), so one character goes. */
  private dropTrailingSpace(): void {
    if (!this.tail.endsWith(' ')) return
    const last = this.chunks.length - 1
    this.chunks[last] = this.chunks[last]!.slice(0, -1)
    this.size -= 1
    while (this.chunks.length && this.chunks.at(-1) === '') this.chunks.pop()
    let tail = ''
    for (let k = this.chunks.length - 1; k >= 0 && tail.length < 2; k--) tail = this.chunks[k]!.slice(-(2 - tail.length)) + tail
    this.tail = tail
  }

  open(type: MarkType, href?: string): OpenMark {
    return href === undefined ? { type, start: this.size } : { type, start: this.size, href }
  }

  close(mark: OpenMark): void {
    const m: InlineMark = { type: mark.type, start: mark.start, end: this.size }
    if (mark.href !== undefined) m.href = mark.href
    this.marks.push(m)
  }

  /**
   * The finished text, cut into paragraphs where two line breaks met (`a<br><br>b`), each
   * canonical: trimmed, NFC, no blank line inside. Empty paragraphs are left out.
   */
  finish(): InlineText[] {
    let text = this.chunks.join('')
    while (text.endsWith(' ') || text.endsWith('\n')) text = text.slice(0, -1)
    const ranges: [number, number][] = []
    for (let start = 0; ; ) {
      const cut = text.indexOf('\n\n', start)
      ranges.push([start, cut === -1 ? text.length : cut])
      if (cut === -1) break
      start = cut + 2
    }
    // Each mark goes only to the paragraphs it overlaps (found by binary search): slicing every
    // mark for every paragraph was quadratic in a long run of short paragraphs.
    const marksOf: InlineMark[][] = ranges.map(() => [])
    for (const m of this.marks) {
      let lo = 0
      let hi = ranges.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (ranges[mid]![1] <= m.start) lo = mid + 1
        else hi = mid
      }
      for (let k = lo; k < ranges.length && ranges[k]![0] < m.end; k++) marksOf[k]!.push(m)
    }
    const parts: InlineText[] = []
    ranges.forEach(([start, end], k) => {
      const part = slice({ text, marks: marksOf[k]! }, start, end)
      if (part.text !== '') parts.push(part)
    })
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
  // The last mark kept of each kind and target, found in one step: a scan back through the kept
  // marks made a paragraph of many links quadratic (20,000 links took 12 s).
  const lastOf = new Map<string, InlineMark>()
  for (const m of shrunk) {
    const key = `${m.type}\u0000${m.href ?? ''}`
    const same = lastOf.get(key)
    if (same && m.start <= same.end) same.end = Math.max(same.end, m.end)
    else {
      merged.push(m)
      lastOf.set(key, m)
    }
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
