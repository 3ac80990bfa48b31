import { dossierUrl } from '../links/dossier-link'
import { escapeMarkdownInline } from '../markdown/escape-markdown'
import type { AchMatrix, AchRow } from './ach-types'
import { cellGrid, scoringRows, warningsOf } from './matrix-scores'
import { RATING_MEANING } from './ratings'
import { scoreMatrix } from './scoring'
import { rankedHypotheses } from './summary'
import { WEIGHT_LABEL } from './weights'

/** A score as the matrix shows it: whole numbers plain, weighted ones to two places. */
export function formatScore(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2)
}

/** Where a row's evidence is: its highlight, or its claim's first article link. */
export function rowLink(row: Pick<AchRow, 'highlightId' | 'articleId'>): string | null {
  if (row.highlightId) return dossierUrl({ kind: 'highlight', id: row.highlightId })
  return row.articleId ? dossierUrl({ kind: 'article', id: row.articleId }) : null
}

/** "Reuters, 2025-02-27, B2": what a row cites. */
export function rowCitation(row: AchRow): string {
  return [row.articleTitle, row.sourceName, row.publishedAt?.slice(0, 10), row.grade].filter(Boolean).join(', ')
}

const cell = (text: string) => escapeMarkdownInline(text.replace(/\s+/g, ' ').trim())

/**
 * The matrix as Markdown: the hypotheses ranked with their scores, one table (evidence rows down,
 * hypotheses H1… across, weights and diagnosticity beside, both scores under it), the warnings,
 * and the cited evidence, each row's full words with its source, date, grade and link. Rows
 * switched off stay in the table, marked, and count nowhere.
 */
export function matrixMarkdown(matrix: AchMatrix, options: { title?: boolean } = {}): string {
  const grid = cellGrid(matrix)
  const scores = scoreMatrix(scoringRows(matrix, grid), matrix.hypotheses.length)
  const lines: string[] = []
  if (options.title !== false) lines.push(`# ${cell(matrix.name)}`, '')
  if (matrix.hypotheses.length === 0) lines.push('No hypotheses yet.', '')
  else {
    lines.push('## Hypotheses, least inconsistent first', '')
    for (const h of rankedHypotheses(
      matrix.hypotheses.map((x) => x.text),
      scores
    )) {
      lines.push(`${h.rank}. **H${h.index + 1}** ${cell(h.text)}: inconsistency ${formatScore(h.inconsistency)}, weighted ${formatScore(h.weighted)}`)
    }
    lines.push('')
  }
  if (matrix.rows.length > 0) {
    const heads = ['#', 'Evidence', 'Source', 'Date', 'Grade', 'Credibility', 'Relevance', ...matrix.hypotheses.map((_, i) => `H${i + 1}`), 'Diagnosticity']
    const tableRow = (cells: readonly string[]) => `| ${cells.join(' | ')} |`
    lines.push('## Matrix', '', tableRow(heads), tableRow(heads.map(() => '---')))
    matrix.rows.forEach((row, r) => {
      const flags = [row.enabled ? '' : ' (off)', scores.linchpin[r] ? ' **linchpin**' : ''].join('')
      const short = row.quote.length > 80 ? `${row.quote.slice(0, 79)}…` : row.quote
      const citation = [cell(row.sourceName ?? ''), row.publishedAt?.slice(0, 10) ?? '', row.grade]
      const weights = [WEIGHT_LABEL[row.credibilityWeight], WEIGHT_LABEL[row.relevance]]
      lines.push(tableRow([`${r + 1}${flags}`, `“${cell(short)}” [^e${r + 1}]`, ...citation, ...weights, ...grid[r]!.map((c) => c ?? ''), String(scores.diagnosticity[r])]))
    })
    const under = (label: string, values: readonly number[]) => tableRow([label, '', '', '', '', '', '', ...values.map(formatScore), ''])
    lines.push(under('**Inconsistency**', scores.inconsistency), under('**Weighted**', scores.weighted))
    lines.push('')
    lines.push(`Ratings: ${Object.entries(RATING_MEANING).map(([k, v]) => `${k} ${v}`).join(', ')}. Inconsistency counts I as 1 and II as 2; the weighted score multiplies each by credibility × relevance (Low 1/√2, Medium 1, High √2).`, '')
  } else lines.push('No evidence rows yet.', '')
  const warnings = warningsOf(matrix, grid)
  if (warnings.length) {
    lines.push('## Warnings', '')
    for (const w of warnings) lines.push(`- ${cell(w.message)}`)
    lines.push('')
  }
  if (matrix.rows.length) {
    matrix.rows.forEach((row, r) => {
      const link = rowLink(row)
      lines.push(`[^e${r + 1}]: “${cell(row.quote)}” ${cell(rowCitation(row))}${link ? ` <${link}>` : ''}`)
    })
    lines.push('')
  }
  return lines.join('\n')
}
