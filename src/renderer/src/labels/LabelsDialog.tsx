import { useState, type FormEvent } from 'react'
import { LABEL_COLORS, type Label } from '../../../shared/domain-types'
import type { MessageKey } from '../../../shared/i18n'
import { useClient } from '../api/client-context'
import { richT } from '../i18n/rich'
import { useT } from '../i18n/use-t'
import { Dialog } from '../ui/Dialog'
import { ErrorMessage } from '../ui/ErrorMessage'

/** Each colour's name in the interface language. */
const COLOUR_NAMES: Readonly<Record<Label['color'], MessageKey>> = {
  yellow: 'library:colour.yellow',
  orange: 'library:colour.orange',
  red: 'library:colour.red',
  pink: 'library:colour.pink',
  purple: 'library:colour.purple',
  blue: 'library:colour.blue',
  teal: 'library:colour.teal',
  green: 'library:colour.green',
  gray: 'library:colour.gray'
}

interface Props {
  labels: readonly Label[]
  onChanged(): void
  onClose(): void
}

/** Create, rename, recolour and delete labels; deleting asks where its highlights go. */
export function LabelsDialog({ labels, onChanged, onClose }: Props) {
  const client = useClient()
  const t = useT()
  const [error, setError] = useState<unknown>(null)
  const [newName, setNewName] = useState('')
  const [newColor, setNewColor] = useState<Label['color']>('teal')
  const [deleting, setDeleting] = useState<{ id: string; moveTo: string } | null>(null)

  async function run(action: () => Promise<unknown>): Promise<boolean> {
    try {
      setError(null)
      await action()
      onChanged()
      return true
    } catch (err) {
      setError(err)
      return false
    }
  }

  function create(event: FormEvent) {
    event.preventDefault()
    void run(() => client.call('label.create', { name: newName, color: newColor })).then((ok) => ok && setNewName(''))
  }

  function rename(label: Label, name: string) {
    if (name.trim() && name !== label.name) void run(() => client.call('label.update', { id: label.id, name }))
  }

  return (
    <Dialog title={t('library:labels.title')} className="labels-dialog" onClose={onClose} testId="labels-dialog">
      <p className="empty-hint">
        {richT(t, 'library:labels.hint', {
          labelKeys: (
            <>
              <kbd>1</kbd>–<kbd>9</kbd>
            </>
          ),
          highlightKey: <kbd>H</kbd>
        })}
      </p>
      <ol className="labels-list">
        {labels.map((label, i) => (
          <li key={label.id} data-testid="label-row">
            <kbd>{i + 1}</kbd>
            <input aria-label={t('library:labels.name', { number: i + 1 })} defaultValue={label.name} onBlur={(e) => rename(label, e.target.value)} />
            <select
              aria-label={t('library:labels.colour', { name: label.name })}
              className={`c-${label.color} colour-select`}
              value={label.color}
              onChange={(e) => void run(() => client.call('label.update', { id: label.id, color: e.target.value as Label['color'] }))}
            >
              {LABEL_COLORS.map((c) => (
                <option key={c} value={c}>
                  {t(COLOUR_NAMES[c])}
                </option>
              ))}
            </select>
            {deleting?.id === label.id ? (
              <span className="delete-label">
                {t('library:labels.moveTo')}
                <select aria-label={t('library:labels.moveToLabel')} value={deleting.moveTo} onChange={(e) => setDeleting({ id: label.id, moveTo: e.target.value })}>
                  {labels
                    .filter((l) => l.id !== label.id)
                    .map((l) => (
                      <option key={l.id} value={l.id}>
                        {l.name}
                      </option>
                    ))}
                  <option value="">{t('notes:highlights.noLabel')}</option>
                </select>
                <button
                  type="button"
                  className="danger"
                  onClick={() => void run(() => client.call('label.delete', { id: label.id, moveTo: deleting.moveTo || null })).then(() => setDeleting(null))}
                >
                  {t('library:labels.delete')}
                </button>
                <button type="button" onClick={() => setDeleting(null)}>
                  {t('library:labels.keep')}
                </button>
              </span>
            ) : (
              <button type="button" onClick={() => setDeleting({ id: label.id, moveTo: labels.find((l) => l.id !== label.id)?.id ?? '' })}>
                {t('library:labels.deleteAsk')}
              </button>
            )}
          </li>
        ))}
      </ol>
      <form className="new-label" onSubmit={create}>
        <input aria-label={t('library:labels.newName')} placeholder={t('library:labels.newPlaceholder')} value={newName} onChange={(e) => setNewName(e.target.value)} required />
        <select aria-label={t('library:labels.newColour')} value={newColor} onChange={(e) => setNewColor(e.target.value as Label['color'])}>
          {LABEL_COLORS.map((c) => (
            <option key={c} value={c}>
              {t(COLOUR_NAMES[c])}
            </option>
          ))}
        </select>
        <button type="submit">{t('library:labels.add')}</button>
      </form>
      {error !== null && <ErrorMessage error={error} />}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('common:done')}
        </button>
      </div>
    </Dialog>
  )
}
