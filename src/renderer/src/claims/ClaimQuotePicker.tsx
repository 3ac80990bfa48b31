import { useState } from 'react'
import type { ClaimSummary } from '../../../shared/analysis/analysis-types'
import { CLAIM_STATUS_NAMES } from '../../../shared/analysis/claim-warnings'
import { Dialog } from '../ui/Dialog'

interface Props {
  /** The case's claims; null while they load. */
  claims: readonly ClaimSummary[] | null
  onPick(claim: ClaimSummary): void
  onClose(): void
}

/** Quote a claim: type to filter the case's claims, Enter takes the first, or pick one. */
export function ClaimQuotePicker({ claims, onPick, onClose }: Props) {
  const [filter, setFilter] = useState('')
  const needle = filter.trim().toLowerCase()
  const shown = (claims ?? []).filter((c) => !needle || c.text.toLowerCase().includes(needle))
  const pick = (claim: ClaimSummary) => {
    onPick(claim)
    onClose()
  }
  return (
    <Dialog title="Quote a claim" className="quote-picker" onClose={onClose} testId="claim-quote-picker">
      {claims === null ? (
        <p className="empty-hint">Loading…</p>
      ) : claims.length === 0 ? (
        <p className="empty-hint">This case has no claims yet. State one in the Claims view.</p>
      ) : (
        <>
          <input
            aria-label="Find a claim"
            placeholder="Type to find a claim; Enter quotes the first"
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
                  <span className="claim-status">{CLAIM_STATUS_NAMES[c.status]}</span>
                  <span className="highlight-quote">{c.text}</span>
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  )
}
