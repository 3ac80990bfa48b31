import type Database from 'better-sqlite3'
import type { Migration } from '../migrate'
import { CJK_BACKFILL_TABLE } from '../cjk-index'

/**
 * The queue of rows the CJK side index has still to take (see queueCjkBackfill). Migration 051
 * makes it when it runs; a library whose 051 indexed everything in place (the first version of
 * that step) gets it here, empty.
 */
export const migration066: Migration = {
  version: 66,
  name: 'CJK side index backfill queue',
  up(db: Database.Database) {
    db.exec(CJK_BACKFILL_TABLE)
  }
}
