import { basename } from 'node:path'
import type { ImportResult } from '../../shared/domain-types'
import { ERROR_MESSAGES } from '../../shared/i18n/error-messages'
import { importNote, updatedParts } from '../../shared/i18n/import-text'
import type { Locale } from '../../shared/i18n/locales'
import type { MessageKey, Translate } from '../../shared/i18n/messages'
import { reasonText } from '../../shared/i18n/reason-messages'

/** What `dossier import` prints for one file: its full path, then what became of it. */
export interface ImportLine {
  file: string
  status: ImportResult['status']
  title: string | null
  /** Main's English sentence (also what `--json` gives). */
  message: string | null
  code?: ImportResult['code']
  reason?: ImportResult['reason']
  pages?: number
  notes?: string[]
}

const STATUS: Readonly<Record<ImportLine['status'], MessageKey>> = {
  imported: 'cli:import.status.imported',
  duplicate: 'cli:import.status.duplicate',
  rejected: 'cli:import.status.rejected',
  skipped: 'cli:import.status.skipped',
  updated: 'cli:import.status.updated'
}

/**
 * One line per file, `STATUS  /full/path — what happened`, every word from the catalogs in the
 * CLI's language. The English catalog says what main's English sentences say, so English output
 * is the same as main's wording; a sentence main gives without a reason id (an unknown failure)
 * is shown as written, after its code's meaning in another language.
 */
export function importLines(lines: readonly ImportLine[], t: Translate, locale: Locale): string[] {
  const statuses = lines.map((l) => t(STATUS[l.status]))
  const width = Math.max(9, ...statuses.map((s) => s.length))
  return lines.map((l, i) => `${statuses[i]!.padEnd(width)}  ${l.file} — ${detail(l, t, locale)}`)
}

function detail(l: ImportLine, t: Translate, locale: Locale): string {
  const name = basename(l.file)
  switch (l.status) {
    case 'imported': {
      const extra = [l.pages !== undefined && t('cli:import.pages', { count: l.pages }), ...(l.notes ?? []).map((note) => importNote(note, t) ?? note)].filter(Boolean)
      return t('cli:import.line.imported', { title: l.title ?? '', details: extra.join(t('common:listSeparator')), hasDetails: extra.length ? 'yes' : 'no' })
    }
    case 'duplicate':
      return t('cli:import.line.duplicate', { title: l.title ?? '' })
    case 'updated': {
      const { toReview, needAttention, previousTitle } = updatedParts(l.message ?? '')
      return t('cli:import.line.updated', { title: previousTitle ?? l.title ?? '', toReview, needAttention })
    }
    default:
      // The reason's sentence starts with the base name, as main's does; the line shows the full path in its place.
      if (l.reason) return withoutName(reasonText(l.reason, t), name)
      if (locale === 'en' || !l.message) return withoutName(l.message ?? '', name)
      return t('cli:error.coded', { reason: t(l.code ? ERROR_MESSAGES[l.code] : STATUS[l.status]), detail: withoutName(l.message, name) })
  }
}

/** "report.pdf: the PDF is damaged…" without "report.pdf: " (or the language's own colon: "report.pdf : ", "report.pdf："). */
function withoutName(message: string, name: string): string {
  if (!message.startsWith(name)) return message
  const rest = /^[\s\u00a0\u202f]*[:：][\s\u00a0\u202f]*/.exec(message.slice(name.length))
  return rest ? message.slice(name.length + rest[0].length) : message
}
