import type Database from 'better-sqlite3'
import { renderNote } from '../../../shared/notes/note-markdown'
import { notesRepo, type NoteKey as KeyColumn, type NoteTable } from '../../db/repos/notes'

/** The Markdown of one note or notebook, rendered and stored first if the row predates the cache. */
export function cachedMarkdown(db: Database.Database, table: NoteTable, key: KeyColumn, id: string): string | null {
  const row = notesRepo(db).contentAndMarkdown(table, key, id)
  if (!row) return null
  const markdown = row.markdown ?? fillMarkdown(db, table, key, [{ id, content: row.content }]).get(id) ?? ''
  return markdown || null
}

/**
 * Renders rows whose Markdown was never cached (saved before migration 012, or whose content was
 * changed by code that did not render it) and stores the result, in one transaction.
 */
export function fillMarkdown(
  db: Database.Database,
  table: NoteTable,
  key: KeyColumn,
  rows: readonly { id: string; content: string }[]
): Map<string, string> {
  const out = new Map<string, string>()
  if (rows.length === 0) return out
  const cache = notesRepo(db).cacheMarkdown(table, key)
  db.transaction(() => {
    for (const row of rows) {
      let markdown: string
      try {
        markdown = renderNote(row.content).markdown
      } catch {
        // A state this version cannot load exports as nothing rather than stopping the export; it
        // is not cached, so a later version that can read it will.
        out.set(row.id, '')
        continue
      }
      out.set(row.id, markdown)
      cache(row.id, row.content, markdown)
    }
  })()
  return out
}
