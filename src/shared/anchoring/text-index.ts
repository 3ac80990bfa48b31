/** Finds where a string occurs in one text, in ascending order. */
export interface TextIndex {
  readonly text: string
  occurrences(pattern: string, limit?: number): number[]
}

/** No index: indexOf over the whole text for every pattern. Right for one highlight or a short text. */
export function scanIndex(text: string): TextIndex {
  return {
    text,
    occurrences(pattern, limit = Number.POSITIVE_INFINITY) {
      const found: number[] = []
      if (!pattern) return found
      for (let i = text.indexOf(pattern); i !== -1 && found.length < limit; i = text.indexOf(pattern, i + 1)) found.push(i)
      return found
    }
  }
}

/** Length of the substrings indexed; shorter patterns fall back to a scan. */
const GRAM = 8

function gramHash(s: string, at: number): number {
  let h = 0x811c9dc5
  for (let j = 0; j < GRAM; j++) h = Math.imul(h ^ s.charCodeAt(at + j), 0x01000193)
  return h >>> 0
}

/**
 * Every position of the text filed by a hash of the 8 characters starting there: buckets in one
 * typed array, so a 1 MB text costs 8 MB and 40–60 ms to index. A pattern is looked up by its
 * rarest 8 characters and each place checked whole, so re-anchoring a hundred highlights reads
 * a few buckets instead of scanning the text a few hundred times.
 */
export function gramIndex(text: string): TextIndex {
  const scan = scanIndex(text)
  const positions = Math.max(0, text.length - GRAM + 1)
  let bits = 10
  while (1 << bits < positions && bits < 22) bits++
  const mask = (1 << bits) - 1
  const hashes = new Int32Array(positions)
  const starts = new Int32Array((1 << bits) + 1)
  for (let i = 0; i < positions; i++) {
    const b = gramHash(text, i) & mask
    hashes[i] = b
    starts[b + 1]!++
  }
  for (let b = 0; b < 1 << bits; b++) starts[b + 1]! += starts[b]!
  const filed = new Int32Array(positions)
  const next = starts.slice(0, 1 << bits)
  for (let i = 0; i < positions; i++) filed[next[hashes[i]!]!++] = i

  return {
    text,
    occurrences(pattern, limit = Number.POSITIVE_INFINITY) {
      if (pattern.length < GRAM) return scan.occurrences(pattern, limit)
      let bestOffset = 0
      let bestBucket = 0
      let bestSize = Number.POSITIVE_INFINITY
      for (let o = 0; o + GRAM <= pattern.length && bestSize > 0; o++) {
        const b = gramHash(pattern, o) & mask
        const size = starts[b + 1]! - starts[b]!
        if (size < bestSize) {
          bestSize = size
          bestBucket = b
          bestOffset = o
        }
      }
      const found: number[] = []
      // Positions are filed in text order, so the occurrences come out ascending.
      for (let k = starts[bestBucket]!; k < starts[bestBucket + 1]! && found.length < limit; k++) {
        const at = filed[k]! - bestOffset
        if (at >= 0 && text.startsWith(pattern, at)) found.push(at)
      }
      return found
    }
  }
}
