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

