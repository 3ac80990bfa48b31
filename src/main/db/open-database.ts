import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { newBackupPath, pruneBackups } from './backup-files'
import { settleInterruptedRestore } from './interrupted-restore'
import { DatabaseFault, explainDatabaseError } from './database-fault'
import { beginTransactionsImmediately } from './immediate-transactions'
import { migrate, pendingMigrations, schemaVersion } from './migrate'
import { MIGRATIONS } from './migrations'
import { snapshotSync } from './snapshot'
import { registerProvenanceFunctions } from '../provenance/log-hash'
import { registerSearchFunctions } from './cjk-index'
import { PAGE_CACHE_KIB, SYNCHRONOUS } from './connection-settings'

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string
  /** A backup before any migration (on by default; the crash harness checks it is taken). */
  backupBeforeMigration?: boolean
  /** How long to wait for another program's lock before saying the file is locked. */
  busyTimeoutMs?: number
}

export { PAGE_CACHE_KIB, SYNCHRONOUS } from './connection-settings'

export function openDatabase(path: string, options: OpenOptions = {}): Database.Database {
  let db: Database.Database
  try {
    mkdirSync(dirname(path), { recursive: true })
    settleInterruptedRestore(path)
    db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  } catch (err) {
    throw explainDatabaseError(err, path)
  }
  try {
    db.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`)
    // The parse workers write on connections of their own: see immediate-transactions.ts.
    beginTransactionsImmediately(db)
    // Reading the schema proves the file is SQLite and its first page is sound, before any write.
    db.prepare('SELECT count(*) FROM sqlite_master').get()
    // The activity log's triggers hash each entry with these (migration 017).
    registerProvenanceFunctions(db)
    // The CJK side index's triggers write rows holding CJK through this (migration 051).
    registerSearchFunctions(db)
    // Refuse a newer schema before touching the file at all, journal mode included.
    const latest = MIGRATIONS.at(-1)?.version ?? 0
    const current = schemaVersion(db)
    if (current > latest) migrate(db, MIGRATIONS, path)
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    db.pragma(`synchronous = ${SYNCHRONOUS}`)
    // 64 MB of page cache (as the search worker has) instead of SQLite's 2 MB: lists that join by id (a case's claims and
    // their evidence, a few thousand highlights and articles spread over the whole file) re-read
    // the same pages on every opening and were paying a system call per page (BENCHMARKS.md, analysis).
    db.pragma(`cache_size = ${PAGE_CACHE_KIB}`)
    // SQLite silently opens an unwritable file read-only; find out now rather than at the first save.
    probeWrite(db, current)
    if (current > 0 && pendingMigrations(db, MIGRATIONS).length > 0 && options.backupBeforeMigration !== false) {
      try {
        snapshotSync(db, newBackupPath(path, `before-migration-${latest}`))
        pruneBackups(path)
      } catch (err) {
        const cause = explainDatabaseError(err, path)
        throw cause instanceof DatabaseFault && cause.fault === 'full'
          ? new DatabaseFault('full', path, 'before_upgrade')
          : cause
      }
    }
    migrate(db, MIGRATIONS, path)
    return db
  } catch (err) {
    db.close()
    throw explainDatabaseError(err, path)
  }
}

function probeWrite(db: Database.Database, version: number): void {
  // Writing the version it already has: a real write transaction, with no change to the data.
  db.pragma(`user_version = ${Math.trunc(version)}`)
}
