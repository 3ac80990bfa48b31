import { REFUSAL_IDS } from './refusals'

/**
 * Why main refused something, as a stable id and the values that make it specific (the file, the
 * limit, the size). The renderer and the CLI word it from the catalogs in the analyst's language
 * (`REASON_MESSAGES`); main keeps an English sentence beside it for logs and `--json`. An id never
 * changes with the language; a new reason adds its id here and its message to every catalog.
 */
export const REASON_IDS = [
  'import.unsupported_type',
  'import.too_large',
  'import.no_text',
  'import.blank',
  'import.binary',
  'import.not_text',
  'import.no_article',
  'import.nested_too_deeply',
  'import.too_many_elements',
  'import.too_slow',
  'import.cannot_read',
  'import.cannot_open',
  'import.failed',
  'import.cannot_read_folder',
  'import.bad_file_name',
  'import.link_outside',
  'import.not_file_or_folder',
  'import.not_zip',
  'import.zip_damaged',
  'import.zip_entry_damaged',
  'import.zip_unreadable',
  'import.zip_too_many_entries',
  'import.zip_entry_too_large',
  'import.zip_total_too_large',
  'import.zip_entry_lies',
  'import.pdf_no_text',
  'import.pdf_damaged',
  'import.pdf_wrong_password',
  'import.pdf_needs_password',
  'import.pdf_not_pdf',
  'import.pdf_unreadable',
  'import.epub_no_package',
  'import.epub_no_chapters',
  'import.docx_no_body',
  'import.docx_damaged',
  'import.retry_expired',
  'annotations.not_json',
  'annotations.unknown_shape',
  'annotations.not_object',
  'annotations.no_source',
  'annotations.no_quote',
  'annotations.no_article',
  'annotations.article_deleted',
  'annotations.passage_missing',
  'annotations.note_too_long',
  'capture.port_in_use',
  'capture.port_denied',
  'capture.cannot_listen',
  'web.unreachable',
  'web.no_token',
  'web.http_status',
  // Main's other refusals (cases, sources, notes, backups…), one block: src/shared/refusals.
  ...REFUSAL_IDS
] as const

export type ReasonId = (typeof REASON_IDS)[number]

/** A reason's arguments: names, counts and sizes (formatted by the catalog for the language). */
export type ReasonValues = Readonly<Record<string, string | number>>

export interface Reason {
  id: ReasonId
  values: ReasonValues
}

/** Which container a zip-based document is, for the zip reasons' `{kind, select, …}`. */
export type ZipKind = 'docx' | 'epub'
