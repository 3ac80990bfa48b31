import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'
import { PARTIAL_SUFFIX } from './snapshot'

/** How many backups are kept; older ones are removed after each new one. */
export const KEEP_BACKUPS = 7

export interface BackupFile {
  /** The file name inside the backup folder: what the UI and `dossier restore` name. */
  name: string
  path: string
  /** When it was taken (UTC, ISO 8601). */
  createdAt: string
  /** daily, manual, before-migration-N, before-restore. */
  reason: string
  bytes: number
}

/** Backups live in a folder beside the library, so moving the library folder moves them too. */
export function backupFolder(dbPath: string): string {
  return join(dirname(dbPath), 'Backups')
}

function stem(dbPath: string): string {
  const name = basename(dbPath)
  return name.slice(0, name.length - extname(name).length) || name
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function namePattern(dbPath: string): RegExp {
  return new RegExp(`^${escapeRegExp(stem(dbPath))}\\.(\\d{8}T\\d{9}Z)\\.([a-z0-9-]{1,40})\\.sqlite$`)
}

/** `20261202T041543123Z`: sorts by time as text and is safe in every file system. */
function stampOf(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '')
}

function isoOf(stamp: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(stamp)!
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`
}

/** A new, unused path for a backup taken now for `reason`. */
export function newBackupPath(dbPath: string, reason: string, now: Date = new Date()): string {
  if (!/^[a-z0-9-]{1,40}$/.test(reason)) throw new Error(`backup reason ${JSON.stringify(reason)} is not a file-name word`)
  const folder = backupFolder(dbPath)
  mkdirSync(folder, { recursive: true })
  // Two backups in the same millisecond (tests, a double click) must not overwrite each other.
  for (let t = now.getTime(); ; t += 1) {
    const path = join(folder, `${stem(dbPath)}.${stampOf(new Date(t))}.${reason}.sqlite`)
    if (!existsSync(path)) return path
  }
}

/** The library's complete backups, newest first. Half-written copies (a crash mid-backup) are not listed. */
export function listBackups(dbPath: string): BackupFile[] {
  const folder = backupFolder(dbPath)
  let names: string[]
  try {
    names = readdirSync(folder)
  } catch {
    return []
  }
  const pattern = namePattern(dbPath)
  const found: BackupFile[] = []
  for (const name of names) {
    const m = pattern.exec(name)
    if (!m) continue
    const path = join(folder, name)
    try {
      found.push({ name, path, createdAt: isoOf(m[1]!), reason: m[2]!, bytes: statSync(path).size })
    } catch {
      // Removed while we looked (a prune in another process): not a backup any more.
    }
  }
  return found.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0))
}

/** Removes all but the newest `keep` backups, and any copy a crash left half-written. */
export function pruneBackups(dbPath: string, keep: number = KEEP_BACKUPS): void {
  for (const old of listBackups(dbPath).slice(keep)) rmSync(old.path, { force: true })
  const folder = backupFolder(dbPath)
  let names: string[] = []
  try {
    names = readdirSync(folder)
  } catch {
    return
  }
  const prefix = `${stem(dbPath)}.`
  // Only stale ones: another process (the CLI beside the app) may be writing a fresh one now.
  const staleBefore = Date.now() - 60 * 60 * 1000
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(PARTIAL_SUFFIX)) continue
    const path = join(folder, name)
    try {
      if (statSync(path).mtimeMs < staleBefore) rmSync(path, { force: true })
    } catch {
      // Already gone.
    }
  }
}

/** A backup by its name in the list; a name that is not there (or tries a path) finds nothing. */
export function findBackup(dbPath: string, name: string): BackupFile | undefined {
  return listBackups(dbPath).find((b) => b.name === name)
}
