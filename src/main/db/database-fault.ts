import { DossierError } from '../../shared/errors'
import { refuse } from '../../shared/refusals'
import type { FaultKind, RuntimeFaultKind } from '../../shared/refusals/system'

/** What is wrong with the library file, in the terms the analyst can act on. */
export type { FaultKind } from '../../shared/refusals/system'

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
    /** What the integrity check found (a damaged backup), or that the backup before an upgrade failed. */
    detail?: { found: string } | 'before_upgrade'
  ) {
    const said =
      typeof detail === 'object' && fault === 'corrupt'
        ? refuse('database.corrupt_check', { path, found: detail.found })
        : detail === 'before_upgrade' && fault === 'full'
          ? refuse('database.full_before_upgrade', { path })
          : refuse('database.fault', { path, fault })
    super(said.code, said.message, said.reason)
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

const RUNTIME_FAULTS: ReadonlySet<FaultKind> = new Set<RuntimeFaultKind>(['full', 'readonly', 'locked', 'io', 'corrupt'])

/** An SQLite or file-system failure during a call, as a message for the analyst; null for anything else. */
export function runtimeFault(channel: string, err: unknown): DossierError | null {
  const kind = faultOf(err)
  return kind && RUNTIME_FAULTS.has(kind) ? refuse('database.runtime', { channel, fault: kind as RuntimeFaultKind }) : null
}
