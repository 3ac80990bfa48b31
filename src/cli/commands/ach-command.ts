import { cellGrid, scoresById, scoringRows, warningsOf } from '../../shared/ach/matrix-scores'
import { formatScore } from '../../shared/ach/matrix-markdown'
import { scoreMatrix } from '../../shared/ach/scoring'
import { rankedHypotheses } from '../../shared/ach/summary'
import { WEIGHT_LABEL } from '../../shared/ach/weights'
import { CliError } from '../cli-error'
import type { Printer } from '../io'
import { withLibrary } from '../open-library'
import type { Command } from '../args'

type Of = Extract<Command, { name: 'ach' }> & { dbPath: string; cwd: string }

/**
 * `dossier ach --case CASE_ID [--matrix ID]`: a matrix with its scores, computed by the same
 * functions the app shows them with. `--json` prints {hypotheses, rows, ratings, scores}.
 */
export function achCommand(o: Of, out: Printer): Promise<number> {
  return withLibrary(o.dbPath, o.cwd, (s) => {
    const found = s.cases.find(o.caseId)
    if (!found) throw new CliError(`there is no case ${o.caseId}; dossier case list shows them.`)
    const matrices = s.ach.list(found.id)
    if (matrices.length === 0) throw new CliError(`case “${found.name}” has no hypotheses matrix yet; make one in the Hypotheses view.`)
    if (o.matrixId === undefined && matrices.length > 1) {
      throw new CliError(`case “${found.name}” has ${matrices.length} matrices; choose one with --matrix (${matrices.map((m) => `${m.id} “${m.name}”`).join(', ')}).`)
    }
    if (o.matrixId !== undefined && !matrices.some((m) => m.id === o.matrixId)) throw new CliError(`--matrix: case “${found.name}” has no matrix ${o.matrixId}.`)
    const matrix = s.ach.get(o.matrixId ?? matrices[0]!.id)
    const grid = cellGrid(matrix)
    const scores = scoreMatrix(scoringRows(matrix, grid), matrix.hypotheses.length)
    const warnings = warningsOf(matrix, grid)
    if (o.json) {
      out.json({
        id: matrix.id,
        name: matrix.name,
        caseId: matrix.caseId,
        hypotheses: matrix.hypotheses,
        rows: matrix.rows,
        ratings: matrix.ratings,
        scores: scoresById(matrix, scores),
        warnings: warnings.map((w) => ({ kind: w.kind, message: w.message }))
      })
      return 0
    }
    out.line(`${matrix.name} (${matrix.hypotheses.length} hypotheses, ${matrix.rows.length} rows)`)
    out.line('')
    if (matrix.hypotheses.length === 0) out.line('No hypotheses yet.')
    for (const h of rankedHypotheses(
      matrix.hypotheses.map((x) => x.text),
      scores
    )) {
      out.line(`${String(h.rank).padStart(2)}. H${h.index + 1}  inconsistency ${formatScore(h.inconsistency).padStart(3)}  weighted ${formatScore(h.weighted).padStart(6)}  ${h.text}`)
    }
    out.line('')
    if (matrix.rows.length === 0) out.line('No evidence rows yet.')
    matrix.rows.forEach((row, r) => {
      const cells = grid[r]!.map((c, h) => `H${h + 1}:${c ?? '-'}`).join(' ')
      const flags = [row.enabled ? '' : 'off', scores.linchpin[r] ? 'LINCHPIN' : ''].filter(Boolean).join(' ')
      out.line(`${String(r + 1).padStart(3)}. ${row.grade.padEnd(8)} ${WEIGHT_LABEL[row.credibilityWeight]}/${WEIGHT_LABEL[row.relevance]}  diag ${scores.diagnosticity[r]}  ${cells}${flags ? `  ${flags}` : ''}`)
      out.line(`     “${row.quote.length > 100 ? `${row.quote.slice(0, 99)}…` : row.quote}” ${row.sourceName ?? row.articleTitle ?? ''}`)
    })
    for (const w of warnings) out.line(`! ${w.message}`)
    return 0
  })
}
