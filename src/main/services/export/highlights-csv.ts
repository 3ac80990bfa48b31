import { stringify } from 'csv-stringify/sync'
import type { HighlightAnnotationSource } from '../../../shared/annotations/web-annotation'
import { dossierUrl } from '../../../shared/links/dossier-link'
import { gradeLabel, isReliability } from '../../../shared/analysis/admiralty'

/** New columns come after the first seven, so a sheet built on those keeps working; the grade columns last. */
export const CSV_COLUMNS = ['article', 'label', 'quote', 'note', 'tags', 'date', 'link', 'page', 'source', 'reliability', 'credibility', 'grade'] as const

/**
 * Highlights as CSV (UTF-8 with a BOM, so Excel reads the accents), one record per highlight.
 *
 * Every field holding a line break of any kind (`\n`, `\r`), a quote or a comma is quoted: with a
 * CRLF record delimiter csv-stringify quotes only fields holding CRLF itself, and a note written as
 * a list (bare `\n`) then split into several rows in Python's csv or LibreOffice. Quoting also keeps
 * a line such as `=cmd|…` inside its cell, so it never starts a row of its own.
 *
 * A cell that starts with = + - @, a tab or a carriage return would run as a formula in a
 * spreadsheet (CSV injection): it gets a leading apostrophe, which spreadsheets hide, as OWASP
 * recommends.
 */
export function highlightsCsv(highlights: readonly HighlightAnnotationSource[]): string {
  const rows = highlights.map((h) =>
    [
      h.articleTitle,
      h.label ?? '',
      h.exact,
      h.note ?? '',
      h.tags.join(', '),
      h.createdAt,
      dossierUrl({ kind: 'highlight', id: h.id }),
      // Empty for articles without pages; the PDF's own label where it has one ("iv").
      h.page ? (h.page.label ?? String(h.page.page)) : '',
      h.source ?? '',
      h.reliability ?? '',
      h.credibility ? String(h.credibility) : '',
      gradeLabel(isReliability(h.reliability) ? h.reliability : null, h.credibility ?? null)
    ].map(inertCell)
  )
  return stringify(rows, {
    header: true,
    columns: [...CSV_COLUMNS],
    bom: true,
    record_delimiter: 'windows',
    quote_record_delimiter: true
  })
}

export function inertCell(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell
}
