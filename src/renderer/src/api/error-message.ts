import type { ErrorCode } from '../../../shared/errors'
import type { Translate, UiLocale } from '../../../shared/i18n'
import { ERROR_MESSAGES } from '../../../shared/i18n/error-messages'
import { reasonText } from '../../../shared/i18n/reason-messages'
import { ApiError } from './client'

export { ERROR_MESSAGES } from '../../../shared/i18n/error-messages'

/**
 * A failure the renderer words itself (an empty clipboard, Re-attach without a selection): its
 * message is already in the interface language, so it is shown as it is, with no code to add.
 */
export class ShownError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ShownError'
  }
}

export interface ErrorText {
  /** The sentence shown: main's own message in English, the code's message in another language. */
  message: string
  /** Main's specific message (in English), shown under the translated one so no detail is lost. */
  detail: string | null
}

/**
 * How the renderer shows a failed call. When main gave its reason as a message id, that reason is
 * the sentence, in the interface language (it names the file or field and the reason). Otherwise,
 * in English main's message says it all; in another language the code's message leads, in that
 * language, and main's message follows as a detail marked English.
 */
export function describeError(err: unknown, t: Translate, locale: UiLocale): ErrorText {
  const text = err instanceof Error ? err.message : String(err)
  if (err instanceof ApiError && err.reason) return { message: reasonText(err.reason, t), detail: null }
  if (locale === 'en' || err instanceof ShownError) return { message: text, detail: null }
  const code: ErrorCode = err instanceof ApiError ? err.code : 'internal'
  return { message: t(ERROR_MESSAGES[code]), detail: text || null }
}

/** The same as one line of text, for a toast or a status line: the sentence, then main's words. */
export function errorLine(err: unknown, t: Translate, locale: UiLocale): string {
  const { message, detail } = describeError(err, t, locale)
  return detail ? `${message} ${detail}` : message
}
