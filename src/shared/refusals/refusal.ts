import type { ErrorCode } from '../errors'
import type { MessageKey } from '../i18n/messages'

/** A refusal's values: names, ids and figures (formatted by the catalog for the language). */
export type RefusalValues = Readonly<Record<string, string | number>>

/**
 * One way main refuses a request: its stable error code, the catalog message that words it in the
 * analyst's language, and main's English sentence for logs, `--json` and the CLI's detail. The
 * English catalog message says exactly what `english` says for the same values
 * (refusals.test.ts formats both for every id and every branch).
 */
export interface Refusal<V extends RefusalValues> {
  readonly code: ErrorCode
  readonly message: MessageKey
  readonly english: (values: V) => string
}

export function refusal<V extends RefusalValues = Record<never, never>>(code: ErrorCode, message: MessageKey, english: (values: V) => string): Refusal<V> {
  return { code, message, english }
}

/** English numbers as ICU's `{n, number}` writes them in English ("12,000"). */
export function englishNumber(n: number): string {
  return n.toLocaleString('en')
}
