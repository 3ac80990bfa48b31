import type Database from 'better-sqlite3'
import { cjkGlob, sideIndexText } from '../../shared/search/cjk'

/**
 * The SQL function the triggers call to write a column as the side index wants it. Registered by
 * openDatabase on every connection it opens, and by the migration itself. Only rows holding CJK
 * call it: a tool without it can still change the rest of the library.
 */
export function registerSearchFunctions(db: Database.Database): void {
  db.function('dossier_cjk_index', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? sideIndexText(value) : null))
}

/** The side indexes of migration 051: one per index of migration 009, over the same columns. */
export const CJK_INDEXES = [
  { fts: 'articles_cjk_fts', table: 'articles', columns: ['title', 'author', 'source', 'text'] },
  { fts: 'highlights_cjk_fts', table: 'highlights', columns: ['exact'] },
  { fts: 'notes_cjk_fts', table: 'notes', columns: ['plain_text'] },
  { fts: 'notebooks_cjk_fts', table: 'notebooks', columns: ['plain_text'] }
] as const

export type CjkIndex = (typeof CJK_INDEXES)[number]

/** A row's membership rule: some column holds a character of the CJK blocks. */
export function rowHasCjk(columns: readonly string[], row: string): string {
  return `(${columns.map((c) => cjkGlob(`${row}.${c}`)).join(' OR ')})`
}

/**
 * The triggers that keep a side index in the writing transaction, as migration 009's keep the
 * main indexes; re-runnable. Only rows holding CJK call dossier_cjk_index.
 */
export function cjkTriggersSql({ fts, table, columns }: CjkIndex): string {
  const cols = columns.join(', ')
  const values = (row: 'new' | 'old') => columns.map((c) => `dossier_cjk_index(${row}.${c})`).join(', ')
  const changed = columns.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ')
  return `
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
 * Fills the side indexes from the rows that hold CJK. GLOB picks them in SQLite (a library with
 * none costs one read of its text); only those rows are written in JavaScript. Used by the
 * migration and by the benchmark's generator after a bulk load.
 */
export function buildCjkIndexes(db: Database.Database): void {
  registerSearchFunctions(db)
  for (const index of CJK_INDEXES) {
    const cols = index.columns.join(', ')
    const values = index.columns.map((c) => `dossier_cjk_index(${c})`).join(', ')
    db.exec(`INSERT INTO ${index.fts} (${index.fts}) VALUES ('delete-all')`)
    db.exec(`INSERT INTO ${index.fts} (rowid, ${cols}) SELECT rowid, ${values} FROM ${index.table} t WHERE ${rowHasCjk(index.columns, 't')}`)
  }
}


/** Rows written before the side index existed, still to be indexed: per index, the rowids in (after, until]. */
export const CJK_BACKFILL_TABLE = `CREATE TABLE IF NOT EXISTS cjk_backfill (
  fts TEXT PRIMARY KEY,
  after_rowid INTEGER NOT NULL,
  until_rowid INTEGER NOT NULL
) STRICT`

/**
 * Queues every row a table holds now for the side index, rather than indexing them in the
 * migration: that read every text of the library in one transaction before the window could
 * open (349 s at 100,000 articles on a busy machine). Rows written from now on are indexed by
 * the triggers; these are indexed by `backfillCjkBatch` in the background.
 */
export function queueCjkBackfill(db: Database.Database): void {
  db.exec(CJK_BACKFILL_TABLE)
  for (const index of CJK_INDEXES) {
    const until = db.prepare<[], number>(`SELECT coalesce(max(rowid), 0) FROM ${index.table}`).pluck().get() ?? 0
    if (until > 0) db.prepare('INSERT OR REPLACE INTO cjk_backfill (fts, after_rowid, until_rowid) VALUES (?, 0, ?)').run(index.fts, until)
  }
}

/** Whether some rows written before the side index are not indexed yet (CJK search may miss them). */
export function cjkBackfillPending(db: Database.Database): boolean {
  return db.prepare<[], number>('SELECT EXISTS (SELECT 1 FROM cjk_backfill)').pluck().get() === 1
}

/**
 * Indexes the next `limit` queued rows of one table, in one transaction; false when nothing is
 * left. A queued row the triggers already indexed (it was edited meanwhile) is replaced, not
 * doubled: the side index holds a row once, with its current text.
 */
export function backfillCjkBatch(db: Database.Database, limit = 200): boolean {
  return db.transaction(() => {
    const queued = db.prepare<[], { fts: string; after: number; until: number }>('SELECT fts, after_rowid AS after, until_rowid AS until FROM cjk_backfill ORDER BY fts LIMIT 1').get()
    if (!queued) return false
    const index = CJK_INDEXES.find((i) => i.fts === queued.fts)
    const last = index
      ? (db
          .prepare<[number, number, number], number | null>(`SELECT max(rowid) FROM (SELECT rowid FROM ${index.table} WHERE rowid > ? AND rowid <= ? ORDER BY rowid LIMIT ?)`)
          .pluck()
          .get(queued.after, queued.until, limit) ?? null)
      : null
    if (!index || last === null) {
      db.prepare('DELETE FROM cjk_backfill WHERE fts = ?').run(queued.fts)
      return true
    }
    const cols = index.columns.join(', ')
    const values = index.columns.map((c) => `dossier_cjk_index(${c})`).join(', ')
    const range = `rowid > @after AND rowid <= @last AND ${rowHasCjk(index.columns, 't')}`
    db.prepare(`DELETE FROM ${index.fts} WHERE rowid IN (SELECT rowid FROM ${index.table} t WHERE ${range})`).run({ after: queued.after, last })
    db.prepare(`INSERT INTO ${index.fts} (rowid, ${cols}) SELECT rowid, ${values} FROM ${index.table} t WHERE ${range}`).run({ after: queued.after, last })
    if (last >= queued.until) db.prepare('DELETE FROM cjk_backfill WHERE fts = ?').run(queued.fts)
    else db.prepare('UPDATE cjk_backfill SET after_rowid = ? WHERE fts = ?').run(last, queued.fts)
    return true
  })()
}
