import { CONTEXT_CHARS } from './text-quote-selector'

/**
 * Stands for the start or the end of the text. A stored prefix shorter than CONTEXT_CHARS was
 * cut at the start of the old text, so "the quote began the article" is context too, and an
 * empty prefix agrees only with a candidate at the very start.
 */
const EDGE = '\u0000'
const EDGE_CODE = 0

/** Extra characters of text compared beyond the context's length, so inserted words cost only their length. */
const slack = (length: number) => Math.ceil(length / 4) + 2

/**
 * One stored side of a quote's context (prefix or suffix), ready to be compared with the text at
 * many candidates. Similarity is 1 minus the edit distance per character, aligned at the quote:
 * context must touch the quote to count, unlike the Hypothesis client's score, which lets the
 * prefix match anywhere near it.
 */
export class ContextSide {
  private readonly pattern: string
  private readonly matcher: WordMatcher | null

  constructor(
    stored: string,
    private readonly side: 'prefix' | 'suffix'
  ) {
    const edged = stored.length < CONTEXT_CHARS
    this.pattern = side === 'prefix' ? (edged ? EDGE + stored : stored) : edged ? stored + EDGE : stored
    // Read from the quote outwards: a prefix backwards, a suffix forwards.
    this.matcher = this.pattern.length <= 32 ? new WordMatcher(side === 'prefix' ? this.pattern.split('').reverse().join('') : this.pattern) : null
  }

  /** How well this side agrees with the text at `at` (the quote's start for a prefix, its end for a suffix). */
  similarity(text: string, at: number): number {
    const p = this.pattern
    const reach = p.length + slack(p.length)
    if (!this.matcher) return 1 - this.slowDistance(text, at, reach) / p.length
    const distance = this.side === 'prefix' ? this.matcher.backwards(text, at, Math.max(0, at - reach), at - reach <= 0) : this.matcher.forwards(text, at, Math.min(text.length, at + reach), at + reach >= text.length)
    return 1 - distance / p.length
  }

  /** The same by dynamic programming, for a context longer than a machine word (not made by quoteSelector). */
  private slowDistance(text: string, at: number, reach: number): number {
    if (this.side === 'prefix') {
      const from = at - reach
      return anchoredDistance(this.pattern, from <= 0 ? EDGE + text.slice(0, at) : text.slice(from, at), true)
    }
    const to = at + reach
    return anchoredDistance(this.pattern, to >= text.length ? text.slice(at) + EDGE : text.slice(at, to), false)
  }
}

/**
 * Edit distance between a pattern of at most 32 characters and a piece of text that starts where
 * the pattern does, the text free to stop anywhere: Myers' bit-vector algorithm (Hyyrö's
 * formulation), with the top row counting up so the alignment is anchored at the start.
 */
class WordMatcher {
  private readonly ascii = new Int32Array(128)
  private readonly other = new Map<number, number>()
  private readonly last: number
  private readonly all: number

  constructor(private readonly pattern: string) {
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i)
      if (c < 128) this.ascii[c]! |= 1 << i
      else this.other.set(c, (this.other.get(c) ?? 0) | (1 << i))
    }
    this.last = 1 << (pattern.length - 1)
    this.all = pattern.length === 32 ? -1 : (1 << pattern.length) - 1
  }

  private eq(c: number): number {
    return c < 128 ? this.ascii[c]! : (this.other.get(c) ?? 0)
  }

  /** Distance reading text[from, to) forwards, then the edge of the text if `edge`. */
  forwards(text: string, from: number, to: number, edge: boolean): number {
    const run = this.start()
    for (let j = from; j < to; j++) this.step(run, this.eq(text.charCodeAt(j)))
    if (edge) this.step(run, this.eq(EDGE_CODE))
    return run.best
  }

  /** Distance reading text[from, to) backwards from `to`, then the edge of the text if `edge`. */
  backwards(text: string, to: number, from: number, edge: boolean): number {
    const run = this.start()
    for (let j = to - 1; j >= from; j--) this.step(run, this.eq(text.charCodeAt(j)))
    if (edge) this.step(run, this.eq(EDGE_CODE))
    return run.best
  }

  private start() {
    if (!this.pattern.length) return { pv: 0, mv: 0, score: 0, best: 0 }
    return { pv: this.all, mv: 0, score: this.pattern.length, best: this.pattern.length }
  }

  private step(run: { pv: number; mv: number; score: number; best: number }, eq: number): void {
    if (!this.pattern.length) return
    const { pv, mv } = run
    const xv = eq | mv
    const xh = (((eq & pv) + pv) ^ pv) | eq
    let ph = mv | ~(xh | pv)
    let mh = pv & xh
    if (ph & this.last) run.score++
    else if (mh & this.last) run.score--
    // The top row grows by one per text character: the alignment starts at the quote.
    ph = (ph << 1) | 1
    mh <<= 1
    run.pv = (mh | ~(xv | ph)) & this.all
    run.mv = ph & xv & this.all
    if (run.score < run.best) run.best = run.score
  }
}

/** Characters of the stored prefix that equal the text just before `at`: a cheap first sort of many occurrences. */
export function commonPrefixContext(text: string, at: number, prefix: string): number {
  let k = 0
  while (k < prefix.length && at - 1 - k >= 0 && text.charCodeAt(at - 1 - k) === prefix.charCodeAt(prefix.length - 1 - k)) k++
  return k
}

/** Characters of the stored suffix that equal the text from `at` on. */
export function commonSuffixContext(text: string, at: number, suffix: string): number {
  let k = 0
  while (k < suffix.length && at + k < text.length && text.charCodeAt(at + k) === suffix.charCodeAt(k)) k++
  return k
}

let row = new Int32Array(64)

/**
 * Edit distance between all of `pattern` and a piece of `text` that starts at the same end
 * (their ends when `fromEnd`), the text free to stop anywhere: Levenshtein with one row. The
 * reference for the bit-vector version, and the fallback for contexts longer than 32 characters.
 */
export function anchoredDistance(pattern: string, text: string, fromEnd: boolean): number {
  const n = pattern.length
  const m = text.length
  if (row.length < m + 1) row = new Int32Array(2 * (m + 1))
  for (let j = 0; j <= m; j++) row[j] = j
  for (let i = 1; i <= n; i++) {
    const a = pattern.charCodeAt(fromEnd ? n - i : i - 1)
    let diagonal = row[0]!
    row[0] = i
    for (let j = 1; j <= m; j++) {
      const b = text.charCodeAt(fromEnd ? m - j : j - 1)
      const above = row[j]!
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a === b ? 0 : 1))
      diagonal = above
    }
  }
  let best = row[0]!
  for (let j = 1; j <= m; j++) best = Math.min(best, row[j]!)
  return best
}
