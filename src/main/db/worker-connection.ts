import Database from 'better-sqlite3'
import { registerProvenanceFunctions } from '../provenance/log-hash'
import { registerSearchFunctions } from './cjk-index'
import { beginTransactionsImmediately } from './immediate-transactions'

export interface WorkerConnectionOptions {
  nativeBinding?: string
  /** Who the activity log names (provenance/log-hash.ts): main's connection registers the same. */
  actor: string
  /**
   * FULL for what the analyst wrote or imported (connection-settings.ts); NORMAL only for rows
   * derived from the articles and written again by the next extraction.
   */
  synchronous: 'FULL' | 'NORMAL'
  /** The page cache in KiB, where SQLite's default is not what the worker wants. */
  cacheKib?: number
}

/**
 * A worker thread's own connection to the library the app has open (WAL: main's reads never
 * wait for it), set up as openDatabase sets up main's, minus the migrations, which main ran
 * before any worker could be handed the file: the functions the triggers call, foreign keys and
 * the durability asked for. Blocking on the write lock blocks only the worker, so it waits out
 * main's short writes rather than failing.
 */
export function openWorkerConnection(dbPath: string, options: WorkerConnectionOptions): Database.Database {
  const db = new Database(dbPath, { fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) })
  try {
    db.pragma('busy_timeout = 10000')
    beginTransactionsImmediately(db)
    db.pragma('foreign_keys = ON')
    db.pragma(`synchronous = ${options.synchronous}`)
    if (options.cacheKib !== undefined) db.pragma(`cache_size = ${-Math.abs(Math.round(options.cacheKib))}`)
    registerProvenanceFunctions(db, options.actor)
    registerSearchFunctions(db)
  } catch (err) {
    db.close()
    throw err
  }
  return db
}
