import type { Reason, ReasonId } from '../reasons'
import { REFUSALS, type RefusalId } from '../refusals'
import type { MessageKey, MessageValues, Translate } from './messages'

/**
 * Each reason main gives, as its message in the analyst's language (decision 0033). The English
 * catalog says what main's English message says, word for word (reason-messages.test.ts).
 */
export const REASON_MESSAGES: Readonly<Record<ReasonId, MessageKey>> = {
  'import.unsupported_type': 'errors:import.unsupported_type',
  'import.too_large': 'errors:import.too_large',
  'import.no_text': 'errors:import.no_text',
  'import.blank': 'errors:import.blank',
  'import.binary': 'errors:import.binary',
  'import.not_text': 'errors:import.not_text',
  'import.no_article': 'errors:import.no_article',
  'import.nested_too_deeply': 'errors:import.nested_too_deeply',
  'import.too_many_elements': 'errors:import.too_many_elements',
  'import.too_slow': 'errors:import.too_slow',
  'import.cannot_read': 'errors:import.cannot_read',
  'import.cannot_open': 'errors:import.cannot_open',
  'import.failed': 'errors:import.failed',
  'import.cannot_read_folder': 'errors:import.cannot_read_folder',
  'import.bad_file_name': 'errors:import.bad_file_name',
  'import.link_outside': 'errors:import.link_outside',
  'import.not_file_or_folder': 'errors:import.not_file_or_folder',
  'import.not_zip': 'errors:import.not_zip',
  'import.zip_damaged': 'errors:import.zip_damaged',
  'import.zip_entry_damaged': 'errors:import.zip_entry_damaged',
  'import.zip_unreadable': 'errors:import.zip_unreadable',
  'import.zip_too_many_entries': 'errors:import.zip_too_many_entries',
  'import.zip_entry_too_large': 'errors:import.zip_entry_too_large',
  'import.zip_total_too_large': 'errors:import.zip_total_too_large',
  'import.zip_entry_lies': 'errors:import.zip_entry_lies',
  'import.pdf_no_text': 'errors:import.pdf_no_text',
  'import.pdf_damaged': 'errors:import.pdf_damaged',
  'import.pdf_wrong_password': 'errors:import.pdf_wrong_password',
  'import.pdf_needs_password': 'errors:import.pdf_needs_password',
  'import.pdf_not_pdf': 'errors:import.pdf_not_pdf',
  'import.pdf_unreadable': 'errors:import.pdf_unreadable',
  'import.epub_no_package': 'errors:import.epub_no_package',
  'import.epub_no_chapters': 'errors:import.epub_no_chapters',
  'import.docx_no_body': 'errors:import.docx_no_body',
  'import.docx_damaged': 'errors:import.docx_damaged',
  'import.retry_expired': 'errors:import.retry_expired',
  'annotations.not_json': 'errors:annotations.not_json',
  'annotations.unknown_shape': 'errors:annotations.unknown_shape',
  'annotations.not_object': 'errors:annotations.not_object',
  'annotations.no_source': 'errors:annotations.no_source',
  'annotations.no_quote': 'errors:annotations.no_quote',
  'annotations.no_article': 'errors:annotations.no_article',
  'annotations.article_deleted': 'errors:annotations.article_deleted',
  'annotations.passage_missing': 'errors:annotations.passage_missing',
  'annotations.note_too_long': 'errors:annotations.note_too_long',
  'capture.port_in_use': 'library:capture.portInUse',
  'capture.port_denied': 'library:capture.portDenied',
  'capture.cannot_listen': 'library:capture.cannotListen',
  'web.unreachable': 'errors:web.unreachable',
  'web.no_token': 'errors:web.no_token',
  'web.http_status': 'errors:web.http_status',
  ...(Object.fromEntries(Object.entries(REFUSALS).map(([id, spec]) => [id, spec.message])) as Record<RefusalId, MessageKey>)
}

/** The file-system errors main words itself (files/system-error.ts), by errno code. */
const SYSTEM_ERROR_MESSAGES: Readonly<Record<string, MessageKey>> = {
  ENOENT: 'errors:system.ENOENT',
  EACCES: 'errors:system.EACCES',
  EPERM: 'errors:system.EPERM',
  EISDIR: 'errors:system.EISDIR',
  ENOTDIR: 'errors:system.ENOTDIR',
  EEXIST: 'errors:system.EEXIST',
  ENOSPC: 'errors:system.ENOSPC',
  EROFS: 'errors:system.EROFS',
  EMFILE: 'errors:system.EMFILE',
  ELOOP: 'errors:system.ELOOP'
}

/**
 * A reason in the interface language. A system error's `problem` is worded from its `errno` when
 * Dossier knows it; any other value (a file name, a library's own words) is shown as main sent it.
 */
export function reasonText(reason: Reason, t: Translate): string {
  const { errno, ...rest } = reason.values
  const values: Record<string, string | number> = { ...rest }
  const system = typeof errno === 'string' && Object.hasOwn(SYSTEM_ERROR_MESSAGES, errno) ? SYSTEM_ERROR_MESSAGES[errno] : undefined
  if (system) values.problem = `${t(system)} (${errno})`
  return t(REASON_MESSAGES[reason.id], values satisfies MessageValues)
}
