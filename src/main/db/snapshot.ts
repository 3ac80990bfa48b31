import type Database from 'better-sqlite3'
import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'

/**
 * Copies of the library are written beside their final name with this suffix and renamed into
 * place only once complete and synced, so a crash never leaves a half-written file that looks
 * like a backup.
 */
export const PARTIAL_SUFFIX = '.partial'

/**
 * A consistent copy of the open database, written with VACUUM INTO. Synchronous: used at startup,
 * before a migration, when nothing else may write anyway.
 */
export function snapshotSync(db: Database.Database, target: string): void {
  const partial = target + PARTIAL_SUFFIX
  rmSync(partial, { force: true })
  try {
    db.prepare('VACUUM INTO ?').run(partial)
    settle(db, partial, target)
  } catch (err) {
    rmSync(partial, { force: true })
    throw err
  }
}

/**
 * The same copy through SQLite's online backup API, a few pages at a time between other work,
 * so a daily backup of a large library never stalls the main process.
 */
export async function snapshot(db: Database.Database, target: string): Promise<void> {
  const partial = target + PARTIAL_SUFFIX
  rmSync(partial, { force: true })
  try {
    await db.backup(partial)
    settle(db, partial, target)
  } catch (err) {
    rmSync(partial, { force: true })
    throw err
  }
}

/**
 * A backup is a single self-contained file: out of WAL mode (so opening it never leaves -wal and
 * -shm files in the backup folder), fsynced, renamed into place, and the folder fsynced so the
 * rename survives a power cut too.
 */
function settle(db: Database.Database, partial: string, target: string): void {
  // Through the open connection: a second one would need Electron's native binding path again.
  db.prepare("ATTACH DATABASE ? AS dossier_snapshot").run(partial)
  try {
    db.pragma('dossier_snapshot.journal_mode = DELETE')
  } finally {
    db.exec('DETACH DATABASE dossier_snapshot')
  }
  syncPath(partial)
  renameSync(partial, target)
  syncFolder(dirname(target))
}

export function syncPath(path: string): void {
  const fd = openSync(path, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

export function syncFolder(path: string): void {
  // Windows cannot open a folder for fsync; NTFS orders the rename itself.
  if (process.platform === 'win32') return
  const fd = openSync(path, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}
