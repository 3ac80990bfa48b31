import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { approximateIn, boundedDistance, LONG_PATTERN, wholeCodePoints } from './quote-search'

/** Plain Levenshtein distance, the reference. */
function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    prev = cur
  }
  return prev[b.length]!
}

const word = fc.array(fc.constantFrom('a', 'b', 'c', ' '), { maxLength: 30 }).map((a) => a.join(''))

describe('boundedDistance', () => {
  it('is the edit distance when it is at most the bound, and more than the bound otherwise', () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 12 }), (a, b, k) => {
        const exact = levenshtein(a, b)
        const bounded = boundedDistance(a, `xx${b}yy`, 2, 2 + b.length, k)
        if (exact <= k) expect(bounded).toBe(exact)
        else expect(bounded).toBeGreaterThan(k)
      }),
      { numRuns: 2000 }
    )
  })
})

describe('approximateIn', () => {
  it('reports places in the whole text, for a window anywhere in it', () => {
    const text = 'xxxxxxxxxx the harbour froze early yyyyyyyy'
    expect(approximateIn(text, 'harbour frose', 5, 40, 2)).toEqual([{ start: 15, end: 28, errors: 1 }])
    expect(approximateIn(text, 'harbour', -100, 1e9, 0)).toEqual([{ start: 15, end: 22, errors: 0 }])
    expect(approximateIn(text, '', 0, 40, 2)).toEqual([])
  })

  it('locates a long pattern by its ends and counts its edits whole', () => {
    const pattern = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ')
    expect(pattern.length).toBeGreaterThan(LONG_PATTERN)
    const edited = `${pattern.slice(0, 200)}XY${pattern.slice(203, 400)}${pattern.slice(401)}`
    const text = `${'filler '.repeat(100)}${edited}${' filler'.repeat(100)}`
    const hits = approximateIn(text, pattern, 0, text.length, 64)
    expect(hits).toEqual([{ start: 700, end: 700 + edited.length, errors: levenshtein(pattern, edited) }])
  })
})

describe('wholeCodePoints', () => {
  it('widens a range that would cut a surrogate pair, and leaves others alone', () => {
    const t = 'a😀b𠮷c'
    expect(wholeCodePoints(t, 2, 4)).toEqual({ start: 1, end: 4 })
    expect(wholeCodePoints(t, 1, 5)).toEqual({ start: 1, end: 6 })
    expect(wholeCodePoints(t, 0, 1)).toEqual({ start: 0, end: 1 })
    expect(wholeCodePoints('\udc00x\ud800', 0, 3)).toEqual({ start: 0, end: 3 })
  })
})
