import Database from 'better-sqlite3'
import { rmSync } from 'node:fs'
import { backupFolder, findBackup, KEEP_BACKUPS, listBackups, newBackupPath, pruneBackups, type BackupFile } from '../db/backup-files'
import { explainDatabaseError } from '../db/database-fault'
import { migrate } from '../db/migrate'
import { MIGRATIONS } from '../db/migrations'
import { articlesRepo } from '../db/repos/articles'
import { snapshot } from '../db/snapshot'
import { refuse } from '../../shared/refusals'
import { LIBRARY_FILE_SUFFIXES, stageVerifiedCopy, type LibraryCounts } from './backup-restore'

export const DAY_MS = 24 * 60 * 60 * 1000

export interface RestoreOutcome {
  restoredFrom: string
  /** The library as it was just before, itself kept as a backup. */
  keptAs: BackupFile
  counts: LibraryCounts
}

/**
 * Rolling backups of the open library through SQLite's backup API, and restore into the open
 * library. Every operation runs one after the other: a daily backup never races a restore.
 */
export class BackupService {
  private queue: Promise<unknown> = Promise.resolve()
  private timer: NodeJS.Timeout | null = null

  constructor(
    private readonly db: Database.Database,
    private readonly dbPath: string,
    private readonly options: { keep?: number; nativeBinding?: string; now?: () => Date } = {}
  ) {}

  list(): BackupFile[] {
    return listBackups(this.dbPath)
  }

  create(reason: 'daily' | 'manual' | 'before-restore' = 'manual'): Promise<BackupFile> {
    return this.serially(() => this.take(reason))
  }

  /**
   * Replaces the open library's contents with a backup's. The backup is copied and checked first;
   * the current library is then itself backed up (so the restore can be undone), and the checked
   * copy is written into the open file in one SQLite transaction, so a crash leaves one or the other.
   */
  restore(name: string): Promise<RestoreOutcome> {
    const backup = findBackup(this.dbPath, name)
    if (!backup) return Promise.reject(refuse('backup.missing_named', { name, folder: backupFolder(this.dbPath) }))
    return this.restoreFile(backup.path)
  }

  /** Restores from any SQLite file the analyst names (the CLI's `dossier restore FILE`). */
  restoreFile(path: string): Promise<RestoreOutcome> {
    return this.serially(async () => {
      const copy = stageVerifiedCopy(path, this.dbPath, this.options.nativeBinding)
      try {
        const keptAs = await this.take('before-restore')
        const source = new Database(copy.path, { readonly: true, ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}) })
        try {
          // All pages in one step: one transaction on the library, never a half-copied state.
          await source.backup(this.dbPath, { progress: () => 0x7fffffff })
        } finally {
          source.close()
        }
        // A backup taken before an upgrade has the older schema: bring it up to date.
        migrate(this.db, MIGRATIONS, this.dbPath)
        return { restoredFrom: path, keptAs, counts: copy.counts }
      } catch (err) {
        throw explainDatabaseError(err, this.dbPath)
      } finally {
        for (const suffix of LIBRARY_FILE_SUFFIXES) rmSync(copy.path + suffix, { force: true })
      }
    })
  }

  /** A backup now if the newest is a day old (or there is none), then a check every hour while the app runs. */
  startDaily(checkEveryMs = 60 * 60 * 1000, log: (message: string) => void = console.warn): void {
    if (this.timer) return
    const check = () => {
      // An empty library has nothing worth a backup yet.
      if (!this.db.open || !articlesRepo(this.db).any()) return
      const newest = this.list()[0]
      const now = (this.options.now?.() ?? new Date()).getTime()
      if (newest && now - Date.parse(newest.createdAt) < DAY_MS) return
      this.create('daily').catch((err: unknown) => log(`[dossier] daily backup failed: ${err instanceof Error ? err.message : String(err)}`))
    }
    check()
    this.timer = setInterval(check, checkEveryMs)
    // A pending check must never keep a shell (or a test) alive.
    this.timer.unref()
  }

  /** Stops the daily timer and waits for a backup in progress, so closing never cuts one short. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    await this.queue.catch(() => {})
  }

  private async take(reason: string): Promise<BackupFile> {
    const path = newBackupPath(this.dbPath, reason, this.options.now?.())
    try {
      await snapshot(this.db, path)
    } catch (err) {
      throw explainDatabaseError(err, path)
    }
    pruneBackups(this.dbPath, this.options.keep ?? KEEP_BACKUPS)
    const taken = this.list().find((b) => b.path === path)
    if (!taken) throw refuse('backup.not_listed', { path })
    return taken
  }

  private serially<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task)
    this.queue = next.catch(() => {})
    return next
  }
}
