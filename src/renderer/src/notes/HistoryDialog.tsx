import { useEffect, useState } from 'react'
import { MAX_REVISIONS, type NoteRevision, type NoteTarget } from '../../../shared/notes/note-schemas'
import { useClient } from '../api/client-context'
import { Dialog } from '../ui/Dialog'
import { richT } from '../i18n/rich'
import { useLocale, useT } from '../i18n/use-t'
import { useErrorText } from '../api/use-error-text'

const SAVED_AT: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }

interface Props {
  target: NoteTarget
  title: string
  onRestore(revision: NoteRevision): void
  onClose(): void
}

/** The saved versions of a note or notebook, newest first; restoring one saves it as the newest. */
export function HistoryDialog({ target, title, onRestore, onClose }: Props) {
  const t = useT()
  const errorText = useErrorText()
  const { intl } = useLocale()
  const client = useClient()
  const [revisions, setRevisions] = useState<NoteRevision[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    client.call('note.revisions', target).then(setRevisions, (err: unknown) => setError(errorText(err)))
    // The target is fixed for the dialog's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client])

  return (
    <Dialog title={title} className="history-dialog" onClose={onClose} testId="history-dialog">
      {error && <p className="error">{error}</p>}
      {revisions === null && !error && <p className="empty-hint">{t('notes:history.loading')}</p>}
      {revisions?.length === 0 && <p className="empty-hint">{t('notes:history.empty', { max: MAX_REVISIONS })}</p>}
      {revisions && revisions.length > 0 && (
        <ol className="revision-list">
          {revisions.map((r, i) => (
            <li key={r.id} data-testid="revision">
              <span className="revision-time">
                <time dateTime={r.savedAt}>{new Date(r.savedAt).toLocaleString(intl, SAVED_AT)}</time>
                {i === 0 && <span className="revision-current"> {t('notes:history.current')}</span>}
              </span>
              <RevisionSummary revision={r} />
              <button type="button" disabled={i === 0} onClick={() => onRestore(r)} autoFocus={i === 1}>
                {t('notes:history.restore')}
              </button>
            </li>
          ))}
        </ol>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('notes:history.close')}
        </button>
      </div>
    </Dialog>
  )
}

/** What a save changed: the words taken out and put in, with a few words before for orientation. */
function RevisionSummary({ revision }: { revision: NoteRevision }) {
  const t = useT()
  const change = revision.change
  const empty = <em>{t('notes:history.emptyNote')}</em>
  if (!change) return <span className="revision-preview">{revision.preview ? t('notes:history.firstVersion', { preview: revision.preview }) : empty}</span>
  if (!change.removed && !change.added)
    return <span className="revision-preview">{richT(t, 'notes:history.formattingOnly', { preview: revision.preview || empty })}</span>
  return (
    <span className="revision-preview" data-testid="revision-change">
      {change.before && <span className="revision-context">{change.before}</span>}
      {change.removed && (
        <del>
          <span className="visually-hidden">{t('notes:history.removed')}</span>
          {change.removed}
        </del>
      )}
      {change.removed && change.added && ' '}
      {change.added && (
        <ins>
          <span className="visually-hidden">{t('notes:history.added')}</span>
          {change.added}
        </ins>
      )}
    </span>
  )
}
