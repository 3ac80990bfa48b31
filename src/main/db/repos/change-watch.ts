import type Database from 'better-sqlite3'
import { statementsOf } from '../statement-cache'

/**
 * A count of the changes to some tables, for a cache of what was read from them (the brief's
 * Markdown export, decision 0046). Temporary triggers, this connection's own and nothing in the
 * library file (no migration, no schema change), count this connection's writes; SQLite's
 * data_version changes when any other connection (a worker, the CLI) commits. Rolled-back
 * writes may count too: a cache then only reads again.
 */
export function changeWatchRepo(db: Database.Database) {
  const q = statementsOf(db)
  return {
    /** Starts counting changes to `tables` on this connection (idempotent). */
    watch: (name: string, tables: readonly string[]): void => {
      db.exec(
        `CREATE TEMP TABLE IF NOT EXISTS dossier_watch_${name} (n INTEGER NOT NULL);` +
          `INSERT INTO dossier_watch_${name} SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM dossier_watch_${name});` +
          tables
            .flatMap((table) =>
              ['INSERT', 'UPDATE', 'DELETE'].map(
                (op) => `CREATE TEMP TRIGGER IF NOT EXISTS dossier_watch_${name}_${table}_${op.toLowerCase()} AFTER ${op} ON main.${table} BEGIN UPDATE dossier_watch_${name} SET n = n + 1; END;`
              )
            )
            .join('')
      )
    },
    /** Different whenever a watched table changed since the last call gave the same value. */
    version: (name: string) => `${q.pluck<[], number>('PRAGMA data_version').get() ?? 0}:${q.pluck<[], number>(`SELECT n FROM temp.dossier_watch_${name}`).get() ?? 0}`
  }
}
