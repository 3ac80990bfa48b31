import type Database from 'better-sqlite3'
import type { Migration } from '../migrate'
import { CJK_INDEXES, cjkTriggersSql, queueCjkBackfill, registerSearchFunctions, type CjkIndex } from '../cjk-index'

function indexSql(index: CjkIndex): string {
  // Re-runnable: a test (or a stream landing out of order) may replay the step on a library that has it.
  // Contentless with deletes by rowid: nothing of the text is stored twice, and a delete needs no old values.
  return `
    CREATE VIRTUAL TABLE IF NOT EXISTS ${index.fts} USING fts5(${index.columns.join(', ')}, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
    ${cjkTriggersSql(index)}`
}

/**
 * Chinese, Japanese and Korean words found wherever they stand in a run of text (decision 0031):
 * a second, bigram index over the rows that hold those scripts, kept by triggers in the writing
 * transaction as migration 009's are. The rows already there are queued, not indexed here: the
 * app indexes them in the background once the library is open (cjk-backfill.ts).
 */
export const migration051: Migration = {
  version: 51,
  name: 'CJK search side index',
  up(db: Database.Database) {
    registerSearchFunctions(db)
    db.exec(CJK_INDEXES.map(indexSql).join('\n'))
    queueCjkBackfill(db)
  }
}
