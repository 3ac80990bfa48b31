import { useState } from 'react'
import { dirAttribute } from '../../../shared/text/direction'
import type { Highlight, Label } from '../../../shared/domain-types'
import { Dialog } from '../ui/Dialog'
import { useT } from '../i18n/use-t'

interface Props {
  highlights: readonly Highlight[]
  labels: readonly Label[]
  onPick(highlightId: string): void
  onClose(): void
}

/** Insert quote: type to filter the article's highlights, Enter takes the first, or pick one. */
export function QuotePicker({ highlights, labels, onPick, onClose }: Props) {
  const t = useT()
  const [filter, setFilter] = useState('')
  const needle = filter.trim().toLowerCase()
  const labelOf = (h: Highlight) => labels.find((l) => l.id === h.labelId)
  const shown = highlights.filter((h) => !needle || h.exact.toLowerCase().includes(needle) || (labelOf(h)?.name.toLowerCase().includes(needle) ?? false))
  const pick = (id: string) => {
    onPick(id)
    onClose()
  }
  return (
    <Dialog title={t('notes:quotePicker.title')} className="quote-picker" onClose={onClose} testId="quote-picker">
      {highlights.length === 0 ? (
        <p className="empty-hint">{t('notes:quotePicker.empty', { highlightKey: 'H' })}</p>
      ) : (
        <>
          <input
            aria-label={t('notes:quotePicker.find')}
            placeholder={t('notes:quotePicker.placeholder')}
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && shown[0]) {
                e.preventDefault()
                pick(shown[0].id)
              }
            }}
            autoFocus
          />
          <ol className="highlight-list">
            {shown.map((h) => (
              <li key={h.id}>
                <button type="button" className="highlight-item" onClick={() => pick(h.id)}>
                  {labelOf(h) && <span className={`label-chip small c-${labelOf(h)!.color}`} translate="no">{labelOf(h)!.name}</span>}
                  <span className="highlight-quote" dir={dirAttribute(h.exact)}>
                    {h.exact}
                  </span>
                  {h.orphaned && <span className="review-chip">{t('notes:quotePicker.missing')}</span>}
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('notes:quotePicker.cancel')}
        </button>
      </div>
    </Dialog>
  )
}
