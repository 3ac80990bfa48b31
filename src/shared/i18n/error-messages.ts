import type { ErrorCode } from '../errors'
import type { MessageKey } from './messages'

/**
 * What each stable error code means, in the analyst's language (decision 0033). The code never
 * changes with the language; main's message names the file or field and the reason, in English.
 * The renderer and the CLI both show errors by it.
 */
export const ERROR_MESSAGES: Readonly<Record<ErrorCode, MessageKey>> = {
  invalid_input: 'errors:invalid_input',
  not_found: 'errors:not_found',
  empty_file: 'errors:empty_file',
  no_article: 'errors:no_article',
  needs_password: 'errors:needs_password',
  binary_file: 'errors:binary_file',
  too_large: 'errors:too_large',
  too_complex: 'errors:too_complex',
  duplicate: 'errors:duplicate',
  schema_too_new: 'errors:schema_too_new',
  database_unusable: 'errors:database_unusable',
  unknown_channel: 'errors:unknown_channel',
  unauthorized: 'errors:unauthorized',
  cancelled: 'errors:cancelled',
  busy: 'errors:busy',
  internal: 'errors:internal'
}
