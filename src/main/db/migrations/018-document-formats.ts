import type { Migration } from '../migrate'

const OLD_CHECK = "CHECK (original_type IN ('text', 'markdown', 'html'))"
const NEW_CHECK = "CHECK (original_type IN ('text', 'markdown', 'html', 'pdf', 'docx', 'epub'))"

/**
 * PDF, Word and EPUB originals.
 *
 * The CHECK on original_type only widens, which changes no stored row, so the table's definition
 * is edited in place as SQLite documents for loosening a CHECK constraint ("Making Other Kinds
 * Of Table Schema Changes"). Rebuilding `articles` instead would mean recreating its full-text
 * triggers and indexes, keeping every rowid the search index points at, and dropping a table
 * that highlights, tags and notebooks reference with ON DELETE CASCADE. better-sqlite3 opens
 * connections in defensive mode, which forbids writing the schema table; it is lifted for this
 * one statement and restored, inside the migration's transaction.
 */
export const migration018: Migration = {
  version: 18,
  name: 'document formats',
  up: (db) => {
    const sql = db.prepare<[], string>("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'articles'").pluck().get()
    if (!sql?.includes(OLD_CHECK)) throw new Error('articles.original_type does not have the CHECK this migration widens')
    const version = db.pragma('schema_version', { simple: true }) as number
    db.unsafeMode(true)
    try {
      db.pragma('writable_schema = ON')
      db.prepare("UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = 'articles'").run(sql.replace(OLD_CHECK, NEW_CHECK))
      // Other connections re-read the schema when its version changes.
      db.pragma(`schema_version = ${Math.trunc(version) + 1}`)
      db.pragma('writable_schema = OFF')
    } finally {
      db.unsafeMode(false)
    }
  }
}
