import { ContextSide } from './context-similarity'

/** What a highlight stored about its passage: the W3C quote and position selectors. */
export interface AnchorSelector {
  exact: string
  prefix: string
  suffix: string
  start: number
  end: number
}

export type AnchorMethod = 'position' | 'exact' | 'approximate'

/**
 * Where the passage should start in the new text: one or more guesses (the stored start shifted
 * as its neighbours were) and how far from them it may plausibly have drifted.
 */
export interface Expectation {
  at: readonly number[]
  radius: number
}

/** A place the passage may be now, with how well quote and context agree there (each 0..1). */
export interface Candidate {
  start: number
  end: number
  method: AnchorMethod
  quote: number
  prefix: number
  suffix: number
  /** Characters from the nearest expected position. */
  distance: number
  /** Hypothesis' weighted score: quote 50, prefix 20, suffix 20, position 2, normalized to 0..1. */
  score: number
}

/**
 * The thresholds, in one place so the decision record and the tests can name them. They were set
 * on the bench corpus (bench/anchoring-bench.ts, several seeds) so that no confident result is
 * wrong there unless the selector already fitted two places of the old text.
 */
export const THRESHOLDS = {
  /** A side of context "agrees" at this similarity: about 8 of 32 characters edited. Unrelated text scores 0.2–0.5. */
  sideAgrees: 0.75,
  /** When only one side sets the place apart from the copies of a repeated phrase, it must agree this well. */
  loneSideAgrees: 0.9,
  /** An approximate quote is never placed below this similarity: the words are no longer there. */
  quoteMin: 0.75,
  /** An approximate quote is placed without review only from this similarity, and with both sides agreeing. */
  quoteConfident: 0.85,
  /** Shorter quotes are only matched exactly: a few edits turn a short word into another. */
  approximateMinChars: 8,
  /** An approximate quote with no agreeing context is placed (for review) only if this similar and this long. */
  contextFreeQuote: 0.9,
  contextFreeChars: 24,
  /** A runner-up elsewhere this close in score makes the choice a guess. */
  margin: 0.05,
  /** An exact quote this long that occurs once is placed without review even with its context gone (a moved paragraph). */
  longUniqueChars: 200,
  /** The least distance from the expected position that counts as "moved far"… */
  near: 2048,
  /** …growing by this share of the distance to the neighbour the expectation comes from. */
  drift: 0.25
} as const

const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 }
const WEIGHT_SUM = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position

export function distanceFrom(expectation: Expectation, start: number): number {
  let d = Number.POSITIVE_INFINITY
  for (const at of expectation.at) d = Math.min(d, Math.abs(start - at))
  return d
}

/**
 * Scores places for one highlight's passage, as the Hypothesis client does but with context that
 * must touch the quote. Its context sides are prepared once for all the places weighed.
 */
export class Scorer {
  private readonly prefix: ContextSide
  private readonly suffix: ContextSide

  constructor(
    readonly text: string,
    readonly sel: AnchorSelector,
    readonly expectation: Expectation
  ) {
    this.prefix = new ContextSide(sel.prefix, 'prefix')
    this.suffix = new ContextSide(sel.suffix, 'suffix')
  }

  candidate(start: number, end: number, errors: number, method: AnchorMethod): Candidate {
    const quote = this.sel.exact.length ? Math.max(0, 1 - errors / this.sel.exact.length) : 0
    const prefix = this.prefix.similarity(this.text, start)
    const suffix = this.suffix.similarity(this.text, end)
    const distance = distanceFrom(this.expectation, start)
    const position = 1 - Math.min(1, distance / Math.max(1, this.text.length))
    const score = (WEIGHTS.quote * quote + WEIGHTS.prefix * prefix + WEIGHTS.suffix * suffix + WEIGHTS.position * position) / WEIGHT_SUM
    return { start, end, method, quote, prefix, suffix, distance, score }
  }

  /**
   * How well the context fits with the candidate's quote taken out: the stored prefix just before
   * its end, or the stored suffix just after its start. When that fits as well as around the
   * quote, the quote is not really there: a short quote deleted with a few characters leaves its
   * context around a lookalike inside a word ("the" in "Southern").
   */
  withoutQuote(c: Candidate): number {
    return Math.max(this.prefix.similarity(this.text, c.end), this.suffix.similarity(this.text, c.start))
  }
}

/** One place scored on its own (tests, the bench). */
export function evaluate(text: string, sel: AnchorSelector, start: number, end: number, errors: number, method: AnchorMethod, expectation: Expectation): Candidate {
  return new Scorer(text, sel, expectation).candidate(start, end, errors, method)
}

export const sidesAgreeing = (c: Candidate) => (c.prefix >= THRESHOLDS.sideAgrees ? 1 : 0) + (c.suffix >= THRESHOLDS.sideAgrees ? 1 : 0)

const agrees = (c: Candidate, side: 'prefix' | 'suffix') => c[side] >= THRESHOLDS.sideAgrees
const agreesAtAll = (c: Candidate) => agrees(c, 'prefix') || agrees(c, 'suffix')
const overlaps = (a: Candidate, b: Candidate) => a.start < b.end && b.start < a.end

export interface Choice {
  top: Candidate
  /** The best candidate elsewhere (not overlapping the top one). */
  runnerUp: Candidate | null
  /** Whether another place has the quote and all the context that sets the top one apart. */
  rivalled: boolean
  /** The agreement of the one side no other place shares, when only one does (else 1). */
  loneSide: number
}

/**
 * The best candidate, and what competes with it. A side of context is evidence only if no other
 * place shares it: a highlight at the end of a stock phrase has the phrase as its prefix at every
 * copy. A rival is another place with the quote (nearly) that agrees on every side that does set
 * the top one apart; with no such side, any place agreeing on one side is a rival. And when the
 * top one moved far, a place near where it was expected with the quote and one side of its
 * context is a rival too: a moved paragraph can land after another copy of a phrase.
 */
export function choose(candidates: readonly Candidate[], expectation: Expectation): Choice | null {
  let top: Candidate | null = null
  for (const c of candidates) if (!top || c.score > top.score) top = c
  if (!top) return null
  const others = candidates.filter((c) => !overlaps(c, top) && c.quote >= THRESHOLDS.quoteMin)
  const distinctive = (['prefix', 'suffix'] as const).filter((side) => agrees(top, side) && !others.some((c) => agrees(c, side)))
  const sharesEvidence = (c: Candidate) => (distinctive.length ? distinctive.every((side) => agrees(c, side)) : agreesAtAll(c))
  const nearer = (c: Candidate) => top.distance > expectation.radius && c.distance <= expectation.radius && agreesAtAll(c)
  const rivalled = others.some((c) => sharesEvidence(c) || nearer(c))
  let runnerUp: Candidate | null = null
  for (const c of candidates) if (!overlaps(c, top) && (!runnerUp || c.score > runnerUp.score)) runnerUp = c
  const loneSide = distinctive.length === 1 ? top[distinctive[0]!] : 1
  return { top, runnerUp, rivalled, loneSide }
}

export type Verdict = 'confident' | 'review' | 'orphan'

/**
 * Whether the chosen candidate may be placed, and whether without review. `strong` says the
 * evidence alone would do: confident, or confident but for having moved far from where it was
 * expected (reanchorAll then trusts its shift for the highlights after it).
 *
 * Confidence needs evidence a stranger cannot have by chance: the quote (exact, or nearly) with
 * both sides of its context, and no rival (see choose). One agreeing side is not enough: a
 * highlight inside a longer repeated phrase shares that side with every other copy. Nor is a
 * better score: where stock phrases recur, an untouched copy can outscore the highlighted passage
 * whose neighbouring words were edited. And a passage far from where its neighbours say it should
 * be is shown for review: where a selector fitted two places of the old text (two junctions of the
 * same stock phrases), a copy far away may be all that is left after the passage was deleted.
 */
export function verdict(scorer: Scorer, choice: Choice, exactCount: number): { verdict: Verdict; strong: boolean } {
  const c = choice.top
  const m = scorer.sel.exact.length
  const sides = sidesAgreeing(c)
  const exact = c.quote === 1
  const review = { verdict: 'review', strong: false } as const
  if (!exact) {
    const orphan = { verdict: 'orphan', strong: false } as const
    if (c.quote < THRESHOLDS.quoteMin || m < THRESHOLDS.approximateMinChars) return orphan
    if (sides === 0 && (c.quote < THRESHOLDS.contextFreeQuote || m < THRESHOLDS.contextFreeChars)) return orphan
  }
  if (choice.rivalled || (choice.runnerUp && choice.runnerUp.score > c.score - THRESHOLDS.margin)) return review
  if (choice.loneSide < THRESHOLDS.loneSideAgrees) return review
  const evidenced = (sides === 2 && (exact || c.quote >= THRESHOLDS.quoteConfident)) || (exact && exactCount === 1 && m >= THRESHOLDS.longUniqueChars)
  if (!evidenced || scorer.withoutQuote(c) >= Math.min(c.prefix, c.suffix)) return review
  return { verdict: c.distance > scorer.expectation.radius ? 'review' : 'confident', strong: true }
}

/**
 * Confidence in bands, so a reader needs no threshold: 1 for the stored position with its
 * context, 0.9–1 placed without review, 0.5–0.9 placed for review, 0 for an orphan.
 */
export function confidence(c: Candidate, v: Verdict): number {
  if (v === 'orphan') return 0
  if (c.method === 'position' && v === 'confident') return 1
  const within = Math.max(0, Math.min(1, (c.score - 0.5) / 0.5))
  return v === 'confident' ? 0.9 + 0.0999 * within : 0.5 + 0.3999 * within
}
