import { DossierError } from '../../shared/errors'

/** What is wrong with the library file, in the terms the analyst can act on. */
export type FaultKind = 'not_sqlite' | 'corrupt' | 'readonly' | 'locked' | 'full' | 'io' | 'permission' | 'cantopen'

const REASONS: Record<FaultKind, string> = {
  not_sqlite: 'is not a Dossier database (not an SQLite file, or encrypted)',
  corrupt: 'is damaged (SQLite reports corruption)',
  readonly: 'is read-only; Dossier needs to write to it (check the file’s permissions, or whether the disk is mounted read-only)',
  locked: 'is locked by another program (another Dossier, or a sync or backup tool); close it and try again',
  full: 'cannot be written: the disk is full; free some space and try again — nothing already saved was lost',
  io: 'could not be read or written (input/output error)',
  permission: 'cannot be accessed: permission denied',
  cantopen: 'cannot be opened (check that the folder exists and is writable)'
}

const SQLITE_FAULTS: [string, FaultKind][] = [
  ['SQLITE_NOTADB', 'not_sqlite'],
  ['SQLITE_CORRUPT', 'corrupt'],
  ['SQLITE_READONLY', 'readonly'],
  ['SQLITE_BUSY', 'locked'],
  ['SQLITE_LOCKED', 'locked'],
  ['SQLITE_FULL', 'full'],
  ['SQLITE_IOERR', 'io'],
  ['SQLITE_PERM', 'permission'],
  ['SQLITE_CANTOPEN', 'cantopen']
]

const SYSTEM_FAULTS: Record<string, FaultKind> = {
  EACCES: 'permission',
  EPERM: 'permission',
  EROFS: 'readonly',
  ENOSPC: 'full',
  EIO: 'io',
  EBUSY: 'locked'
}

/** A failure of the library file itself: the message names the file and says what to do. */
export class DatabaseFault extends DossierError {
  constructor(
    readonly fault: FaultKind,
    readonly path: string,
    extra = ''
  ) {
    super('database_unusable', `The database ${path} ${REASONS[fault]}.${extra ? ` ${extra}` : ''}`)
  }
}

/** The fault behind an SQLite or file-system error, or null when it is not about the file. */
export function faultOf(err: unknown): FaultKind | null {
  if (err instanceof DatabaseFault) return err.fault
  const code = (err as { code?: unknown } | null | undefined)?.code
  if (typeof code !== 'string') return null
  // Extended codes (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED…) share their base code's fault;
  // SQLITE_IOERR_NOMEM and friends are still I/O.
  for (const [base, kind] of SQLITE_FAULTS) if (code === base || code.startsWith(`${base}_`)) return kind
  return SYSTEM_FAULTS[code] ?? null
}

/** Turns SQLite's and the file system's errors into one sentence naming the file; others pass through. */
export function explainDatabaseError(err: unknown, path: string): unknown {
  if (err instanceof DossierError) return err
  const kind = faultOf(err)
  return kind ? new DatabaseFault(kind, path) : err
}

const RUNTIME: Partial<Record<FaultKind, string>> = {
  full: 'the disk is full. Free some space and try again; everything saved before is safe',
  readonly: 'the library file has become read-only. Check its permissions or the disk; everything saved before is safe',
  locked: 'another program is holding the library locked. Close it and try again',
  io: 'the disk reported an input/output error. Everything saved before is safe; check the disk',
  corrupt: 'the library file is damaged. Restore it from a backup (File > Restore from Backup…)'
}

/** An SQLite or file-system failure during a call, as a message for the analyst; null for anything else. */
export function runtimeFault(channel: string, err: unknown): DossierError | null {
  const kind = faultOf(err)
  const reason = kind && RUNTIME[kind]
  return reason ? new DossierError('database_unusable', `${channel} failed: ${reason}.`) : null
}
