import approximateSearch from 'approx-string-match'

/** A place in the text that matches a pattern with this many edits (0: exactly). */
export interface Hit {
  start: number
  end: number
  errors: number
}

/**
 * Patterns longer than this are located by their ends and then checked whole: Myers' cost grows
 * with the pattern's length in machine words, and a quote of a whole chapter has thousands.
 */
export const LONG_PATTERN = 512
/** Characters at each end of a long pattern used to locate it. */
const END_CHARS = 64
const END_ERRORS = Math.floor(END_CHARS / 4)

/**
 * The places in text[from, to) matching `pattern` with the fewest edits, if at most `maxErrors`:
 * Myers' bit-parallel search (approx-string-match), O((to - from) · maxErrors / 32).
 */
export function approximateIn(text: string, pattern: string, from: number, to: number, maxErrors: number): Hit[] {
  const lo = Math.max(0, from)
  const hi = Math.min(text.length, to)
  if (!pattern || hi - lo <= 0) return []
  if (pattern.length > LONG_PATTERN) return longIn(text, pattern, lo, hi, maxErrors)
  return approximateSearch(text.slice(lo, hi), pattern, maxErrors).map((h) => ({ start: h.start + lo, end: h.end + lo, errors: h.errors }))
}

/**
 * A long pattern in text[from, to): its first END_CHARS characters found approximately, its last
 * ones found after them about a pattern's length on, and the span between checked whole with a
 * banded edit distance, which costs O(length · maxErrors) rather than O(length²/32).
 */
function longIn(text: string, pattern: string, from: number, to: number, maxErrors: number): Hit[] {
  const m = pattern.length
  const head = pattern.slice(0, END_CHARS)
  const tail = pattern.slice(-END_CHARS)
  const hits: Hit[] = []
  // The best heads first; a head beside one already checked is the same place.
  const heads = approximateIn(text, head, from, to - m + END_CHARS + maxErrors, END_ERRORS).sort((a, b) => a.errors - b.errors)
  const checked: number[] = []
  for (const h of heads) {
    if (checked.some((c) => Math.abs(c - h.start) <= END_ERRORS)) continue
    checked.push(h.start)
    const ends = approximateIn(text, tail, h.start + m - END_CHARS - maxErrors, Math.min(to, h.start + m + maxErrors), END_ERRORS)
    for (const t of ends) {
      const errors = boundedDistance(pattern, text, h.start, t.end, maxErrors)
      if (errors <= maxErrors) hits.push({ start: h.start, end: t.end, errors })
    }
  }
  const fewest = Math.min(...hits.map((h) => h.errors))
  return hits.filter((h) => h.errors === fewest)
}

/**
 * Edit distance between `pattern` and text[start, end), or maxErrors + 1 once it must exceed
 * maxErrors: Ukkonen's band, only cells within maxErrors of the diagonal.
 */
export function boundedDistance(pattern: string, text: string, start: number, end: number, maxErrors: number): number {
  const m = pattern.length
  const n = end - start
  const k = maxErrors
  if (n < 0 || Math.abs(m - n) > k) return k + 1
  const over = k + 1
  let prev = new Int32Array(n + 1)
  let cur = new Int32Array(n + 1)
  for (let j = 0; j <= n; j++) prev[j] = j <= k ? j : over
  for (let i = 1; i <= m; i++) {
    const lo = Math.max(1, i - k)
    const hi = Math.min(n, i + k)
    cur[lo - 1] = lo - 1 === 0 ? i : over
    let rowMin = cur[lo - 1]!
    const a = pattern.charCodeAt(i - 1)
    for (let j = lo; j <= hi; j++) {
      const diagonal = prev[j - 1]! + (a === text.charCodeAt(start + j - 1) ? 0 : 1)
      const up = j <= i - 1 + k ? prev[j]! + 1 : over
      const v = Math.min(diagonal, up, cur[j - 1]! + 1, over)
      cur[j] = v
      if (v < rowMin) rowMin = v
    }
    if (hi < n) cur[hi + 1] = over
    if (rowMin > k) return over
    ;[prev, cur] = [cur, prev]
  }
  return Math.min(prev[n]!, over)
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff

/** Widens a range that would split a surrogate pair, so an emoji or a rare CJK character is never cut in half. */
export function wholeCodePoints(text: string, start: number, end: number): { start: number; end: number } {
  let s = start
  let e = end
  if (s > 0 && isLow(text.charCodeAt(s)) && isHigh(text.charCodeAt(s - 1))) s--
  if (e > 0 && e < text.length && isLow(text.charCodeAt(e)) && isHigh(text.charCodeAt(e - 1))) e++
  return { start: s, end: e }
}
