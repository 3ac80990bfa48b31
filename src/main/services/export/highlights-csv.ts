import { stringify } from 'csv-stringify/sync'
import type { HighlightAnnotationSource } from '../../../shared/annotations/web-annotation'
import { dossierUrl } from '../../../shared/links/dossier-link'

export const CSV_COLUMNS = ['article', 'label', 'quote', 'note', 'tags', 'date', 'link'] as const

/**
 * Highlights as CSV (UTF-8 with a BOM, so Excel reads the accents). A cell that starts with = + - @
 * or a tab would run as a formula in a spreadsheet (CSV injection): it gets a leading apostrophe,
 * which spreadsheets hide, as OWASP recommends.
 */
export function highlightsCsv(highlights: readonly HighlightAnnotationSource[]): string {
  const rows = highlights.map((h) =>
    [h.articleTitle, h.label ?? '', h.exact, h.note ?? '', h.tags.join(', '), h.createdAt, dossierUrl({ kind: 'highlight', id: h.id })].map(inert)
  )
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS], bom: true, record_delimiter: 'windows' })
}

function inert(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell
}
