import { foldWord, wordsOf } from '../search/tokens'

/**
 * Word shingles: every run of `size` consecutive folded words, joined by spaces. Text shorter
 * than one shingle gives its words as a single shingle, so a short passage still compares.
 */
export function wordShingles(text: string, size: number): Set<string> {
  const words = wordsOf(text).map(foldWord)
  const shingles = new Set<string>()
  if (words.length === 0) return shingles
  if (words.length < size) {
    shingles.add(words.join(' '))
    return shingles
  }
  for (let i = 0; i + size <= words.length; i++) shingles.add(words.slice(i, i + size).join(' '))
  return shingles
}

/**
 * How much of the shorter passage the longer one repeats: |A ∩ B| / min(|A|, |B|) over word
 * trigrams. An analyst often highlights a sentence in one article and a whole paragraph in the
 * copy; Jaccard would call that dissimilar, the overlap coefficient does not.
 */
export function passageOverlap(a: string, b: string): number {
  return shingleOverlap(passageShingles(a), passageShingles(b))
}

/** A passage's word trigrams: build them once per passage when comparing it with many others. */
export function passageShingles(text: string): Set<string> {
  return wordShingles(text, PASSAGE_SHINGLE)
}

/** passageOverlap on shingle sets made once, for comparing many passages pairwise (the claims list, the ACH matrix). */
export function shingleOverlap(x: ReadonlySet<string>, y: ReadonlySet<string>): number {
  if (x.size === 0 || y.size === 0) return 0
  const [small, large] = x.size <= y.size ? [x, y] : [y, x]
  let shared = 0
  for (const s of small) if (large.has(s)) shared++
  return shared / small.size
}

export const PASSAGE_SHINGLE = 3
/** Passages sharing at least this share of their word trigrams are "most of their wording" (tests label the pairs). */
export const PASSAGE_COPY_THRESHOLD = 0.5
