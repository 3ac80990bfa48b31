import { useCallback, useEffect, useState } from 'react'
import type { BackupInfo } from '../../../shared/domain-types'
import { useClient } from '../api/client-context'
import { Dialog } from '../ui/Dialog'

interface Props {
  /** After a restore: every list and the open article must be read again. */
  onRestored(message: string): void
  onClose(): void
}

const REASONS: Record<string, string> = {
  daily: 'Daily',
  manual: 'Made by hand',
  'before-restore': 'Before a restore'
}

function describeReason(reason: string): string {
  if (REASONS[reason]) return REASONS[reason]
  const upgrade = /^before-migration-(\d+)$/.exec(reason)
  return upgrade ? `Before upgrade to schema ${upgrade[1]}` : reason
}

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/**
 * File > Restore from Backup…: the library's backups, newest first. Restoring checks the backup
 * first and keeps the library as it is now as a backup of its own, so a restore can be undone.
 */
export function RestoreBackupDialog({ onRestored, onClose }: Props) {
  const client = useClient()
  const [backups, setBackups] = useState<BackupInfo[] | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const refresh = useCallback(
    () =>
      client.call('backup.list', {}).then(
        (r) => setBackups(r.items),
        (err: Error) => setError(err.message)
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
      setError((err as Error).message)
    } finally {
      setBusy(false)
    }
  }

  const backUpNow = () => run(async () => {
    await client.call('backup.create', {})
    await refresh()
  })

  const restore = (b: BackupInfo) =>
    run(async () => {
      const taken = when.format(new Date(b.createdAt))
      if (!window.confirm(`Replace the library with the backup of ${taken}? The library as it is now is kept as a backup first.`)) return
      const { counts, keptAs } = await client.call('backup.restore', { name: b.name })
      onRestored(
        `Restored the backup of ${taken}: ${counts.articles} articles, ${counts.highlights} highlights, ${counts.notes} notes. ` +
          `The library as it was is kept as the backup “${keptAs.name}”.`
      )
      onClose()
    })

  return (
    <Dialog title="Restore from Backup" className="backups-dialog" onClose={onClose} testId="backups-dialog">
      <p className="empty-hint">Dossier backs the library up before every upgrade and once a day, and keeps the newest 7.</p>
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      {backups === null ? (
        <p className="empty-hint">Loading…</p>
      ) : backups.length === 0 ? (
        <p className="empty-hint" data-testid="backups-empty">
          No backups yet. The first is made today while Dossier runs, or now with “Back Up Now”.
        </p>
      ) : (
        <ul className="backups-list">
          {backups.map((b) => (
            <li key={b.name} data-testid="backup-row">
              <span className="backup-when">{when.format(new Date(b.createdAt))}</span>
              <span className="backup-reason">{describeReason(b.reason)}</span>
              <span className="backup-size">{Math.max(1, Math.round(b.bytes / 1024))} KB</span>
              <button type="button" disabled={busy} onClick={() => void restore(b)}>
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        <button type="button" disabled={busy} onClick={() => void backUpNow()}>
          Back Up Now
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  )
}
