import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RATINGS, type Cell } from './ratings'
import { scoreMatrix, type ScoringRow } from './scoring'
import { WEIGHT_LEVELS } from './weights'

const cell = fc.constantFrom<Cell>(...RATINGS, null)
const weight = fc.constantFrom(...WEIGHT_LEVELS)
const row = (hypotheses: number, cells: fc.Arbitrary<Cell[]>): fc.Arbitrary<ScoringRow> =>
  fc.record({ enabled: fc.boolean(), credibility: weight, relevance: weight, cells })

const matrix = fc.integer({ min: 1, max: 8 }).chain((hypotheses) =>
  fc.record({
    hypotheses: fc.constant(hypotheses),
    rows: fc.array(row(hypotheses, fc.array(cell, { minLength: hypotheses, maxLength: hypotheses })), { maxLength: 30 }),
    // A row rating every hypothesis the same, with any weights, on or off, put anywhere.
    uniform: row(hypotheses, cell.map((c) => new Array<Cell>(hypotheses).fill(c))),
    at: fc.nat()
  })
)

describe('ACH scoring properties', () => {
  it('adding a row that rates every hypothesis the same never changes the ranking', () => {
    fc.assert(
      fc.property(matrix, ({ hypotheses, rows, uniform, at }) => {
        const before = scoreMatrix(rows, hypotheses)
        const i = at % (rows.length + 1)
        const after = scoreMatrix([...rows.slice(0, i), uniform, ...rows.slice(i)], hypotheses)
        expect(after.rank).toEqual(before.rank)
        expect(after.leastInconsistent).toEqual(before.leastInconsistent)
        expect(after.diagnosticity[i]).toBe(0)
        expect(after.linchpin[i]).toBe(false)
      }),
      { numRuns: 500 }
    )
  })

  it('with every weight Medium, the weighted score is the count', () => {
    fc.assert(
      fc.property(matrix, ({ hypotheses, rows }) => {
        const s = scoreMatrix(
          rows.map((x) => ({ ...x, credibility: 'medium', relevance: 'medium' })),
          hypotheses
        )
        expect(s.weighted).toEqual(s.inconsistency)
      })
    )
  })

  it('a row is a linchpin exactly when switching it off alone changes which hypotheses are least inconsistent', () => {
    // The definition, recomputed the slow way: the whole matrix scored again without the row.
    fc.assert(
      fc.property(matrix, ({ hypotheses, rows }) => {
        const s = scoreMatrix(rows, hypotheses)
        rows.forEach((x, r) => {
          const without = scoreMatrix(rows.map((y, i) => (i === r ? { ...y, enabled: false } : y)), hypotheses)
          const expected = x.enabled && hypotheses > 1 && without.leastInconsistent.join() !== s.leastInconsistent.join()
          expect(s.linchpin[r], `row ${r}`).toBe(expected)
        })
      }),
      { numRuns: 300 }
    )
  })
})
