import type Database from 'better-sqlite3'
import type { Migration } from '../migrate'
import { CJK_INDEXES, queueCjkBackfill, registerSearchFunctions, rowHasCjk, type CjkIndex } from '../cjk-index'

function indexSql({ fts, table, columns }: CjkIndex): string {
  const cols = columns.join(', ')
  const values = (row: 'new' | 'old') => columns.map((c) => `dossier_cjk_index(${row}.${c})`).join(', ')
  const changed = columns.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ')
  // Re-runnable: a test (or a stream landing out of order) may replay the step on a library that has it.
  // Contentless with deletes by rowid: nothing of the text is stored twice, and a delete needs no old values.
  return `
    CREATE VIRTUAL TABLE IF NOT EXISTS ${fts} USING fts5(${cols}, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
    DROP TRIGGER IF EXISTS ${fts}_insert;
    DROP TRIGGER IF EXISTS ${fts}_delete;
    DROP TRIGGER IF EXISTS ${fts}_update;
    CREATE TRIGGER ${fts}_insert AFTER INSERT ON ${table} WHEN ${rowHasCjk(columns, 'new')} BEGIN
      INSERT INTO ${fts} (rowid, ${cols}) VALUES (new.rowid, ${values('new')});
    END;
    CREATE TRIGGER ${fts}_delete AFTER DELETE ON ${table} WHEN ${rowHasCjk(columns, 'old')} BEGIN
      DELETE FROM ${fts} WHERE rowid = old.rowid;
    END;
    CREATE TRIGGER ${fts}_update AFTER UPDATE OF ${cols} ON ${table}
      WHEN (${changed}) AND (${rowHasCjk(columns, 'old')} OR ${rowHasCjk(columns, 'new')}) BEGIN
      DELETE FROM ${fts} WHERE rowid = old.rowid;
      INSERT INTO ${fts} (rowid, ${cols}) SELECT new.rowid, ${values('new')} WHERE ${rowHasCjk(columns, 'new')};
    END;`
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
