import { inconsistencyOf, positionOf, type Cell } from './ratings'
import { compareSurds, surdValue, weightProduct, type Surd, type WeightLevel } from './weights'

/** What scoring needs of one evidence row. */
export interface ScoringRow {
  /** Off: left out of every score (sensitivity: "what if this row were wrong?"). */
  enabled: boolean
  credibility: WeightLevel
  relevance: WeightLevel
  /** One cell per hypothesis, in the hypotheses' order; missing cells are blank. */
  cells: readonly Cell[]
}

export interface MatrixScores {
  /** Heuer's inconsistency score per hypothesis: the enabled rows' I count 1, II count 2. */
  inconsistency: number[]
  /** PARC ACH's weighted inconsistency per hypothesis: each I or II times credibility × relevance. */
  weighted: number[]
  /** The weighted scores exactly (see Surd), for ranking. */
  weightedExact: Surd[]
  /**
   * Per row, how far its ratings differ across the hypotheses: the spread (highest minus lowest)
   * of its rated cells on the scale CC +2 … II −2, from 0 (rates every hypothesis alike: no help in
   * choosing) to 4. NA and blank cells are left out; a row with fewer than two rated cells is 0.
   * Computed for disabled rows too, so the analyst sees what turning one back on would bring.
   */
  diagnosticity: number[]
  /** Per hypothesis, 1 for the least inconsistent (weighted); ties share a rank (1, 1, 3). */
  rank: number[]
  /** The hypotheses, by index, that share the lowest weighted score. */
  leastInconsistent: number[]
  /** Per row: enabled, and turning it off alone changes which hypotheses are least inconsistent. */
  linchpin: boolean[]
}

/** A row's diagnosticity: see MatrixScores.diagnosticity. */
export function rowDiagnosticity(cells: readonly Cell[], hypotheses: number): number {
  let min = Infinity
  let max = -Infinity
  let rated = 0
  for (let h = 0; h < hypotheses; h++) {
    const p = positionOf(cells[h] ?? null)
    if (p === null) continue
    rated++
    if (p < min) min = p
    if (p > max) max = p
  }
  return rated < 2 ? 0 : max - min
}

/** What one cell adds to its hypothesis's weighted score, exactly. */
export function cellContribution(row: ScoringRow, h: number): Surd {
  const n = inconsistencyOf(row.cells[h] ?? null)
  if (n === 0) return { a: 0, b: 0 }
  const w = weightProduct(row.credibility, row.relevance)
  return { a: w.a * n, b: w.b * n }
}

/**
 * Every score of the matrix in one pass over its cells, plus one pass per row for the linchpins
 * (each is the totals less that row, so the work stays rows × hypotheses).
 */
export function scoreMatrix(rows: readonly ScoringRow[], hypotheses: number): MatrixScores {
  const inconsistency = new Array<number>(hypotheses).fill(0)
  const exact: Surd[] = Array.from({ length: hypotheses }, () => ({ a: 0, b: 0 }))
  const diagnosticity = new Array<number>(rows.length)
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!
    diagnosticity[r] = rowDiagnosticity(row.cells, hypotheses)
    if (!row.enabled) continue
    for (let h = 0; h < hypotheses; h++) {
      const n = inconsistencyOf(row.cells[h] ?? null)
      if (n === 0) continue
      inconsistency[h]! += n
      const c = cellContribution(row, h)
      exact[h]!.a += c.a
      exact[h]!.b += c.b
    }
  }
  const leastInconsistent = lowest(exact)
  const linchpin = rows.map((row) => {
    if (!row.enabled || hypotheses < 2) return false
    let touches = false
    const without = exact.map((s, h) => {
      const c = cellContribution(row, h)
      if (c.a !== 0 || c.b !== 0) touches = true
      return { a: s.a - c.a, b: s.b - c.b }
    })
    return touches && !sameSet(lowest(without), leastInconsistent)
  })
  return { inconsistency, weighted: exact.map(surdValue), weightedExact: exact, diagnosticity, rank: ranks(exact), leastInconsistent, linchpin }
}

/** The indices holding the smallest value. */
function lowest(scores: readonly Surd[]): number[] {
  let best: number[] = []
  for (let h = 0; h < scores.length; h++) {
    const c = best.length === 0 ? -1 : compareSurds(scores[h]!, scores[best[0]!]!)
    if (c < 0) best = [h]
    else if (c === 0) best.push(h)
  }
  return best
}

/** Standard competition ranks, lowest score first: one plus the number of strictly lower scores. */
function ranks(scores: readonly Surd[]): number[] {
  return scores.map((s) => 1 + scores.filter((t) => compareSurds(t, s) < 0).length)
}

function sameSet(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

/** One line of a score's explanation: what a cell added to it and why. */
export interface ScoreTerm {
  row: number
  cell: 'I' | 'II'
  credibility: WeightLevel
  relevance: WeightLevel
  /** 1 or 2. */
  count: number
  weighted: number
}

/** The cells that make up a hypothesis's scores, in row order: enabled rows rated I or II. */
export function scoreTerms(rows: readonly ScoringRow[], h: number): ScoreTerm[] {
  const terms: ScoreTerm[] = []
  rows.forEach((row, r) => {
    const cell = row.cells[h] ?? null
    if (!row.enabled || (cell !== 'I' && cell !== 'II')) return
    terms.push({ row: r, cell, credibility: row.credibility, relevance: row.relevance, count: inconsistencyOf(cell), weighted: surdValue(cellContribution(row, h)) })
  })
  return terms
}
