import type { Migration } from '../migrate'

/** One external-content FTS5 index per kind of text; the rows stay in their own tables. */
const INDEXES = [
  { fts: 'articles_fts', table: 'articles', columns: ['title', 'author', 'source', 'text'] },
  { fts: 'highlights_fts', table: 'highlights', columns: ['exact'] },
  { fts: 'notes_fts', table: 'notes', columns: ['plain_text'] },
  { fts: 'notebooks_fts', table: 'notebooks', columns: ['plain_text'] }
] as const

function indexSql({ fts, table, columns }: (typeof INDEXES)[number]): string {
  const cols = columns.join(', ')
  const values = (row: 'new' | 'old') => columns.map((c) => `${row}.${c}`).join(', ')
  const changed = columns.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ')
  return `
    CREATE VIRTUAL TABLE ${fts} USING fts5(${cols}, content='${table}', content_rowid='rowid',
      tokenize='unicode61 remove_diacritics 2');
    CREATE TRIGGER ${fts}_insert AFTER INSERT ON ${table} BEGIN
      INSERT INTO ${fts} (rowid, ${cols}) VALUES (new.rowid, ${values('new')});
    END;
    CREATE TRIGGER ${fts}_delete AFTER DELETE ON ${table} BEGIN
      INSERT INTO ${fts} (${fts}, rowid, ${cols}) VALUES ('delete', old.rowid, ${values('old')});
    END;
    CREATE TRIGGER ${fts}_update AFTER UPDATE OF ${cols} ON ${table} WHEN ${changed} BEGIN
      INSERT INTO ${fts} (${fts}, rowid, ${cols}) VALUES ('delete', old.rowid, ${values('old')});
      INSERT INTO ${fts} (rowid, ${cols}) VALUES (new.rowid, ${values('new')});
    END;
    INSERT INTO ${fts} (${fts}) VALUES ('rebuild');`
}

/**
 * Full-text search over article titles, bylines, sources and text, highlight quotes, notes and
 * notebooks (decision 0009). Triggers keep each index in the same transaction as the row it
 * indexes. Trashed articles stay indexed (restoring them is instant) and are filtered at query time.
 */
export const migration009: Migration = {
  version: 9,
  name: 'full-text search index',
  up: INDEXES.map(indexSql).join('\n')
}
