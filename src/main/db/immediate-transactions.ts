import type Database from 'better-sqlite3'

/**
 * Makes `db.transaction(fn)` on this connection begin IMMEDIATE: it takes the write lock first,
 * waiting for it under the busy timeout, before any of its reads.
 *
 * Why: the parse workers write to the library on connections of their own (imports, entity
 * extraction) while main writes on its own. better-sqlite3's transactions begin DEFERRED, so one
 * that reads before it writes (adding articles to a case checks each exists first) holds a read
 * snapshot when it asks for the write lock. If a worker holds that lock, or committed since the
 * snapshot was taken, SQLite cannot wait for it (the snapshot would be stale) and answers
 * SQLITE_BUSY at once: the analyst's change was refused with "another program is holding the
 * library locked" while an import ran. Every transaction in Dossier writes, so nothing is lost by
 * taking the lock up front; `.deferred` stays available for a read that wants one snapshot.
 */
export function beginTransactionsImmediately(db: Database.Database): void {
  const transaction = db.transaction.bind(db)
  // The IMMEDIATE variant carries .default, .deferred, .immediate and .exclusive as the original does.
  db.transaction = ((fn: Parameters<typeof transaction>[0]) => transaction(fn).immediate) as typeof db.transaction
}
