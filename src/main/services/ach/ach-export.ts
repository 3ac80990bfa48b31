import { stringify } from 'csv-stringify/sync'
import type { AchMatrix } from '../../../shared/ach/ach-types'
import { cellGrid, scoringRows } from '../../../shared/ach/matrix-scores'
import { formatScore, rowLink } from '../../../shared/ach/matrix-markdown'
import { scoreMatrix } from '../../../shared/ach/scoring'
import { inertCell } from '../export/highlights-csv'

/**
 * The matrix as CSV: one line per evidence row with its words, citation, weights, on/off,
 * diagnosticity, linchpin flag and one column per hypothesis (headed by its text), then two lines
 * with the inconsistency and weighted scores under the hypotheses. Cells are made inert for
 * spreadsheets as in the highlights CSV.
 */
export function matrixCsv(matrix: AchMatrix): string {
  const grid = cellGrid(matrix)
  const scores = scoreMatrix(scoringRows(matrix, grid), matrix.hypotheses.length)
  const fixed = ['row', 'kind', 'evidence', 'article', 'source', 'published', 'grade', 'credibility_weight', 'relevance_weight', 'enabled', 'diagnosticity', 'linchpin', 'link']
  const header = [...fixed, ...matrix.hypotheses.map((h, i) => `H${i + 1}: ${h.text}`)]
  const lines = matrix.rows.map((row, r) => [
    String(r + 1),
    row.kind,
    row.quote.replace(/\s+/g, ' '),
    row.articleTitle ?? '',
    row.sourceName ?? '',
    row.publishedAt?.slice(0, 10) ?? '',
    row.grade,
    row.credibilityWeight,
    row.relevance,
    row.enabled ? 'yes' : 'no',
    String(scores.diagnosticity[r]),
    scores.linchpin[r] ? 'yes' : 'no',
    rowLink(row) ?? '',
    ...grid[r]!.map((c) => c ?? '')
  ])
  const blank = fixed.map(() => '')
  lines.push(['inconsistency', ...blank.slice(1), ...scores.inconsistency.map(formatScore)])
  lines.push(['weighted', ...blank.slice(1), ...scores.weighted.map((w) => w.toFixed(4))])
  return stringify(
    lines.map((l) => l.map(inertCell)),
    { header: true, columns: header.map(inertCell), bom: true, record_delimiter: 'windows', quote_record_delimiter: true }
  )
}
