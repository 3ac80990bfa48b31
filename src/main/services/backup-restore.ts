import Database from 'better-sqlite3'
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'
import { DatabaseFault, explainDatabaseError, faultOf } from '../db/database-fault'
import { schemaVersion } from '../db/migrate'
import { MIGRATIONS } from '../db/migrations'
import { stagingPath, verifiedPath } from '../db/interrupted-restore'
import { syncFolder, syncPath } from '../db/snapshot'
import { refuse } from '../../shared/refusals'

/** The files that together make one SQLite library in WAL mode. */
export const LIBRARY_FILE_SUFFIXES = ['', '-wal', '-shm'] as const

export interface VerifiedCopy {
  /** The checked copy, beside the library, ready to take its place. */
  path: string
  schemaVersion: number
  counts: LibraryCounts
}

export interface LibraryCounts {
  articles: number
  highlights: number
  notes: number
}

/**
 * Copies a backup next to the library and checks the copy, never the backup itself: SQLite may
 * write to a file it opens, and a backup must stay exactly as it was taken.
 */
export function stageVerifiedCopy(backupPath: string, dbPath: string, nativeBinding?: string): VerifiedCopy {
  if (!existsSync(backupPath)) throw refuse('backup.missing_file', { path: backupPath })
  const staged = stagingPath(dbPath)
  for (const suffix of LIBRARY_FILE_SUFFIXES) rmSync(staged + suffix, { force: true })
  try {
    copyFileSync(backupPath, staged)
    const check = new Database(staged, nativeBinding ? { nativeBinding } : {})
    try {
      const result = check.pragma('integrity_check', { simple: true })
      if (result !== 'ok') throw new DatabaseFault('corrupt', backupPath, { found: String(result).slice(0, 200) })
      const version = schemaVersion(check)
      const latest = MIGRATIONS.at(-1)?.version ?? 0
      if (version > latest) {
        throw refuse('backup.newer_schema', { path: backupPath, version })
      }
      if (version === 0) throw new DatabaseFault('not_sqlite', backupPath)
      const counts = countRows(check)
      check.close()
      syncPath(staged)
      // Renamed once checked: after a crash, only a file under this name may take the library's place.
      const verified = verifiedPath(dbPath)
      renameSync(staged, verified)
      syncFolder(dirname(dbPath))
      return { path: verified, schemaVersion: version, counts }
    } finally {
      if (check.open) check.close()
    }
  } catch (err) {
    for (const suffix of LIBRARY_FILE_SUFFIXES) rmSync(staged + suffix, { force: true })
    throw explainDatabaseError(err, backupPath)
  }
}

export function countRows(db: Database.Database): LibraryCounts {
  // The backup being checked, not the open library: its own statements, not a repository's.
  // eslint-disable-next-line no-restricted-syntax -- a file under check, on its own short-lived connection
  const count = (table: string) => db.prepare<[], number>(`SELECT count(*) FROM ${table}`).pluck().get() ?? 0
  return { articles: count('articles'), highlights: count('highlights'), notes: count('notes') }
}

/** Where a library file is put aside: `dossier.<why>-<stamp>.sqlite` in the same folder. */
export function asidePath(dbPath: string, why: string, now: Date = new Date()): string {
  const name = basename(dbPath)
  const ext = extname(name)
  const stem = name.slice(0, name.length - ext.length)
  const stamp = now.toISOString().replace(/[-:.]/g, '')
  return join(dirname(dbPath), `${stem}.${why}-${stamp}${ext || '.sqlite'}`)
}

/**
 * Moves the library (with its -wal and -shm, which may hold committed saves) to one side under a
 * new name. Nothing is deleted: a damaged file can still be sent for recovery.
 */
export function moveLibraryAside(dbPath: string, why: string): string | null {
  if (!existsSync(dbPath)) return null
  const aside = asidePath(dbPath, why)
  // The -wal first: were we stopped between the two renames, the main file still has its WAL.
  for (const suffix of ['-wal', '-shm', ''] as const) {
    if (existsSync(dbPath + suffix)) renameSync(dbPath + suffix, aside + suffix)
  }
  syncFolder(dirname(dbPath))
  return aside
}

/**
 * Restore for a library that is closed (the CLI, or a damaged file at startup): the backup is
 * copied and checked first; only then is the current library moved aside and the copy renamed
 * into its place. A crash at any point leaves either the old library or the restored one.
 */
export function restoreClosedLibrary(
  backupPath: string,
  dbPath: string,
  options: { why?: string; nativeBinding?: string } = {}
): { keptAs: string | null; counts: LibraryCounts; schemaVersion: number } {
  const copy = stageVerifiedCopy(backupPath, dbPath, options.nativeBinding)
  let keptAs: string | null
  try {
    keptAs = moveLibraryAside(dbPath, options.why ?? 'before-restore')
    renameSync(copy.path, dbPath)
    syncFolder(dirname(dbPath))
  } catch (err) {
    rmSync(copy.path, { force: true })
    const kind = faultOf(err)
    throw kind ? new DatabaseFault(kind, dbPath) : err
  }
  return { keptAs, counts: copy.counts, schemaVersion: copy.schemaVersion }
}
