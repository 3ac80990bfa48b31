import type { MessageKey, Translate, UiLocale } from '../../../shared/i18n'
import { errorLine } from '../api/error-message'
import type { SaveStatus } from './autosave'

const STATUS_TEXT: Record<SaveStatus, MessageKey> = {
  saved: 'notes:status.saved',
  unsaved: 'notes:status.unsaved',
  saving: 'notes:status.saving',
  failed: 'notes:status.failed'
}

/**
 * The editor's one status line, and its tooltip when a save failed: the failure as main gave its
 * reason, worded in the interface language (describeError), never main's English message alone.
 */
export function saveStatusText(status: SaveStatus, error: unknown, t: Translate, locale: UiLocale): { text: string; title: string | null } {
  if (status !== 'failed' || error == null) return { text: t(STATUS_TEXT[status]), title: null }
  const reason = errorLine(error, t, locale)
  return { text: t('notes:status.failedWith', { error: reason }), title: reason }
}
