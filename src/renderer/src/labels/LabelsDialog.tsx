import { useState, type FormEvent } from 'react'
import { LABEL_COLORS, type Label } from '../../../shared/domain-types'
import { useClient } from '../api/client-context'
import { Dialog } from '../ui/Dialog'

interface Props {
  labels: readonly Label[]
  onChanged(): void
  onClose(): void
}

/** Create, rename, recolour and delete labels; deleting asks where its highlights go. */
export function LabelsDialog({ labels, onChanged, onClose }: Props) {
  const client = useClient()
  const [error, setError] = useState<string | null>(null)
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
      setError((err as Error).message)
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
    <Dialog title="Labels" className="labels-dialog" onClose={onClose} testId="labels-dialog">
      <p className="empty-hint">Keys 1–9 highlight with the label in that place; H uses the first.</p>
      <ol className="labels-list">
        {labels.map((label, i) => (
          <li key={label.id} data-testid="label-row">
            <kbd>{i + 1}</kbd>
            <input aria-label={`Name of label ${i + 1}`} defaultValue={label.name} onBlur={(e) => rename(label, e.target.value)} />
            <select
              aria-label={`Colour of ${label.name}`}
              className={`c-${label.color} colour-select`}
              value={label.color}
              onChange={(e) => void run(() => client.call('label.update', { id: label.id, color: e.target.value as Label['color'] }))}
            >
              {LABEL_COLORS.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
            {deleting?.id === label.id ? (
              <span className="delete-label">
                Move its highlights to
                <select aria-label="Move highlights to" value={deleting.moveTo} onChange={(e) => setDeleting({ id: label.id, moveTo: e.target.value })}>
                  {labels
                    .filter((l) => l.id !== label.id)
                    .map((l) => (
                      <option key={l.id} value={l.id}>
                        {l.name}
                      </option>
                    ))}
                  <option value="">No label</option>
                </select>
                <button
                  type="button"
                  className="danger"
                  onClick={() => void run(() => client.call('label.delete', { id: label.id, moveTo: deleting.moveTo || null })).then(() => setDeleting(null))}
                >
                  Delete
                </button>
                <button type="button" onClick={() => setDeleting(null)}>
                  Keep
                </button>
              </span>
            ) : (
              <button type="button" onClick={() => setDeleting({ id: label.id, moveTo: labels.find((l) => l.id !== label.id)?.id ?? '' })}>
                Delete…
              </button>
            )}
          </li>
        ))}
      </ol>
      <form className="new-label" onSubmit={create}>
        <input aria-label="New label name" placeholder="New label" value={newName} onChange={(e) => setNewName(e.target.value)} required />
        <select aria-label="New label colour" value={newColor} onChange={(e) => setNewColor(e.target.value as Label['color'])}>
          {LABEL_COLORS.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <button type="submit">Add label</button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  )
}
