import { cellGrid, scoresById, scoringRows, warningsOf } from '../../shared/ach/matrix-scores'
import { formatScore } from '../../shared/ach/matrix-markdown'
import { scoreMatrix } from '../../shared/ach/scoring'
import { rankedHypotheses } from '../../shared/ach/summary'
import { WEIGHT_MESSAGES } from '../../shared/ach/weights'
import { warningText } from '../../shared/ach/warning-text'
import { CliError, cliMessage } from '../cli-error'
import type { Printer } from '../io'
import { withLibrary } from '../open-library'
import type { Command } from '../args'

type Of = Extract<Command, { name: 'ach' }> & { dbPath: string; cwd: string }

/**
 * `dossier ach --case CASE_ID [--matrix ID]`: a matrix with its scores, computed by the same
 * functions the app shows them with. `--json` prints {hypotheses, rows, ratings, scores}.
 */
export function achCommand(o: Of, out: Printer): Promise<number> {
  return withLibrary(o.dbPath, o.cwd, async (s) => {
    const found = s.cases.find(o.caseId)
    if (!found) throw new CliError(cliMessage('cli:error.noCase', { id: o.caseId }))
    const matrices = s.ach.list(found.id)
    if (matrices.length === 0) throw new CliError(cliMessage('cli:ach.noMatrix', { name: found.name }))
    if (o.matrixId === undefined && matrices.length > 1) {
      const list = matrices.map((m) => `${m.id} “${m.name}”`).join(', ')
      throw new CliError(cliMessage('cli:ach.severalMatrices', { name: found.name, count: matrices.length, list }))
    }
    if (o.matrixId !== undefined && !matrices.some((m) => m.id === o.matrixId)) throw new CliError(cliMessage('cli:ach.noSuchMatrix', { name: found.name, id: o.matrixId }))
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
    const t = await out.translator()
    out.line(t('cli:ach.title', { name: matrix.name, hypotheses: matrix.hypotheses.length, rows: matrix.rows.length }))
    out.line('')
    if (matrix.hypotheses.length === 0) out.line(t('cli:ach.noHypotheses'))
    for (const h of rankedHypotheses(
      matrix.hypotheses.map((x) => x.text),
      scores
    )) {
      out.line(
        t('cli:ach.hypothesis', {
          rank: String(h.rank).padStart(2),
          number: String(h.index + 1),
          inconsistency: formatScore(h.inconsistency).padStart(3),
          weighted: formatScore(h.weighted).padStart(6),
          text: h.text
        })
      )
    }
    out.line('')
    if (matrix.rows.length === 0) out.line(t('cli:ach.noRows'))
    const list = new Intl.ListFormat(out.locale(), { type: 'conjunction' })
    matrix.rows.forEach((row, r) => {
      const cells = grid[r]!.map((c, h) => `H${h + 1}:${c ?? '-'}`).join(' ')
      const flags = [row.enabled ? '' : t('cli:ach.off'), scores.linchpin[r] ? t('cli:ach.linchpin') : ''].filter(Boolean).join(' ')
      const weights = `${t(WEIGHT_MESSAGES[row.credibilityWeight])}/${t(WEIGHT_MESSAGES[row.relevance])}`
      const line = t('cli:ach.row', { number: String(r + 1).padStart(3), grade: row.grade.padEnd(8), weights, diagnosticity: String(scores.diagnosticity[r]), cells })
      out.line(flags ? `${line}  ${flags}` : line)
      out.line(`     “${row.quote.length > 100 ? `${row.quote.slice(0, 99)}…` : row.quote}” ${row.sourceName ?? row.articleTitle ?? ''}`)
    })
    for (const w of warnings) out.line(`! ${warningText(t, list, w)}`)
    return 0
  })
}
