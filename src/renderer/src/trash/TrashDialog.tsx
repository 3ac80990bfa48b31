import { useCallback, useEffect, useState, type ReactNode } from 'react'
import type { TrashItem } from '../../../shared/domain-types'
import type { Translate } from '../../../shared/i18n'
import { useClient } from '../api/client-context'
import { formatDate } from '../app/format-date'
import { richT } from '../i18n/rich'
import { useLocale, useT } from '../i18n/use-t'
import { useConfirm } from '../ui/ConfirmDialog'
import { Dialog } from '../ui/Dialog'
import { ErrorMessage } from '../ui/ErrorMessage'

interface Props {
  /** After a restore or emptying: the library list and the open article may have changed. */
  onChanged(restoredArticleId: string | null): void
  onClose(): void
}

/** What comes back with an item, or where it was, in the interface language; titles and notes are the analyst's. */
function detailOf(item: TrashItem, t: Translate): ReactNode {
  if (item.kind === 'article') return item.highlights === undefined ? item.detail : t('library:trash.withHighlights', { count: item.highlights })
  if (item.articleTitle === undefined) return item.detail
  const title = <span translate="no">{item.articleTitle}</span>
  return item.note
    ? richT(t, 'library:trash.inArticleWithNote', { title, note: <span translate="no">{item.note}</span> })
    : richT(t, 'library:trash.inArticle', { title })
}

/** Deleted articles and highlights, newest first: each can come back; emptying asks first. */
export function TrashDialog({ onChanged, onClose }: Props) {
  const client = useClient()
  const t = useT()
  const { intl } = useLocale()
  const [items, setItems] = useState<TrashItem[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [confirmation, confirm] = useConfirm()

  const refresh = useCallback(() => client.call('trash.list', {}).then((r) => setItems(r.items), setError), [client])

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
      setError(err)
    }
  }

  async function empty() {
    if (!items?.length) return
    const sure = await confirm({
      title: t('library:trash.confirmEmptyTitle'),
      message: t('library:trash.confirmEmpty', { count: items.length }),
      confirmLabel: t('library:trash.emptyConfirm'),
      danger: true
    })
    if (!sure) return
    try {
      setError(null)
      await client.call('trash.empty', { confirm: true })
      await refresh()
      onChanged(null)
    } catch (err) {
      setError(err)
    }
  }

  return (
    <Dialog title={t('library:trash.title')} className="trash-dialog" onClose={onClose} testId="trash-dialog">
      {error !== null && <ErrorMessage className="banner error" error={error} />}
      {confirmation}
      {items === null ? (
        <p className="empty-hint">{t('common:loading')}</p>
      ) : items.length === 0 ? (
        <p className="empty-hint" data-testid="trash-empty">
          {t('library:trash.empty')}
        </p>
      ) : (
        <ul className="trash-list">
          {items.map((item) => (
            <li key={`${item.kind}:${item.id}`} data-testid="trash-row">
              <span className="trash-kind">{t('library:trash.kind', { kind: item.kind })}</span>
              <span className="trash-title" translate="no">
                {item.title}
              </span>
              <span className="trash-detail">
                {detailOf(item, t)} ·{' '}
                {richT(t, 'library:trash.deletedOn', { when: <time dateTime={item.deletedAt}>{formatDate(item.deletedAt, intl)}</time> })}
              </span>
              <button type="button" onClick={() => void restore(item)}>
                {t('library:trash.restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        {/* Nothing to empty, nothing to offer. */}
        {items && items.length > 0 && (
          <button type="button" className="danger" onClick={() => void empty()}>
            {t('library:trash.emptyButton')}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t('common:close')}
        </button>
      </div>
    </Dialog>
  )
}
