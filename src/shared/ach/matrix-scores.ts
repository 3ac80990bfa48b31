import type { AchMatrix } from './ach-types'
import type { Cell } from './ratings'
import { scoreMatrix, type MatrixScores, type ScoringRow } from './scoring'
import { achWarnings, evidenceWarnings, type AchWarning, type RowFacts } from './warnings'

/** The cells of a matrix as rows × hypotheses, in their order (blank where not rated). */
export function cellGrid(matrix: Pick<AchMatrix, 'hypotheses' | 'rows' | 'ratings'>): Cell[][] {
  const column = new Map(matrix.hypotheses.map((h, i) => [h.id, i]))
  const line = new Map(matrix.rows.map((r, i) => [r.id, i]))
  const grid = matrix.rows.map(() => new Array<Cell>(matrix.hypotheses.length).fill(null))
  for (const { rowId, hypothesisId, rating } of matrix.ratings) {
    const r = line.get(rowId)
    const h = column.get(hypothesisId)
    if (r !== undefined && h !== undefined) grid[r]![h] = rating
  }
  return grid
}

export function scoringRows(matrix: Pick<AchMatrix, 'rows'>, grid: readonly (readonly Cell[])[]): ScoringRow[] {
  return matrix.rows.map((row, i) => ({ enabled: row.enabled, credibility: row.credibilityWeight, relevance: row.relevance, cells: grid[i]! }))
}

/** Scores of a matrix as the contract carries it. */
export function scoresOf(matrix: AchMatrix): MatrixScores {
  return scoreMatrix(scoringRows(matrix, cellGrid(matrix)), matrix.hypotheses.length)
}

/** What the warnings know of each row, as the contract carries it. */
function rowFacts(matrix: Pick<AchMatrix, 'rows'>): Omit<RowFacts, 'cells'>[] {
  return matrix.rows.map((row) => ({
    enabled: row.enabled,
    sourceKey: row.kind === 'highlight' ? (row.sourceId ?? (row.articleId ? `article:${row.articleId}` : null)) : null,
    sourceName: row.sourceName ?? row.articleTitle,
    articleId: row.articleId,
    passage: row.quote,
    reliability: row.reliability,
    credibility: row.credibility,
    credibilityWeight: row.credibilityWeight
  }))
}

/** Warnings of a matrix as the contract carries it. */
export function warningsOf(matrix: AchMatrix, grid: readonly (readonly Cell[])[] = cellGrid(matrix), nearCopies?: (a: string, b: string) => boolean): AchWarning[] {
  return achWarnings(
    rowFacts(matrix).map((facts, i) => ({ ...facts, cells: grid[i]! })),
    matrix.hypotheses.map((h) => h.text),
    nearCopies
  )
}

/** The warnings that no rating changes (see evidenceWarnings). */
export function evidenceWarningsOf(matrix: Pick<AchMatrix, 'rows'>, nearCopies?: (a: string, b: string) => boolean): AchWarning[] {
  return evidenceWarnings(rowFacts(matrix), nearCopies)
}

/** The scores keyed by id, as `dossier ach --json` prints them. */
export function scoresById(matrix: AchMatrix, scores: MatrixScores = scoresOf(matrix)) {
  const byHypothesis = (values: readonly number[]) => Object.fromEntries(matrix.hypotheses.map((h, i) => [h.id, values[i]!]))
  return {
    inconsistency: byHypothesis(scores.inconsistency),
    weighted: byHypothesis(scores.weighted.map((w) => Math.round(w * 1e6) / 1e6)),
    diagnosticity: Object.fromEntries(matrix.rows.map((r, i) => [r.id, scores.diagnosticity[i]!])),
    rank: byHypothesis(scores.rank),
    leastInconsistent: scores.leastInconsistent.map((h) => matrix.hypotheses[h]!.id),
    linchpins: matrix.rows.filter((_, i) => scores.linchpin[i]).map((r) => r.id)
  }
}

/** The rated cells of a grid as the contract lists them (the inverse of cellGrid). */
export function gridRatings(matrix: Pick<AchMatrix, 'hypotheses' | 'rows'>, grid: readonly (readonly Cell[])[]): AchMatrix['ratings'] {
  const ratings: AchMatrix['ratings'] = []
  matrix.rows.forEach((row, r) =>
    matrix.hypotheses.forEach((h, i) => {
      const rating = grid[r]?.[i]
      if (rating) ratings.push({ rowId: row.id, hypothesisId: h.id, rating })
    })
  )
  return ratings
}
