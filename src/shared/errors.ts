import type { Reason } from './reasons'

/**
 * Errors cross process boundaries as plain data: a stable code the UI can branch on and a
 * message written for the analyst. Stack traces stay in the process that threw.
 */
export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'empty_file',
  /** An HTML page where extraction found no article; the analyst may import its whole text. */
  'no_article',
  /** An encrypted PDF: the analyst is asked for its password (the CLI takes --password). */
  'needs_password',
  'binary_file',
  'too_large',
  /** A file whose structure would take too long to read (nested too deeply, or over the time budget). */
  'too_complex',
  'duplicate',
  'schema_too_new',
  'database_unusable',
  'unknown_channel',
  'unauthorized',
  /** Work that outran its time budget (a pathological file): its worker was stopped. */
  'too_complex',
  /** Work the analyst cancelled before it finished. */
  'cancelled',
  /** A background queue is full: try again when it drains. */
  'busy',
  'internal'
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ErrorInfo {
  code: ErrorCode
  /** In English, for logs, `--json` and any reader without the catalogs. */
  message: string
  /** The same failure as a message id and its values, worded in the analyst's language (reasons.ts). */
  reason?: Reason
}

export class DossierError extends Error {
  readonly code: ErrorCode
  readonly reason: Reason | undefined

  constructor(code: ErrorCode, message: string, reason?: Reason) {
    super(message)
    this.name = 'DossierError'
    this.code = code
    this.reason = reason
  }

  toInfo(): ErrorInfo {
    return this.reason ? { code: this.code, message: this.message, reason: this.reason } : { code: this.code, message: this.message }
  }
}

/** The wire shape of every call's answer, whatever the transport. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo }

/** The first line of an error's message, so nothing multi-line (or a stack) reaches the analyst. */
export function firstLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err)
  return (text.split('\n', 1)[0] ?? '').trim()
}
