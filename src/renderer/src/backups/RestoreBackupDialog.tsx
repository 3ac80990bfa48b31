import { useCallback, useEffect, useState } from 'react'
import type { BackupInfo } from '../../../shared/domain-types'
import { backupReason } from '../../../shared/i18n/backup-reason'
import { useClient } from '../api/client-context'
import { useLocale, useT } from '../i18n/use-t'
import { useConfirm } from '../ui/ConfirmDialog'
import { Dialog } from '../ui/Dialog'
import { ErrorMessage } from '../ui/ErrorMessage'

interface Props {
  /** After a restore: every list and the open article must be read again. */
  onRestored(message: string): void
  onClose(): void
}

/** How many backups main keeps (KEEP_BACKUPS in main/db/backup-files.ts), for the dialog’s explanation. */
const KEPT = 7

const formats = new Map<string, Intl.DateTimeFormat>()
function whenFormat(intl: string): Intl.DateTimeFormat {
  let format = formats.get(intl)
  if (!format) formats.set(intl, (format = new Intl.DateTimeFormat(intl, { dateStyle: 'medium', timeStyle: 'short' })))
  return format
}

/**
 * File > Restore from Backup…: the library's backups, newest first. Restoring checks the backup
 * first and keeps the library as it is now as a backup of its own, so a restore can be undone.
 */
export function RestoreBackupDialog({ onRestored, onClose }: Props) {
  const client = useClient()
  const t = useT()
  const when = whenFormat(useLocale().intl)
  const [backups, setBackups] = useState<BackupInfo[] | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [confirmation, confirm] = useConfirm()

  const refresh = useCallback(
    () =>
      client.call('backup.list', {}).then(
        (r) => setBackups(r.items),
        (err: unknown) => setError(err)
      ),
    [client]
  )

  useEffect(() => {
    void refresh()
  }, [refresh])

  async function run(action: () => Promise<void>) {
    setBusy(true)
    setError(null)
    try {
      await action()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  const backUpNow = () => run(async () => {
    await client.call('backup.create', {})
    await refresh()
  })

  const restore = async (b: BackupInfo) => {
    const taken = when.format(new Date(b.createdAt))
    const sure = await confirm({
      title: t('library:backups.confirmTitle'),
      message: t('library:backups.confirm', { when: taken }),
      confirmLabel: t('library:backups.restoreConfirm')
    })
    if (!sure) return
    await run(async () => {
      const { counts, keptAs } = await client.call('backup.restore', { name: b.name })
      onRestored(t('library:backups.restored', { when: taken, articles: counts.articles, highlights: counts.highlights, notes: counts.notes, keptAs: keptAs.name }))
      onClose()
    })
  }

  return (
    <Dialog title={t('library:backups.title')} className="backups-dialog" onClose={onClose} testId="backups-dialog">
      <p className="empty-hint">{t('library:backups.hint', { count: KEPT })}</p>
      {error !== null && <ErrorMessage className="banner error" error={error} />}
      {confirmation}
      {backups === null ? (
        <p className="empty-hint">{t('common:loading')}</p>
      ) : backups.length === 0 ? (
        <p className="empty-hint" data-testid="backups-empty">
          {t('library:backups.empty', { backUpNow: t('library:backups.now') })}
        </p>
      ) : (
        <ul className="backups-list">
          {backups.map((b) => (
            <li key={b.name} data-testid="backup-row">
              <time className="backup-when" dateTime={b.createdAt}>
                {when.format(new Date(b.createdAt))}
              </time>
              <span className="backup-reason">{backupReason(b.reason, t)}</span>
              <span className="backup-size">{t('library:backups.size', { kb: Math.max(1, Math.round(b.bytes / 1024)) })}</span>
              <button type="button" disabled={busy} onClick={() => void restore(b)}>
                {t('library:trash.restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        <button type="button" disabled={busy} onClick={() => void backUpNow()}>
          {t('library:backups.now')}
        </button>
        <button type="button" onClick={onClose}>
          {t('common:close')}
        </button>
      </div>
    </Dialog>
  )
}
