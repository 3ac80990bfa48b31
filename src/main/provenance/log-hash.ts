import type Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { userInfo } from 'node:os'

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64)

export interface LogEntryFields {
  seq: number
  at: string
  actor: string
  action: string
  subjectKind: string
  subjectId: string | null
  details: string
}

/**
 * An entry's hash covers the previous entry's hash and every field of its own, its sequence
 * number included, so editing, deleting or reordering any entry breaks the chain after it.
 * The fields go through JSON so no separator inside a value can make two entries collide.
 */
export function entryHash(prevHash: string, e: LogEntryFields): string {
  return createHash('sha256')
    .update(JSON.stringify([prevHash, e.seq, e.at, e.actor, e.action, e.subjectKind, e.subjectId, e.details]))
    .digest('hex')
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** Who the log names: the OS user running Dossier (DOSSIER_ACTOR overrides it, for tests). */
export function currentActor(): string {
  if (process.env.DOSSIER_ACTOR) return process.env.DOSSIER_ACTOR
  try {
    return userInfo().username || 'unknown'
  } catch {
    return 'unknown'
  }
}

/**
 * The SQL functions the activity-log triggers call (migration 017). Every connection that
 * writes the library registers them: openDatabase does, and the migration itself, so a library
 * migrated by a bare connection works too. A tool without them cannot change logged rows: the
 * trigger fails and the change is refused, which is what an append-only log wants.
 */
export function registerProvenanceFunctions(db: Database.Database, actor: string = currentActor()): void {
  db.function('dossier_sha256', { deterministic: true }, (value: unknown) => {
    if (value === null || value === undefined) return null
    return sha256Hex(typeof value === 'string' ? value : Buffer.isBuffer(value) ? value : String(value))
  })
  db.function('dossier_actor', () => actor)
  db.function(
    'dossier_log_hash',
    { deterministic: true },
    (prev: unknown, seq: unknown, at: unknown, who: unknown, action: unknown, kind: unknown, id: unknown, details: unknown) =>
      entryHash(String(prev), {
        seq: Number(seq),
        at: String(at),
        actor: String(who),
        action: String(action),
        subjectKind: String(kind),
        subjectId: id === null ? null : String(id),
        details: String(details)
      })
  )
}
