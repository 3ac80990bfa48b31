import { useState, type FormEvent } from 'react'
import { useT } from '../i18n/use-t'
import { Dialog } from '../ui/Dialog'
import { useErrorText } from '../api/use-error-text'

interface Props {
  title: string
  initialName?: string
  initialDescription?: string
  submitLabel: string
  /** Resolves when saved; a refusal (a name taken) is shown in the dialog, which stays open. */
  onSubmit(name: string, description: string): Promise<void>
  onClose(): void
}

/** A case's name and description: New Case… and Rename Case… */
export function CaseNameDialog({ title, initialName = '', initialDescription = '', submitLabel, onSubmit, onClose }: Props) {
  const t = useT()
  const errorText = useErrorText()
  const [name, setName] = useState(initialName)
  const [description, setDescription] = useState(initialDescription)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!name.trim()) return setError(t('cases:dialog.nameRequired'))
    setBusy(true)
    try {
      await onSubmit(name.trim(), description)
      onClose()
    } catch (err) {
      setError(errorText(err))
      setBusy(false)
    }
  }

  return (
    <Dialog title={title} onClose={onClose} testId="case-dialog">
      <form onSubmit={(e) => void submit(e)} className="case-form">
        <label>
          {t('cases:dialog.name')}
          <input autoFocus value={name} maxLength={200} onChange={(e) => setName(e.target.value)} data-testid="case-name" aria-invalid={error !== null} />
        </label>
        <label>
          {t('cases:dialog.description')} <span className="shortcut-when">{t('cases:dialog.optional')}</span>
          <textarea rows={3} value={description} maxLength={20_000} onChange={(e) => setDescription(e.target.value)} />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('cases:cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
