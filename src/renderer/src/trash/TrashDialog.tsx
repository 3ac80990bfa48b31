import { useCallback, useEffect, useState } from 'react'
import type { TrashItem } from '../../../shared/domain-types'
import { useClient } from '../api/client-context'
import { formatDate } from '../app/format-date'
import { Dialog } from '../ui/Dialog'

interface Props {
  /** After a restore or emptying: the library list and the open article may have changed. */
  onChanged(restoredArticleId: string | null): void
  onClose(): void
}

/** Deleted articles and highlights, newest first: each can come back; emptying asks first. */
export function TrashDialog({ onChanged, onClose }: Props) {
  const client = useClient()
  const [items, setItems] = useState<TrashItem[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  const refresh = useCallback(
    () =>
      client.call('trash.list', {}).then(
        (r) => setItems(r.items),
        (err: Error) => setError(err.message)
      ),
    [client]
  )

  useEffect(() => {
    void refresh()
  }, [refresh])

  async function restore(item: TrashItem) {
    try {
      setError(null)
      const { articleId } = await client.call('trash.restore', { kind: item.kind, id: item.id })
      await refresh()
      onChanged(articleId)
    } catch (err) {
      setError((err as Error).message)
    }
  }

  async function empty() {
    if (!items?.length) return
    if (!window.confirm(`Delete ${items.length} item${items.length === 1 ? '' : 's'} in the Trash for good? This cannot be undone.`)) return
    try {
      setError(null)
      await client.call('trash.empty', { confirm: true })
      await refresh()
      onChanged(null)
    } catch (err) {
      setError((err as Error).message)
    }
  }

  return (
    <Dialog title="Trash" className="trash-dialog" onClose={onClose} testId="trash-dialog">
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      {items === null ? (
        <p className="empty-hint">Loading…</p>
      ) : items.length === 0 ? (
        <p className="empty-hint" data-testid="trash-empty">
          The Trash is empty. Deleted articles and highlights wait here, with their notes, until you empty it.
        </p>
      ) : (
        <ul className="trash-list">
          {items.map((item) => (
            <li key={`${item.kind}:${item.id}`} data-testid="trash-row">
              <span className="trash-kind">{item.kind === 'article' ? 'Article' : 'Highlight'}</span>
              <span className="trash-title">{item.title}</span>
              <span className="trash-detail">
                {item.detail} · deleted {formatDate(item.deletedAt)}
              </span>
              <button type="button" onClick={() => void restore(item)}>
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        {/* Nothing to empty, nothing to offer. */}
        {items && items.length > 0 && (
          <button type="button" className="danger" onClick={() => void empty()}>
            Empty Trash…
          </button>
        )}
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  )
}
