import { describe, expect, it } from 'vitest'
import { RELIABILITY_GRADES } from '../analysis/admiralty'
import { compareSurds, defaultCredibilityWeight, surdValue, WEIGHT_VALUE, weightProduct } from './weights'

describe('ACH weights', () => {
  it('follows PARC ACH: Low 1/√2, Medium 1, High √2', () => {
    expect(WEIGHT_VALUE.low).toBeCloseTo(1 / Math.SQRT2, 15)
    expect(WEIGHT_VALUE.medium).toBe(1)
    expect(WEIGHT_VALUE.high).toBe(Math.SQRT2)
    for (const c of ['low', 'medium', 'high'] as const) {
      for (const r of ['low', 'medium', 'high'] as const) {
        expect(surdValue(weightProduct(c, r))).toBeCloseTo(WEIGHT_VALUE[c] * WEIGHT_VALUE[r], 12)
      }
    }
  })

  it('compares sums of weights exactly', () => {
    // 3 vs 2√2 (≈ 2.83): 9 > 8.
    expect(compareSurds({ a: 6, b: 0 }, { a: 0, b: 4 })).toBe(1)
    expect(compareSurds({ a: 0, b: 4 }, { a: 6, b: 0 })).toBe(-1)
    expect(compareSurds({ a: 3, b: 1 }, { a: 3, b: 1 })).toBe(0)
    // 1 + 2√2 ≈ 3.83 vs 4 - 0 = 4 → less; 7√2 ≈ 9.899 vs 10.
    expect(compareSurds({ a: 2, b: 4 }, { a: 8, b: 0 })).toBe(-1)
    expect(compareSurds({ a: 0, b: 14 }, { a: 20, b: 0 })).toBe(-1)
  })

  it('maps Admiralty grades to a default credibility weight, the weak half first', () => {
    const table = Object.fromEntries(RELIABILITY_GRADES.map((g) => [g, [1, 2, 3, 4, 5, 6, null].map((c) => defaultCredibilityWeight(g, c)[0]).join('')]))
    // Columns: credibility 1 2 3 4 5 6 ungraded; h = High, m = Medium, l = Low.
    expect(table).toEqual({
      A: 'hhmllmm',
      B: 'hhmllmm',
      C: 'mmmllmm',
      D: 'lllllll',
      E: 'lllllll',
      F: 'mmmllmm'
    })
    expect(defaultCredibilityWeight(null, 1)).toBe('medium')
    expect(defaultCredibilityWeight(null, 5)).toBe('low')
    expect(defaultCredibilityWeight(null, null)).toBe('medium')
  })
})
