import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { gramIndex, scanIndex } from './text-index'

/** Few letters, so patterns recur and hash buckets fill up. */
const text = fc.array(fc.constantFrom('a', 'b', ' ', 'é', '😀'), { maxLength: 400 }).map((a) => a.join(''))

describe('gramIndex', () => {
  it('finds exactly what a scan finds, in the same order, for any pattern and limit', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.integer({ min: 0, max: 24 }), fc.integer({ min: 1, max: 50 }), (t, at, length, limit) => {
        const from = t.length ? at % t.length : 0
        const pattern = t.slice(from, from + length)
        const index = gramIndex(t)
        expect(index.occurrences(pattern, limit)).toEqual(scanIndex(t).occurrences(pattern, limit))
        expect(index.occurrences(`${pattern}z`)).toEqual([])
      }),
      { numRuns: 1000 }
    )
  })

  it('indexes a text of one repeated character and a text shorter than a gram', () => {
    const same = 'x'.repeat(5000)
    expect(gramIndex(same).occurrences('x'.repeat(10), 3)).toEqual([0, 1, 2])
    expect(gramIndex(same).occurrences('x'.repeat(10)).length).toBe(4991)
    expect(gramIndex('abc').occurrences('abcdefghij')).toEqual([])
    expect(gramIndex('').occurrences('a')).toEqual([])
    expect(scanIndex('abc').occurrences('')).toEqual([])
  })
})
