import { Fragment, type ReactNode } from 'react'
import type { ImportResult } from '../../../shared/domain-types'
import type { MessageKey, Translate } from '../../../shared/i18n'
import { describeError, ERROR_MESSAGES } from '../api/error-message'
import { reasonText } from '../../../shared/i18n/reason-messages'
import { useLocale, useT } from '../i18n/use-t'
import type { ReportRow } from '../import/use-import'
import { removedReason } from '../reader/removed-reason'
import { richT } from '../i18n/rich'
import { importNote, updatedParts } from '../../../shared/i18n/import-text'

interface Props {
  results: readonly ReportRow[]
  onOpen(id: string): void
  onImportWholeText(name: string): void
  onDismiss(): void
}

const COUNTS: readonly [ImportResult['status'], MessageKey][] = [
  ['imported', 'library:import.count.imported'],
  ['updated', 'library:import.count.updated'],
  ['duplicate', 'library:import.count.duplicate'],
  ['rejected', 'library:import.count.rejected'],
  ['skipped', 'library:import.count.skipped']
]

/** Words joined as a list in the interface language (the separator is the catalog's). */
function joined(parts: readonly ReactNode[], t: Translate): ReactNode {
  return parts.map((part, i) => (
    <Fragment key={i}>
      {i > 0 && t('common:listSeparator')}
      {part}
    </Fragment>
  ))
}

/** Main's own words, in English: shown as written in English, after the interface's sentence in another language. */
function English({ children }: { children: ReactNode }) {
  return (
    <span lang="en" dir="ltr">
      {children}
    </span>
  )
}

/** What happened to each file, so nothing is rejected silently. */
export function ImportReport({ results, onOpen, onImportWholeText, onDismiss }: Props) {
  const t = useT()
  const { locale } = useLocale()
  const count = (status: ImportResult['status']) => results.filter((r) => r.status === status && r.cancelled === undefined).length
  const rejected = count('rejected')
  const summary = COUNTS.filter(([status]) => status === 'imported' || count(status) > 0)
    .map(([status, key]) => t(key, { count: count(status) }))
    .join(' · ')

  /** Why a file was refused or skipped: main's sentence in English, else its code's sentence with main's as the detail. */
  const reason = (r: ReportRow): ReactNode => {
    if (r.cancelled !== undefined) return t('library:import.cancelled', { count: r.cancelled })
    if (r.annotations) return annotationText(r.annotations, t)
    if (r.failure !== undefined) {
      const shown = describeError(r.failure, t, locale)
      return shown.detail ? <>{shown.message} <English>{shown.detail}</English></> : shown.message
    }
    if (r.reason) return reasonText(r.reason, t)
    if (locale === 'en' || !r.message) return r.message
    const lead = r.code ? t(ERROR_MESSAGES[r.code]) : t('library:import.status', { status: r.status })
    return (
      <>
        {lead} <English>{r.message}</English>
      </>
    )
  }

  const linkText = (r: ReportRow): ReactNode => {
    const title = <span translate="no">{r.title}</span>
    if (r.status === 'duplicate') return richT(t, 'library:import.duplicateOf', { title })
    if (r.status !== 'updated') return title
    if (locale === 'en') return r.message
    const { toReview, needAttention } = updatedParts(r.message ?? '')
    return joined(
      [
        richT(t, 'library:import.newerVersionOf', { title }),
        toReview > 0 && t('library:import.toReview', { count: toReview }),
        needAttention > 0 && t('library:import.needAttention', { count: needAttention })
      ].filter(Boolean),
      t
    )
  }

  const single = results.length === 1 ? results[0]! : null
  return (
    <section className={`import-report${rejected ? ' has-errors' : ''}`} role="status" aria-label={t('library:import.reportLabel')} data-testid="import-report">
      <header>
        <strong>{single && single.cancelled === undefined ? t('library:import.status', { status: single.status }) : summary}</strong>
        <button type="button" className="link" onClick={onDismiss} aria-label={t('common:dismiss')}>
          ✕
        </button>
      </header>
      <ul>
        {results.map((r, i) => (
          <li key={i} className={r.status}>
            {r.name && (
              <span className="file" translate="no">
                {r.name}
              </span>
            )}{' '}
            {r.articleId === null && r.status !== 'rejected' ? (
              // An annotations file: it made no article of its own, so there is nothing to open.
              <span className="reason">{reason(r)}</span>
            ) : r.status === 'rejected' ? (
              <>
                <span className="reason">{reason(r)}</span>
                {r.canImportWholeText && (
                  <button type="button" className="link" onClick={() => onImportWholeText(r.name)}>
                    {t('library:import.wholeText')}
                  </button>
                )}
              </>
            ) : (
              <>
                <button type="button" className="link" onClick={() => r.articleId && onOpen(r.articleId)}>
                  {linkText(r)}
                </button>
                <ImportDetails result={r} />
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}

/** An annotations file's line: what was placed, what was not and why. */
function annotationText(r: NonNullable<ReportRow['annotations']>, t: Translate): ReactNode {
  const placed = r.imported + r.needsReview
  const parts: ReactNode[] = [
    <>
      {t('library:import.annotations.placed', { count: placed })}
      {r.needsReview > 0 && <> {t('library:import.annotations.toCheck', { count: r.needsReview })}</>}
    </>
  ]
  if (r.duplicates) parts.push(t('library:import.annotations.duplicates', { count: r.duplicates }))
  if (r.skipped.length) {
    // Main's reasons, worded in the interface language from their message ids (English as sent otherwise).
    const worded = r.skippedReasons.length === r.skipped.length
    const reasons = (worded ? r.skippedReasons.map((why) => reasonText(why, t)) : r.skipped).slice(0, 3)
    const separator = worded ? t('library:import.annotations.reasonSeparator') : '; '
    const shown = `${reasons.join(separator)}${r.skipped.length > 3 ? `${separator}…` : ''}`
    parts.push(richT(t, 'library:import.annotations.notPlaced', { reasons: worded ? shown : <English>{shown}</English> }, { count: r.skipped.length }))
  }
  return joined(parts, t)
}

/** Pages, what cleaning set aside and what the import left out, in one line under the title. */
function ImportDetails({ result }: { result: ImportResult }) {
  const t = useT()
  const parts: ReactNode[] = [
    result.pages !== undefined && t('library:import.pages', { count: result.pages }),
    ...(result.removed ?? []).map((r) => t('library:import.setAside', { count: r.count, reason: removedReason(r.reason, t) })),
    ...(result.notes ?? []).map((note) => importNote(note, t) ?? <English>{note}</English>)
  ].filter(Boolean)
  if (result.status === 'duplicate' || parts.length === 0) return null
  return (
    <span className="reason details">
      {' '}
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && ' · '}
          {part}
        </Fragment>
      ))}
    </span>
  )
}
