import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { DossierError } from '../../shared/errors'
import { migrate, schemaVersion } from './migrate'
import { MIGRATIONS } from './migrations'

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string
}

export function openDatabase(path: string, options: OpenOptions = {}): Database.Database {
  let db: Database.Database
  try {
    mkdirSync(dirname(path), { recursive: true })
    db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  } catch (err) {
    throw explain(err, path)
  }
  try {
    // Refuse a newer schema before touching the file at all, journal mode included.
    const latest = MIGRATIONS.at(-1)?.version ?? 0
    if (schemaVersion(db) > latest) migrate(db, MIGRATIONS, path)
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    // FULL: an acknowledged save survives power loss too, at a cost far below typing speed.
    db.pragma('synchronous = FULL')
    db.pragma('busy_timeout = 5000')
    migrate(db, MIGRATIONS, path)
    return db
  } catch (err) {
    db.close()
    throw explain(err, path)
  }
}

const SQLITE_REASONS: Record<string, string> = {
  SQLITE_NOTADB: 'is not a Dossier database (not an SQLite file, or encrypted)',
  SQLITE_CORRUPT: 'is damaged (SQLite reports corruption)',
  SQLITE_CANTOPEN: 'cannot be opened (check that the folder exists and is writable)',
  SQLITE_READONLY: 'is read-only; Dossier needs to write to it',
  SQLITE_BUSY: 'is locked by another program',
  SQLITE_FULL: 'cannot be written: the disk is full',
  SQLITE_IOERR: 'could not be read or written (input/output error)',
  SQLITE_PERM: 'cannot be accessed: permission denied'
}

/** Turns SQLite's and the file system's errors into one sentence that names the file. */
function explain(err: unknown, path: string): unknown {
  if (err instanceof DossierError) return err
  const code = (err as { code?: unknown }).code
  if (typeof code !== 'string') return err
  // Extended codes (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED…) share their base code's reason.
  const base = Object.keys(SQLITE_REASONS).find((k) => code === k || code.startsWith(`${k}_`))
  const reason = base ? SQLITE_REASONS[base] : code === 'EACCES' || code === 'EPERM' ? 'cannot be accessed: permission denied' : null
  return reason ? new DossierError('database_unusable', `The database ${path} ${reason}.`) : err
}
