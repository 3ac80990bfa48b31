/**
 * Grapheme cluster boundaries (what a reader sees as one character: an emoji with its ZWJ
 * sequence or skin tone, a letter with its combining marks, a Hangul syllable of jamo, a
 * surrogate pair), so a snippet is never cut and a match never marked inside one. Intl.Segmenter
 * decides; most positions in most texts sit between two characters that cannot join, and those
 * are answered without it.
 */

/**
 * Characters that may join the one before or after them into a cluster (marks, joiners,
 * variation selectors, surrogates, Hangul jamo, prepended signs, CR LF). Between two characters
 * that are neither, there is always a boundary (Unicode UAX #29: no rule keeps them together).
 */
const MARK = /\p{M}/u
const JOINING_RANGES: readonly [number, number][] = [
  [0x0a, 0x0a], // LF (CR LF)
  [0x0d, 0x0d], // CR
  [0x0600, 0x0605], // Arabic prepended signs
  [0x06dd, 0x06dd],
  [0x070f, 0x070f],
  [0x0890, 0x0891],
  [0x08e2, 0x08e2],
  [0x0d4e, 0x0d4e],
  [0x0e33, 0x0e33], // Thai and Lao SARA AM: spacing marks that are letters
  [0x0eb3, 0x0eb3],
  [0x1100, 0x11ff], // Hangul jamo
  [0x200c, 0x200d], // ZWNJ, ZWJ
  [0xa960, 0xa97f],
  [0xd7b0, 0xd7ff],
  [0xd800, 0xdfff], // surrogates: everything outside the BMP (emoji, modifiers, flags, tags)
  [0xfe00, 0xfe0f], // variation selectors
  [0xff9e, 0xff9f] // half-width voiced marks
]

function joining(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  if (c < 0x0a) return false
  for (const [a, b] of JOINING_RANGES) if (c >= a && c <= b) return true
  return c >= 0x0300 && MARK.test(text[i]!)
}

let segmenter: Intl.Segmenter | undefined

function plainBoundary(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return true
  return !joining(text, i - 1) && !joining(text, i)
}

/** The cluster holding the code unit at `i` (0 ≤ i < text.length). */
function clusterAt(text: string, i: number): { start: number; end: number } {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })
  const s = segmenter.segment(text).containing(i)!
  return { start: s.index, end: s.index + s.segment.length }
}

/** The nearest cluster boundary at or before `i`. */
export function boundaryBefore(text: string, i: number): number {
  if (i <= 0) return 0
  if (i >= text.length) return text.length
  return plainBoundary(text, i) ? i : clusterAt(text, i).start
}

/** The nearest cluster boundary at or after `i`. */
export function boundaryAfter(text: string, i: number): number {
  if (i <= 0) return 0
  if (i >= text.length) return text.length
  if (plainBoundary(text, i)) return i
  const c = clusterAt(text, i)
  return c.start === i ? i : c.end
}
