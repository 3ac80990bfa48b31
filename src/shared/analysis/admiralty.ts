import type { MessageKey } from '../i18n/messages'

/**
 * The NATO / Admiralty grading. Two independent judgements: how far the source can be trusted
 * (reliability, A–F, set on the source) and how believable this one piece of information is
 * (credibility, 1–6, set on each highlight). A grade is never assumed: ungraded is its own state.
 */
export const RELIABILITY_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const
export type Reliability = (typeof RELIABILITY_GRADES)[number]

export const CREDIBILITY_GRADES = [1, 2, 3, 4, 5, 6] as const
export type Credibility = (typeof CREDIBILITY_GRADES)[number]

/**
 * The scale's wording in the interface's language (catalog keys the components translate); the
 * English tables below are what the exports and the CLI write.
 */
export const RELIABILITY_MESSAGES: Readonly<Record<Reliability, MessageKey>> = {
  A: 'claims:grade.reliability.A',
  B: 'claims:grade.reliability.B',
  C: 'claims:grade.reliability.C',
  D: 'claims:grade.reliability.D',
  E: 'claims:grade.reliability.E',
  F: 'claims:grade.reliability.F'
}

export const CREDIBILITY_MESSAGES: Readonly<Record<Credibility, MessageKey>> = {
  1: 'claims:grade.credibility.1',
  2: 'claims:grade.credibility.2',
  3: 'claims:grade.credibility.3',
  4: 'claims:grade.credibility.4',
  5: 'claims:grade.credibility.5',
  6: 'claims:grade.credibility.6'
}

export const RELIABILITY_MEANING: Record<Reliability, string> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged'
}

export const CREDIBILITY_MEANING: Record<Credibility, string> = {
  1: 'Confirmed by other independent sources',
  2: 'Probably true',
  3: 'Possibly true',
  4: 'Doubtful',
  5: 'Improbable',
  6: 'Truth cannot be judged'
}

export function isReliability(value: unknown): value is Reliability {
  return typeof value === 'string' && (RELIABILITY_GRADES as readonly string[]).includes(value)
}

export function isCredibility(value: unknown): value is Credibility {
  return typeof value === 'number' && (CREDIBILITY_GRADES as readonly number[]).includes(value)
}

/** "B2", "B?" (credibility not graded), "?2", or "ungraded" when neither is set. */
export function gradeLabel(reliability: Reliability | null, credibility: number | null): string {
  if (reliability === null && credibility === null) return 'ungraded'
  return `${reliability ?? '?'}${credibility ?? '?'}`
}

/** Both definitions, for a chip's tooltip and the exports. The two scales are independent. */
export function gradeDescription(reliability: Reliability | null, credibility: number | null): string {
  const source = reliability ? `Source reliability ${reliability}: ${RELIABILITY_MEANING[reliability].toLowerCase()}` : 'Source reliability not graded'
  const info = isCredibility(credibility) ? `information credibility ${credibility}: ${CREDIBILITY_MEANING[credibility].toLowerCase()}` : 'information credibility not graded'
  return `${source}; ${info} (graded independently).`
}

/**
 * "A-B", "b", "A–C" (en dash), "C-A": the grades between the two ends, inclusive, in scale order.
 * Null when the text is not a reliability range.
 */
export function parseReliabilityRange(text: string): Reliability[] | null {
  const m = /^([a-f])(?:\s*[-–]\s*([a-f]))?$/i.exec(text.trim())
  if (!m) return null
  const a = RELIABILITY_GRADES.indexOf(m[1]!.toUpperCase() as Reliability)
  const b = RELIABILITY_GRADES.indexOf((m[2] ?? m[1]!).toUpperCase() as Reliability)
  return RELIABILITY_GRADES.slice(Math.min(a, b), Math.max(a, b) + 1)
}

/** "1-2", "3", "4–6": the credibility grades between the two ends, inclusive. */
export function parseCredibilityRange(text: string): Credibility[] | null {
  const m = /^([1-6])(?:\s*[-–]\s*([1-6]))?$/.exec(text.trim())
  if (!m) return null
  const a = Number(m[1])
  const b = Number(m[2] ?? m[1])
  return CREDIBILITY_GRADES.filter((g) => g >= Math.min(a, b) && g <= Math.max(a, b))
}

/** The better of two reliabilities (A is best); null counts as worse than any grade. */
export function betterReliability(a: Reliability | null, b: Reliability | null): Reliability | null {
  if (a === null) return b
  if (b === null) return a
  return a < b ? a : b
}

/** The better of two credibilities (1 is best); null counts as worse than any grade. */
export function betterCredibility(a: Credibility | null, b: Credibility | null): Credibility | null {
  if (a === null) return b
  if (b === null) return a
  return Math.min(a, b) as Credibility
}
