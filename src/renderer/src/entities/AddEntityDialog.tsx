import { useState, type FormEvent } from 'react'
import { ENTITY_TYPES, type EntityType } from '../../../shared/entities/types'
import { useClient } from '../api/client-context'
import { Dialog } from '../ui/Dialog'
import { useT } from '../i18n/use-t'
import { kindMessage } from './entity-kinds'
import { useErrorText } from '../api/use-error-text'

interface Props {
  articleId: string
  /** The selected passage, in the article's canonical text. */
  start: number
  end: number
  words: string
  onClose(): void
  /** The entity was added (or found) and the passage is now its mention. */
  onAdded(name: string, type: EntityType): void
}

/**
 * Words selected in the reader become an entity the analyst names, or a mention of one with the
 * same name and type already in the index: kept as hers, so no re-extraction takes it away.
 */
export function AddEntityDialog({ articleId, start, end, words, onClose, onAdded }: Props) {
  const t = useT()
  const errorText = useErrorText()
  const client = useClient()
  const [name, setName] = useState(words.replace(/\s+/g, ' ').trim())
  const [type, setType] = useState<EntityType>('person')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const entity = await client.call('entity.add', { name, type })
      await client.call('entity.addMention', { articleId, start, end, entityId: entity.id })
      onAdded(entity.name, entity.type)
      onClose()
    } catch (err) {
      setError(errorText(err))
      setBusy(false)
    }
  }

  return (
    <Dialog title={t('entities:add.title')} onClose={onClose} testId="add-entity-dialog">
      <form onSubmit={(e) => void submit(e)} className="case-form">
        <p className="empty-hint">
          {t('entities:add.hint', { words: words.length > 120 ? `${words.slice(0, 119)}…` : words })}
        </p>
        <label>
          {t('entities:name')}
          <input name="name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={300} disabled={busy} autoFocus />
        </label>
        <label>
          {t('entities:type')}
          <select value={type} onChange={(e) => setType(e.target.value as EntityType)} disabled={busy}>
            {ENTITY_TYPES.map((kind) => (
              <option key={kind} value={kind}>
                {t(kindMessage(kind))}
              </option>
            ))}
          </select>
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('entities:cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || !name.trim()}>
            {t('entities:add.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
