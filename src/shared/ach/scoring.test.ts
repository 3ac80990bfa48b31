import { describe, expect, it } from 'vitest'
import type { Cell } from './ratings'
import { ratingForKey } from './ratings'
import { rankedHypotheses } from './summary'
import type { AchMatrix } from './ach-types'
import { cellGrid, gridRatings } from './matrix-scores'
import { rowDiagnosticity, scoreMatrix, scoreTerms, type ScoringRow } from './scoring'
import type { WeightLevel } from './weights'

const r = (cells: Cell[], credibility: WeightLevel = 'medium', relevance: WeightLevel = 'medium', enabled = true): ScoringRow => ({ cells, credibility, relevance, enabled })
const ROOT2 = Math.SQRT2

describe("Heuer's inconsistency score, worked by hand", () => {
  //            H1     H2    H3
  const rows = [
    r(['C', 'I', 'II']), // E1
    r(['N', 'I', 'NA']), // E2
    r(['II', 'C', 'C']), // E3
    r([null, 'I', 'CC']) // E4 (H1 not rated yet)
  ]
  const s = scoreMatrix(rows, 3)

  it('counts I as 1 and II as 2; consistent, neutral, NA and blank count nothing', () => {
    // H1: E3 II = 2.   H2: E1 I + E2 I + E4 I = 1 + 1 + 1 = 3.   H3: E1 II = 2.
    expect(s.inconsistency).toEqual([2, 3, 2])
    // Every weight Medium (1 × 1): the weighted score is the count.
    expect(s.weighted).toEqual([2, 3, 2])
  })

  it('ranks the least inconsistent first, ties sharing a rank', () => {
    expect(s.leastInconsistent).toEqual([0, 2])
    expect(s.rank).toEqual([1, 3, 1])
  })

  it('gives each row the spread of its ratings on CC +2 … II −2, leaving out NA and blank', () => {
    // E1: C +1, I −1, II −2 → 1 − (−2) = 3.   E2: N 0, I −1 (NA left out) → 1.
    // E3: II −2, C +1, C +1 → 3.            E4: I −1, CC +2 (blank left out) → 3.
    expect(s.diagnosticity).toEqual([3, 1, 3, 3])
    expect(rowDiagnosticity(['C', 'C', 'C'], 3)).toBe(0)
    expect(rowDiagnosticity(['II', null, 'NA'], 3)).toBe(0)
  })
})

describe('the weighted inconsistency score (PARC ACH: Low 1/√2, Medium 1, High √2), worked by hand', () => {
  //            H1    H2     credibility  relevance
  const rows = [
    r(['I', 'C'], 'high', 'high'), //  E1: √2 × √2 = 2
    r(['I', 'C'], 'high', 'medium'), // E2: √2 × 1 = √2
    r(['C', 'II'], 'low', 'low'), //   E3: 1/√2 × 1/√2 = ½, II counts 2 → 1
    r(['NA', 'I'], 'low', 'medium') // E4: 1/√2 × 1 = 1/√2
  ]
  const s = scoreMatrix(rows, 2)

  it('multiplies each I (1) or II (2) by credibility × relevance, and can reverse the count', () => {
    // Heuer: H1 = 1 + 1 = 2, H2 = 2 + 1 = 3 → H1 looks better by count.
    expect(s.inconsistency).toEqual([2, 3])
    // Weighted: H1 = 2 + √2 ≈ 3.414;  H2 = 2 × ½ + 1/√2 = 1 + √2/2 ≈ 1.707 → H2 is least inconsistent.
    expect(s.weighted[0]).toBeCloseTo(2 + ROOT2, 12)
    expect(s.weighted[1]).toBeCloseTo(1 + ROOT2 / 2, 12)
    expect(s.weightedExact).toEqual([
      { a: 4, b: 2 }, // (4 + 2√2) / 2
      { a: 2, b: 1 } //  (2 + √2) / 2
    ])
    expect(s.leastInconsistent).toEqual([1])
    expect(s.rank).toEqual([2, 1])
  })

  it('explains a score cell by cell', () => {
    const terms = scoreTerms(rows, 1)
    expect(terms.map((t) => [t.row, t.cell, t.count])).toEqual([
      [2, 'II', 2],
      [3, 'I', 1]
    ])
    expect(terms[0]!.weighted).toBeCloseTo(1, 12)
    expect(terms[1]!.weighted).toBeCloseTo(1 / ROOT2, 12)
  })

  it('flags the one row whose removal alone changes the least inconsistent hypothesis', () => {
    // Without E1: H1 = √2 ≈ 1.414 < H2 ≈ 1.707 → H1 wins: linchpin.
    // Without E2: H1 = 2 > 1.707; without E3: H2 = 1/√2; without E4: H2 = 1 → H2 still wins.
    expect(s.linchpin).toEqual([true, false, false, false])
  })

  it('leaves rows toggled off out of every score (sensitivity)', () => {
    const off = scoreMatrix([{ ...rows[0]!, enabled: false }, ...rows.slice(1)], 2)
    expect(off.inconsistency).toEqual([1, 3])
    expect(off.weighted[0]).toBeCloseTo(ROOT2, 12)
    expect(off.leastInconsistent).toEqual([0])
    // A row switched off is never a linchpin; its diagnosticity still shows.
    expect(off.linchpin[0]).toBe(false)
    expect(off.diagnosticity[0]).toBe(2)
  })
})

describe('linchpins on built cases', () => {
  it('finds none when no single row decides', () => {
    // H2 has two independent I's against it, H1 none: removing either leaves H1 ahead.
    const s = scoreMatrix([r(['C', 'I']), r(['N', 'I']), r(['C', 'C'])], 2)
    expect(s.leastInconsistent).toEqual([0])
    expect(s.linchpin).toEqual([false, false, false])
  })

  it('flags a row that breaks a tie, and a row whose removal creates one', () => {
    // H1 1, H2 2: removing E2 ties them (the set changes from {H1} to {H1, H2}).
    const s = scoreMatrix([r(['I', 'I']), r(['C', 'I']), r(['N', 'N'])], 2)
    expect(s.linchpin).toEqual([false, true, false])
  })

  it('never flags a row rating every hypothesis alike, nor one with a single hypothesis', () => {
    expect(scoreMatrix([r(['II', 'II', 'II']), r(['I', 'C', 'C'])], 3).linchpin).toEqual([false, true])
    expect(scoreMatrix([r(['II'])], 1).linchpin).toEqual([false])
  })

  it('gives an empty matrix empty scores', () => {
    expect(scoreMatrix([], 0)).toMatchObject({ inconsistency: [], weighted: [], leastInconsistent: [], rank: [], linchpin: [] })
    expect(scoreMatrix([], 2)).toMatchObject({ inconsistency: [0, 0], leastInconsistent: [0, 1], rank: [1, 1] })
  })
})

describe('rating keys', () => {
  it('rates with c C n i I a and clears with Delete', () => {
    expect(['c', 'C', 'n', 'i', 'I', 'a'].map(ratingForKey)).toEqual(['C', 'CC', 'N', 'I', 'II', 'NA'])
    expect(ratingForKey('Delete')).toBeNull()
    expect(ratingForKey('x')).toBeUndefined()
  })
})

describe('the ranked summary', () => {
  it('lists hypotheses least inconsistent first, matrix order within a tie', () => {
    const s = scoreMatrix([r(['I', 'II', 'C']), r(['I', 'N', 'C'])], 3)
    expect(rankedHypotheses(['Accident', 'Sabotage', 'Drill'], s).map((x) => `${x.rank} ${x.text} ${x.inconsistency}`)).toEqual(['1 Drill 0', '2 Accident 2', '2 Sabotage 2'])
  })
})

describe('grid and ratings', () => {
  it('turn into each other', () => {
    const matrix = {
      hypotheses: [{ id: 'h1', text: 'A' }, { id: 'h2', text: 'B' }],
      rows: [{ id: 'r1' }, { id: 'r2' }] as AchMatrix['rows'],
      ratings: [
        { rowId: 'r2', hypothesisId: 'h1', rating: 'II' },
        { rowId: 'r1', hypothesisId: 'h2', rating: 'NA' }
      ] satisfies AchMatrix['ratings']
    }
    const grid = cellGrid(matrix)
    expect(grid).toEqual([
      [null, 'NA'],
      ['II', null]
    ])
    expect(gridRatings(matrix, grid)).toEqual([matrix.ratings[1], matrix.ratings[0]])
  })
})
