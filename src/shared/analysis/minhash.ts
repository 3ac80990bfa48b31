import { foldWord, wordsOf } from '../search/tokens'

/**
 * MinHash over word 4-shingles with banded locality-sensitive hashing (Broder 1997; Leskovec,
 * Rajaraman & Ullman, "Mining of Massive Datasets", ch. 3). Each article keeps a signature of
 * SIGNATURE_SIZE minimums; two signatures agree at a position with probability equal to the
 * articles' Jaccard similarity. LSH cuts the signature into BANDS bands of ROWS rows: articles
 * sharing any whole band are candidates, then compared on their full signatures.
 *
 * With 20 bands of 3 rows, a pair at Jaccard 0.5 becomes a candidate with probability
 * 1 − (1 − 0.5³)²⁰ ≈ 0.93, at 0.7 ≈ 0.9998, and at 0.05 only ≈ 0.0025 (decision 0019).
 */
export const ARTICLE_SHINGLE = 4
export const BANDS = 20
export const ROWS = 3
export const SIGNATURE_SIZE = BANDS * ROWS
/** Articles whose estimated Jaccard reaches this are near-copies (labelled pairs in minhash.test.ts). */
export const NEAR_COPY_THRESHOLD = 0.5

const FNV_OFFSET = 0x811c9dc5

/** FNV-1a, 32-bit: the shingle's base hash. */
export function fnv1a(text: string): number {
  return fnv1aOn(FNV_OFFSET, text) >>> 0
}

/** FNV-1a carried on from `h` over `text`: the hash of a concatenation, part by part. */
function fnv1aOn(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h
}

/** MurmurHash3's finaliser: a bijection on 32-bit integers that mixes every input bit. */
function fmix32(x: number): number {
  x ^= x >>> 16
  x = Math.imul(x, 0x85ebca6b)
  x ^= x >>> 13
  x = Math.imul(x, 0xc2b2ae35)
  x ^= x >>> 16
  return x >>> 0
}

/** One fixed seed per signature position: position i's permutation is fmix32(h ^ SEEDS[i]). */
const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => fmix32(0x9e3779b9 * (i + 1)))

export function signatureOfShingles(shingles: Iterable<string>): Uint32Array {
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff)
  for (const s of shingles) takeShingle(sig, fnv1a(s))
  return sig
}

function takeShingle(sig: Uint32Array, h: number): void {
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    const v = fmix32(h ^ SEEDS[i]!)
    if (v < sig[i]!) sig[i] = v
  }
}

/**
 * The signature of the text's word 4-shingles (shingles.ts `wordShingles`), hashed where they
 * stand rather than joined into strings and gathered in a set: a minimum is the same however
 * often a shingle comes, so the set's work was for nothing, and the strings were most of the
 * cost of a stored import's near-copy check. Equal to signatureOfShingles(wordShingles(text, 4)).
 */
export function minhashSignature(text: string): Uint32Array {
  const words = wordsOf(text).map(foldWord)
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff)
  // A text shorter than a shingle is one shingle of all its words.
  const size = Math.min(ARTICLE_SHINGLE, words.length)
  for (let start = 0; size > 0 && start + size <= words.length; start++) {
    let h = fnv1aOn(FNV_OFFSET, words[start]!)
    for (let k = 1; k < size; k++) h = fnv1aOn(fnv1aOn(h, ' '), words[start + k]!)
    takeShingle(sig, h >>> 0)
  }
  return sig
}

/** The share of positions where two signatures agree: an unbiased estimate of Jaccard similarity. */
export function estimatedJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++
  return same / SIGNATURE_SIZE
}

/**
 * One integer key per band: band number × 2³² + a hash of the band's rows, so one index on
 * (key) finds every article sharing that band. Fits in a double's 53 bits (BANDS < 2²¹).
 */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = []
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b
    for (let r = 0; r < ROWS; r++) h = fmix32(Math.imul(h ^ sig[b * ROWS + r]!, 0x01000193))
    keys.push(b * 0x1_0000_0000 + h)
  }
  return keys
}
