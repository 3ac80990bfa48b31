import { choose, confidence, distanceFrom, evaluate, Scorer, sidesAgreeing, THRESHOLDS, verdict, type AnchorMethod, type AnchorSelector, type Candidate, type Expectation } from './candidate-score'
import { commonPrefixContext, commonSuffixContext } from './context-similarity'
import { approximateIn, wholeCodePoints, type Hit } from './quote-search'
import { gramIndex, scanIndex, type TextIndex } from './text-index'

export type { AnchorMethod, AnchorSelector } from './candidate-score'
export { THRESHOLDS } from './candidate-score'

export interface ReanchorOptions {
  /** Where the passage is expected to start in the new text; the stored start by default. */
  expected?: number
}

export type ReanchorResult =
  | {
      status: 'anchored'
      start: number
      end: number
      /** 1 at the stored position with its context; 0.9–1 placed without review; 0.5–0.9 placed for review. */
      confidence: number
      method: AnchorMethod
      /** The analyst should confirm the place: the quote or its context changed, recurs, or moved far. */
      needsReview: boolean
    }
  | { status: 'orphaned'; confidence: 0; method: 'none'; needsReview: true }

const ORPHAN: ReanchorResult = { status: 'orphaned', confidence: 0, method: 'none', needsReview: true }

/** Texts from this length are indexed by reanchorAll; a shorter one is scanned faster than indexed. */
const INDEX_MIN_CHARS = 32_768
/** Characters each side of the expected position searched approximately. */
const WINDOW = THRESHOLDS.near
/**
 * Occurrences of a quote scored in full, ranked by how many context characters they share: enough
 * that every copy of a repeated phrase is weighed before one is called certain.
 */
const SCORED_OCCURRENCES = 160
const NEAREST_OCCURRENCES = 8
const MAX_OCCURRENCES = 20_000
/** Places where the stored prefix or suffix recurs, searched for the quote; the nearest to the expected position first. */
const CONTEXT_ANCHORS = 48
/** A stored side shorter than this is too common to search for on its own. */
const MIN_ANCHOR_CHARS = 12
/** Pieces of a quote searched exactly to find it anywhere when edited: at most this many, at least this long. */
const MAX_PIECES = 16
const MIN_PIECE_CHARS = 8
/** Places of one piece checked, the nearest to the expected position first. */
const PIECE_PLACES = 32

/**
 * Finds a highlight's passage in a changed text: the stored position if the quote and its
 * context are still there; else the exact quote, chosen among its occurrences by context;
 * else an approximate match, where the stored context still is, near the expected position,
 * then anywhere. A place is reported without review only when quote and context leave no doubt,
 * and a passage that is gone becomes an orphan rather than a guess (decision 0007).
 *
 * For the highlights of one article, reanchorAll is faster and surer: its neighbours tell each
 * highlight where to expect its passage.
 */
export function reanchor(newText: string, selector: AnchorSelector, options: ReanchorOptions = {}): ReanchorResult {
  const staying = atStoredPosition(newText, selector)
  if (staying) return staying
  const expected = clampOffset(newText, options.expected ?? selector.start)
  // With no neighbour to go by, the passage may have drifted by a share of everything before it.
  return search(scanIndex(newText), selector, { at: [expected], radius: THRESHOLDS.near + THRESHOLDS.drift * expected }).result
}

/**
 * Re-anchors the highlights of one article. A first pass keeps every highlight still at its
 * stored position. The others are searched in text order, each expected where the highlights
 * placed before it moved to: by the last one's shift, or by the median of the last three, so one
 * moved paragraph does not mislead the next. A long text is indexed once for all of them.
 */
export function reanchorAll(newText: string, selectors: readonly AnchorSelector[]): ReanchorResult[] {
  const results = selectors.map((sel) => atStoredPosition(newText, sel))
  const order = selectors.map((_, i) => i).sort((a, b) => startOf(selectors[a]!) - startOf(selectors[b]!))
  let index: TextIndex | null = null
  const shifts: number[] = []
  let lastStart = 0
  for (const i of order) {
    const sel = selectors[i]!
    const old = startOf(sel)
    let r = results[i]
    let strong = r !== null
    if (!r) {
      index ??= newText.length >= INDEX_MIN_CHARS ? gramIndex(newText) : scanIndex(newText)
      const last = shifts.at(-1) ?? 0
      const typical = median(shifts.slice(-3)) ?? 0
      const at = [...new Set([last, typical])].map((shift) => clampOffset(newText, old + shift))
      const found = search(index, sel, { at, radius: THRESHOLDS.near + THRESHOLDS.drift * Math.abs(old - lastStart) })
      r = found.result
      strong = found.strong
      results[i] = r
    }
    if (strong && r.status === 'anchored') {
      shifts.push(r.start - old)
      lastStart = old
    }
  }
  return results as ReanchorResult[]
}

const startOf = (sel: AnchorSelector) => (Number.isFinite(sel.start) ? sel.start : 0)

function clampOffset(text: string, offset: number): number {
  return Number.isFinite(offset) ? Math.max(0, Math.min(text.length, Math.round(offset))) : 0
}

function median(values: readonly number[]): number | undefined {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[sorted.length >> 1]
}

const hasStoredPosition = (text: string, sel: AnchorSelector) =>
  Number.isInteger(sel.start) && sel.start >= 0 && sel.end === sel.start + sel.exact.length && sel.end <= text.length && text.startsWith(sel.exact, sel.start)

/**
 * Stage 1: the quote still at its stored position with its whole context, untouched. Only an
 * edit that shifted a copy of the whole selector onto exactly the old offset could fool it. With
 * the context only nearly there, the stored position competes with the other places instead: in
 * "grid grid", a shift can put the other copy on the old offset with most of the context.
 */
function atStoredPosition(text: string, sel: AnchorSelector): ReanchorResult | null {
  if (!sel.exact || !hasStoredPosition(text, sel)) return null
  const c = evaluate(text, sel, sel.start, sel.end, 0, 'position', { at: [sel.start], radius: 0 })
  return c.prefix === 1 && c.suffix === 1 ? anchored(c, 'confident') : null
}

interface Found {
  result: ReanchorResult
  /** The evidence alone would make it confident (it may still be for review, having moved far). */
  strong: boolean
}

/** Stages 2 and 3: the exact quote anywhere, then approximate matches, each compared with every rival found. */
function search(index: TextIndex, sel: AnchorSelector, expectation: Expectation): Found {
  const text = index.text
  const exact = sel.exact
  if (!exact || !text) return { result: ORPHAN, strong: false }
  const m = exact.length
  const pool = new Pool(text, sel, expectation)
  const found = index.occurrences(exact, MAX_OCCURRENCES)
  const isOccurrence = new Set(found)
  const prefixEnds = contextAnchors(index, sel.prefix, expectation).map((at) => at + sel.prefix.length)
  const suffixStarts = contextAnchors(index, sel.suffix, expectation)

  // Stage 2: exact occurrences, the promising ones scored in full, among them every one the stored context points at.
  for (const at of rankedOccurrences(text, sel, found, expectation)) pool.add(at, at + m, 0)
  for (const at of prefixEnds) if (isOccurrence.has(at)) pool.add(at, at + m, 0)
  for (const at of suffixStarts) if (isOccurrence.has(at - m)) pool.add(at - m, at, 0)
  const exactOnly = pool.decide(found.length)
  if ((exactOnly.result.status === 'anchored' && !exactOnly.result.needsReview) || m < THRESHOLDS.approximateMinChars) return exactOnly
  // The exact quote still at its stored offset, chosen among the exact places: an edit touched its
  // context only. An approximate match elsewhere must not take its place (it stays for review).
  if (exactOnly.result.status === 'anchored' && exactOnly.result.start === sel.start && exactOnly.result.end === sel.end) return exactOnly

  // Stage 3: the quote edited. First where its stored context still is, then near the expected position.
  const maxErrors = Math.min(256, Math.floor(m * (1 - THRESHOLDS.quoteMin)))
  const settled = (f: Found) => f.result.status === 'anchored' && !f.result.needsReview
  for (const at of prefixEnds) if (!isOccurrence.has(at)) pool.addHits(approximateIn(text, exact, at - maxErrors, at + m + maxErrors, maxErrors))
  for (const at of suffixStarts) if (!isOccurrence.has(at - m) && !pool.has(at)) pool.addHits(approximateIn(text, exact, at - m - maxErrors, at + maxErrors, maxErrors))
  const inContext = pool.decide(found.length)
  if (settled(inContext)) return inContext
  for (const at of expectation.at) pool.addHits(approximateBetween(text, exact, at - WINDOW - m, at + WINDOW + 2 * m, maxErrors, found))
  const near = pool.decide(found.length)
  if (settled(near) || pool.hasSupport()) return near

  // Then anywhere: the passage moved far with its words edited, or it is gone.
  pool.addHits(anywhere(index, exact, maxErrors, expectation))
  return pool.decide(found.length)
}

/** The candidates found so far for one highlight, each place scored once. */
class Pool {
  private readonly candidates: Candidate[] = []
  private readonly seen = new Set<string>()
  private readonly scorer: Scorer
  constructor(
    private readonly text: string,
    private readonly sel: AnchorSelector,
    private readonly expectation: Expectation
  ) {
    this.scorer = new Scorer(text, sel, expectation)
  }

  add(start: number, end: number, errors: number): void {
    const key = `${start}:${end}`
    if (this.seen.has(key)) return
    this.seen.add(key)
    const method = errors > 0 ? 'approximate' : start === this.sel.start && end === this.sel.end ? 'position' : 'exact'
    this.candidates.push(this.scorer.candidate(start, end, errors, method))
  }

  addHits(hits: readonly Hit[]): void {
    for (const h of hits) {
      const r = wholeCodePoints(this.text, h.start, h.end)
      this.add(r.start, r.end, h.errors)
    }
  }

  /** Whether a candidate already ends at `end` (the suffix's place, found from the prefix's). */
  has(end: number): boolean {
    return this.candidates.some((c) => c.end === end)
  }

  /** Whether some candidate has at least one side of its context: the passage is likely here, if edited. */
  hasSupport(): boolean {
    return this.candidates.some((c) => sidesAgreeing(c) > 0 && c.quote >= THRESHOLDS.quoteMin)
  }

  decide(exactCount: number): Found {
    const choice = choose(this.candidates, this.expectation)
    if (!choice) return { result: ORPHAN, strong: false }
    const v = verdict(this.scorer, choice, exactCount)
    return { result: v.verdict === 'orphan' ? ORPHAN : anchored(choice.top, v.verdict), strong: v.strong }
  }
}

const byDistance = (expectation: Expectation) => (a: number, b: number) => distanceFrom(expectation, a) - distanceFrom(expectation, b)

/**
 * Where the stored prefix (or suffix) occurs whole, nearest to the expected position first. It
 * points at the passage even when the quote itself was edited, and at every copy of a repeated
 * phrase, which must be weighed before any of them is called certain.
 */
function contextAnchors(index: TextIndex, context: string, expectation: Expectation): number[] {
  if (context.length < MIN_ANCHOR_CHARS) return []
  const all = index.occurrences(context, MAX_OCCURRENCES)
  return all.length <= CONTEXT_ANCHORS ? all : all.sort(byDistance(expectation)).slice(0, CONTEXT_ANCHORS)
}

/**
 * The occurrences worth scoring in full: those sharing the most context characters, and the
 * nearest to the expected position. A one-word quote can occur thousands of times.
 */
function rankedOccurrences(text: string, sel: AnchorSelector, all: readonly number[], expectation: Expectation): readonly number[] {
  if (all.length <= SCORED_OCCURRENCES) return all
  const shared = (at: number) => commonPrefixContext(text, at, sel.prefix) + commonSuffixContext(text, at + sel.exact.length, sel.suffix)
  const byContext = all
    .map((at) => ({ at, shared: shared(at) }))
    .sort((a, b) => b.shared - a.shared)
    .slice(0, SCORED_OCCURRENCES - NEAREST_OCCURRENCES)
    .map((o) => o.at)
  const nearest = [...all].sort(byDistance(expectation)).slice(0, NEAREST_OCCURRENCES)
  return [...new Set([...byContext, ...nearest])]
}

/**
 * Approximate matches in text[from, to) outside the exact occurrences: Myers reports only the
 * matches with the fewest edits, so an exact copy of the quote nearby would hide the edited
 * passage itself.
 */
function approximateBetween(text: string, exact: string, from: number, to: number, maxErrors: number, exactStarts: readonly number[]): Hit[] {
  const hits: Hit[] = []
  let cursor = from
  for (const at of exactStarts) {
    if (at + exact.length <= from) continue
    if (at >= to) break
    hits.push(...approximateIn(text, exact, cursor, at, maxErrors))
    cursor = Math.max(cursor, at + exact.length)
  }
  hits.push(...approximateIn(text, exact, cursor, to, maxErrors))
  return hits
}

/**
 * Approximate matches anywhere in the text, for a passage that moved far and was edited. With no
 * context to support it, a match is only accepted with at most 10% of the quote edited
 * (THRESHOLDS.contextFreeQuote), so by the pigeonhole principle one of ⌊10%⌋ + 1 pieces of the
 * quote is still there exactly: a few index lookups and checks in small windows replace a Myers
 * scan of the whole text, which costs O(n · m / 32) for every deleted passage.
 */
function anywhere(index: TextIndex, exact: string, maxErrors: number, expectation: Expectation): Hit[] {
  const text = index.text
  const m = exact.length
  const pieces = Math.min(MAX_PIECES, Math.floor(m * (1 - THRESHOLDS.contextFreeQuote)) + 1, Math.floor(m / MIN_PIECE_CHARS))
  if (pieces < 2) return []
  const guesses: number[] = []
  for (let k = 0; k < pieces; k++) {
    const from = Math.floor((k * m) / pieces)
    const piece = exact.slice(from, Math.floor(((k + 1) * m) / pieces))
    // A piece that is a common phrase points everywhere; its nearest places are enough, the rarer pieces locate the rest.
    const places = index.occurrences(piece, MAX_OCCURRENCES)
    const nearest = places.length <= PIECE_PLACES ? places : places.sort(byDistance(expectation)).slice(0, PIECE_PLACES)
    for (const at of nearest) guesses.push(at - from)
  }
  guesses.sort((a, b) => a - b)
  const hits: Hit[] = []
  const slack = maxErrors + MIN_PIECE_CHARS
  let checkedTo = -1
  for (const g of guesses) {
    if (g + m + slack <= checkedTo) continue
    const from = Math.max(g - slack, checkedTo - m)
    const to = g + m + slack
    hits.push(...approximateIn(text, exact, from, to, maxErrors))
    checkedTo = to
  }
  return hits
}

function anchored(c: Candidate, v: 'confident' | 'review'): ReanchorResult {
  return { status: 'anchored', start: c.start, end: c.end, confidence: confidence(c, v), method: c.method, needsReview: v !== 'confident' }
}
