import { useEffect, useState, type FormEvent } from 'react'
import { dirAttribute } from '../../../shared/text/direction'
import type { ClaimSummary } from '../../../shared/analysis/analysis-types'
import type { EvidenceRelation } from '../../../shared/analysis/claim-warnings'
import type { Highlight } from '../../../shared/domain-types'
import { useClient } from '../api/client-context'
import { Dialog } from '../ui/Dialog'
import { useToast } from '../ui/Toast'
import { useT } from '../i18n/use-t'
import { RELATION_NAMES, claimsChanged } from './claims-store'
import { useErrorText } from '../api/use-error-text'

interface Props {
  caseId: string
  highlight: Highlight
  onClose(): void
}

/**
 * Add Selected Highlight to a Claim… (Ctrl/⌘ Alt E): the keyboard's way to do what dragging a
 * highlight onto a claim does. Type to narrow the case's claims, choose how the passage bears on
 * it, Enter links it.
 */
export function EvidencePicker({ caseId, highlight, onClose }: Props) {
  const t = useT()
  const errorText = useErrorText()
  const client = useClient()
  const toast = useToast()
  const [claims, setClaims] = useState<ClaimSummary[] | null>(null)
  const [filter, setFilter] = useState('')
  const [claimId, setClaimId] = useState<string | null>(null)
  const [relation, setRelation] = useState<EvidenceRelation>('supports')
  const [error, setError] = useState<string | null>(null)
  const [loadError, setLoadError] = useState<unknown>(null)

  useEffect(() => {
    client.call('claim.list', { caseId, sort: 'created' }).then(setClaims, (err: unknown) => setLoadError(err ?? new Error(String(err))))
  }, [client, caseId])

  const needle = filter.trim().toLowerCase()
  const shown = (claims ?? []).filter((c) => !needle || c.text.toLowerCase().includes(needle))
  const chosen = shown.find((c) => c.id === claimId) ?? shown[0] ?? null

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!chosen) return
    try {
      await client.call('claim.link', { claimId: chosen.id, highlightId: highlight.id, relation })
      claimsChanged()
      toast({
        text: t('claims:linkedToast', { relation, claim: chosen.text }),
        undo: () => void client.call('claim.unlink', { claimId: chosen.id, highlightId: highlight.id }).then(claimsChanged)
      })
      onClose()
    } catch (err) {
      setError(errorText(err))
    }
  }

  return (
    <Dialog title={t('claims:evidencePicker.title')} onClose={onClose} testId="evidence-picker">
      <blockquote className="note-quote-preview" translate="no" dir={dirAttribute(highlight.exact)}>
        {highlight.exact}
      </blockquote>
      {claims !== null && claims.length === 0 ? (
        <p className="empty-hint">{t('claims:evidencePicker.none')}</p>
      ) : (
        <form onSubmit={(e) => void submit(e)} className="case-form">
          <input aria-label={t('claims:find')} placeholder={t('claims:evidencePicker.findPlaceholder')} value={filter} onChange={(e) => setFilter(e.target.value)} autoFocus />
          <fieldset className="radio-row">
            <legend>{t('claims:evidencePicker.passage')}</legend>
            {(['supports', 'contradicts', 'context'] as const).map((r) => (
              <label key={r}>
                <input type="radio" name="relation" checked={relation === r} onChange={() => setRelation(r)} /> {t(RELATION_NAMES[r])}
              </label>
            ))}
          </fieldset>
          <ul className="claim-list" aria-label={t('claims:title')}>
            {shown.map((c) => (
              <li key={c.id}>
                <label className="case-article">
                  <span>
                    <input type="radio" name="claim" checked={chosen?.id === c.id} onChange={() => setClaimId(c.id)} /> <span translate="no">{c.text}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {(error || loadError !== null) && (
            <p className="error" role="alert">
              {error ?? errorText(loadError)}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              {t('claims:cancel')}
            </button>
            <button type="submit" className="primary" disabled={!chosen}>
              {t('claims:evidencePicker.link')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  )
}
