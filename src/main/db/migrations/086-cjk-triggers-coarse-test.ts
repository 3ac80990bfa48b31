import type Database from 'better-sqlite3'
import type { Migration } from '../migrate'
import { CJK_INDEXES, cjkTriggersSql } from '../cjk-index'

/**
 * The side index's triggers written again with the membership rule's coarse first test
 * (cjkGlob): the rule is the same, so no row moves in or out of the index; each write of an
 * article, highlight, note or notebook with no CJK in it checks it in a fifth of the time.
 */
export const migration086: Migration = {
  version: 86,
  name: 'CJK side index triggers test coarsely first',
  up(db: Database.Database) {
    db.exec(CJK_INDEXES.map(cjkTriggersSql).join('\n'))
  }
}
