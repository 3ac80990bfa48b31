import type { Reliability } from '../analysis/admiralty'
import type { MessageKey } from '../i18n/messages'

/**
 * Each evidence row carries two weights, credibility and relevance, Low, Medium or High, as in
 * PARC ACH 2.0, which multiplies a rating by both with Low = 1/√2, Medium = 1, High = √2.
 */
export const WEIGHT_LEVELS = ['low', 'medium', 'high'] as const
export type WeightLevel = (typeof WEIGHT_LEVELS)[number]

export const WEIGHT_VALUE: Record<WeightLevel, number> = { low: Math.SQRT1_2, medium: 1, high: Math.SQRT2 }

export const WEIGHT_LABEL: Record<WeightLevel, string> = { low: 'Low', medium: 'Medium', high: 'High' }
/** The weights in the interface's language; WEIGHT_LABEL is what the exports and the CLI write. */
export const WEIGHT_MESSAGES: Readonly<Record<WeightLevel, MessageKey>> = { low: 'ach:weight.low', medium: 'ach:weight.medium', high: 'ach:weight.high' }

export function isWeightLevel(value: unknown): value is WeightLevel {
  return typeof value === 'string' && (WEIGHT_LEVELS as readonly string[]).includes(value)
}

/**
 * credibility × relevance, exactly, as (a + b·√2) / 2 with integers a and b. Every product of two
 * of 1/√2, 1 and √2 has this form (½, √2/2, 1, √2, 2), and so has every sum of them: scores
 * built from it compare exactly, so a tie is a tie and adding the same to every hypothesis never
 * reorders them through rounding.
 */
export interface Surd {
  /** Twice the rational part. */
  a: number
  /** Twice the coefficient of √2. */
  b: number
}

const STEP: Record<WeightLevel, number> = { low: -1, medium: 0, high: 1 }

/** (√2)^(s1 + s2), as a Surd: exponents −2…2 give ½, √2/2, 1, √2, 2. */
export function weightProduct(credibility: WeightLevel, relevance: WeightLevel): Surd {
  switch (STEP[credibility] + STEP[relevance]) {
    case -2:
      return { a: 1, b: 0 }
    case -1:
      return { a: 0, b: 1 }
    case 0:
      return { a: 2, b: 0 }
    case 1:
      return { a: 0, b: 2 }
    default:
      return { a: 4, b: 0 }
  }
}

export function surdValue(s: Surd): number {
  return (s.a + s.b * Math.SQRT2) / 2
}

/** The sign of x − y, exact: compares p + q√2 with 0 through p² and 2q² in integers. */
export function compareSurds(x: Surd, y: Surd): number {
  const p = x.a - y.a
  const q = x.b - y.b
  if (p >= 0 && q >= 0) return p === 0 && q === 0 ? 0 : 1
  if (p <= 0 && q <= 0) return -1
  // Opposite signs: the larger magnitude wins; p² = 2q² only when both are 0, ruled out above.
  const lhs = p * p
  const rhs = 2 * q * q
  return p > 0 ? Math.sign(lhs - rhs) : Math.sign(rhs - lhs)
}

/**
 * The credibility weight a row starts with, from its highlight's Admiralty grades (decision 0023,
 * README "Hypotheses"). Any weak mark pulls it down first, so a grade is never worth more than its
 * worst half:
 * - Low when the source is D or E, or the information 4 or 5 (not usually reliable, unreliable;
 *   doubtful, improbable);
 * - otherwise Medium when either half cannot be judged (F or 6) or is not graded;
 * - High when the source is A or B and the information 1 or 2;
 * - Medium for the rest (C, or 3, or A–B with 3).
 * The analyst can override it; relevance starts at Medium, since no grade speaks to it.
 */
export function defaultCredibilityWeight(reliability: Reliability | null, credibility: number | null): WeightLevel {
  if (reliability === 'D' || reliability === 'E' || credibility === 4 || credibility === 5) return 'low'
  if (reliability === null || credibility === null || reliability === 'F' || credibility === 6) return 'medium'
  if ((reliability === 'A' || reliability === 'B') && (credibility === 1 || credibility === 2)) return 'high'
  return 'medium'
}

export const DEFAULT_RELEVANCE: WeightLevel = 'medium'
