import { useState } from 'react'
import type { ClaimSummary } from '../../../shared/analysis/analysis-types'
import { CLAIM_STATUS_MESSAGES } from '../../../shared/analysis/claim-warnings'
import { useT } from '../i18n/use-t'
import { Dialog } from '../ui/Dialog'

interface Props {
  /** The case's claims; null while they load. */
  claims: readonly ClaimSummary[] | null
  onPick(claim: ClaimSummary): void
  onClose(): void
}

/** Quote a claim: type to filter the case's claims, Enter takes the first, or pick one. */
export function ClaimQuotePicker({ claims, onPick, onClose }: Props) {
  const t = useT()
  const [filter, setFilter] = useState('')
  const needle = filter.trim().toLowerCase()
  const shown = (claims ?? []).filter((c) => !needle || c.text.toLowerCase().includes(needle))
  const pick = (claim: ClaimSummary) => {
    onPick(claim)
    onClose()
  }
  return (
    <Dialog title={t('claims:quote.title')} className="quote-picker" onClose={onClose} testId="claim-quote-picker">
      {claims === null ? (
        <p className="empty-hint">{t('claims:loading')}</p>
      ) : claims.length === 0 ? (
        <p className="empty-hint">{t('claims:quote.none')}</p>
      ) : (
        <>
          <input
            aria-label={t('claims:find')}
            placeholder={t('claims:quote.findPlaceholder')}
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && shown[0]) {
                e.preventDefault()
                pick(shown[0])
              }
            }}
            autoFocus
          />
          <ol className="highlight-list">
            {shown.map((c) => (
              <li key={c.id}>
                <button type="button" className="highlight-item" onClick={() => pick(c)}>
                  <span className="claim-status">{t(CLAIM_STATUS_MESSAGES[c.status])}</span>
                  <span className="highlight-quote" translate="no">
                    {c.text}
                  </span>
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('claims:cancel')}
        </button>
      </div>
    </Dialog>
  )
}
