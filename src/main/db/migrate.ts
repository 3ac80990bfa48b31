import type Database from 'better-sqlite3'
import { refuse } from '../../shared/refusals'

export interface Migration {
  version: number
  name: string
  /** SQL, or a function for steps SQL alone cannot express (rewriting rows as JSON). */
  up: string | ((db: Database.Database) => void)
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

/** Records each applied step, so a step numbered below one already applied still runs (see below). */
const APPLIED = 'schema_migrations'

/**
 * The versions already applied. Steps are numbered by the stream that wrote them, and streams land
 * out of order: a library at 37 may not yet have 35. `user_version` alone cannot say that, so each
 * applied step is recorded. A library from before the record had every step up to its
 * `user_version` applied, in order.
 */
function appliedVersions(db: Database.Database, migrations: readonly Migration[]): Set<number> {
  const recorded = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(APPLIED)
  if (recorded) {
    return new Set(db.prepare(`SELECT version FROM ${APPLIED}`).pluck().all().map(Number))
  }
  const current = schemaVersion(db)
  return new Set(migrations.filter((m) => m.version <= current).map((m) => m.version))
}

/** The steps a database still needs, in order. */
export function pendingMigrations(db: Database.Database, migrations: readonly Migration[]): Migration[] {
  const applied = appliedVersions(db, migrations)
  return migrations.filter((m) => !applied.has(m.version))
}

/**
 * Brings the database to the newest version. All pending steps, their records and the user_version
 * bump run in ONE transaction, so a crash or a failing step leaves the schema at the old version or
 * the new, never in between (the kill -9 harness checks this).
 */
export function migrate(db: Database.Database, migrations: readonly Migration[], dbPath: string): number {
  const latest = migrations.at(-1)?.version ?? 0
  const current = schemaVersion(db)
  const known = new Set(migrations.map((m) => m.version))
  const unknown = current > latest ? [current] : [...appliedVersions(db, migrations)].filter((v) => !known.has(v))
  if (unknown.length > 0) {
    throw refuse('database.newer_schema', { path: dbPath, version: Math.max(current, ...unknown), latest })
  }
  const pending = pendingMigrations(db, migrations)
  if (pending.length === 0 && current === latest) return current
  const before = migrations.filter((m) => !pending.includes(m))
  db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS ${APPLIED} (version INTEGER PRIMARY KEY) STRICT`)
    const record = db.prepare(`INSERT OR IGNORE INTO ${APPLIED} (version) VALUES (?)`)
    for (const m of before) record.run(m.version)
    for (const m of pending) {
      if (typeof m.up === 'string') db.exec(m.up)
      else m.up(db)
      record.run(m.version)
    }
    // PRAGMA takes no bound parameters; the version is a trusted integer from our own table.
    db.pragma(`user_version = ${Math.trunc(latest)}`)
  })()
  return schemaVersion(db)
}
