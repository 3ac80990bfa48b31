import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { blocksWithin } from './progressive-blocks'

describe('blocksWithin', () => {
  it('takes blocks until their text reaches the budget, the block that crosses it included', () => {
    expect(blocksWithin([400, 400, 400, 400], 0, 1000)).toBe(3)
    expect(blocksWithin([400, 400, 400, 400], 3, 1000)).toBe(4)
  })

  it('always advances by at least one block, and never past the end', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50_000), { minLength: 1, maxLength: 200 }), fc.nat(100_000), (lengths, budget) => {
        let drawn = 0
        let steps = 0
        while (drawn < lengths.length) {
          const next = blocksWithin(lengths, drawn, budget)
          expect(next).toBeGreaterThan(drawn)
          expect(next).toBeLessThanOrEqual(lengths.length)
          drawn = next
          steps++
        }
        expect(steps).toBeLessThanOrEqual(lengths.length)
      })
    )
  })
})
