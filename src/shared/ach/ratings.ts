import type { MessageKey } from '../i18n/messages'

/**
 * The ratings of an ACH matrix (Heuer, "Psychology of Intelligence Analysis", ch. 8; PARC ACH 2.0).
 * A cell rates how one piece of evidence bears on one hypothesis. Blank (null) is "not rated yet",
 * NA is the analyst's "does not apply": neither counts anywhere.
 */
export const RATINGS = ['CC', 'C', 'N', 'I', 'II', 'NA'] as const
export type Rating = (typeof RATINGS)[number]
/** A cell: a rating, or null when not rated. */
export type Cell = Rating | null

/** The ratings' meanings in the interface's language; RATING_MEANING is what the exports write. */
export const RATING_MESSAGES: Readonly<Record<Rating, MessageKey>> = {
  CC: 'ach:rating.CC',
  C: 'ach:rating.C',
  N: 'ach:rating.N',
  I: 'ach:rating.I',
  II: 'ach:rating.II',
  NA: 'ach:rating.NA'
}

export const RATING_MEANING: Record<Rating, string> = {
  CC: 'very consistent',
  C: 'consistent',
  N: 'neutral',
  I: 'inconsistent',
  II: 'very inconsistent',
  NA: 'not applicable'
}

/** Heuer's inconsistency: only evidence against a hypothesis counts, I once and II twice. */
export function inconsistencyOf(cell: Cell): 0 | 1 | 2 {
  return cell === 'I' ? 1 : cell === 'II' ? 2 : 0
}

/**
 * Where a rating sits on one scale from very consistent (+2) to very inconsistent (−2), for
 * diagnosticity; null for NA and blank, which say nothing about the evidence's bearing.
 */
export function positionOf(cell: Cell): number | null {
  switch (cell) {
    case 'CC':
      return 2
    case 'C':
      return 1
    case 'N':
      return 0
    case 'I':
      return -1
    case 'II':
      return -2
    default:
      return null
  }
}

export function isRating(value: unknown): value is Rating {
  return typeof value === 'string' && (RATINGS as readonly string[]).includes(value)
}

/**
 * The keys that rate a cell in the matrix view: lower case for the plain rating, Shift for the
 * strong one (c C, i I), n neutral, a not applicable. Delete and Backspace clear (null).
 */
export const RATING_KEYS: Readonly<Record<string, Rating>> = { c: 'C', C: 'CC', n: 'N', i: 'I', I: 'II', a: 'NA' }

/** The rating a key gives, `null` for a key that clears the cell, `undefined` for any other key. */
export function ratingForKey(key: string): Cell | undefined {
  if (key === 'Delete' || key === 'Backspace') return null
  return RATING_KEYS[key]
}
