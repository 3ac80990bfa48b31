import type Database from 'better-sqlite3'
import { DossierError } from '../../shared/errors'

export interface Migration {
  version: number
  name: string
  /** SQL, or a function for steps SQL alone cannot express (rewriting rows as JSON). */
  up: string | ((db: Database.Database) => void)
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

/**
 * Brings the database to the newest version. All pending steps and the user_version bump run in
 * ONE transaction, so a crash or a failing step leaves the schema at the old version or the new,
 * never in between (the kill -9 harness checks this).
 */
export function migrate(db: Database.Database, migrations: readonly Migration[], dbPath: string): number {
  const latest = migrations.at(-1)?.version ?? 0
  const current = schemaVersion(db)
  if (current > latest) {
    throw new DossierError(
      'schema_too_new',
      `The database ${dbPath} was written by a newer version of Dossier (schema ${current}; this version knows up to ${latest}). Update Dossier to open it.`
    )
  }
  const pending = migrations.filter((m) => m.version > current)
  if (pending.length === 0) return current
  db.transaction(() => {
    for (const m of pending) {
      if (typeof m.up === 'string') db.exec(m.up)
      else m.up(db)
    }
    // PRAGMA takes no bound parameters; the version is a trusted integer from our own table.
    db.pragma(`user_version = ${Math.trunc(latest)}`)
  })()
  return schemaVersion(db)
}
