import type Database from 'better-sqlite3'
import { statementsOf } from '../statement-cache'

/** A row of the tags table: a name shared by articles and highlights. */
export interface TagRow {
  id: number
  name: string
}

/** The link tables from an article or a highlight to its tags, and the column naming the item. */
export type TagLinkTable = 'article_tags' | 'highlight_tags'
const ITEM_COLUMN = { article_tags: 'article_id', highlight_tags: 'highlight_id' } as const

export function tagsRepo(db: Database.Database) {
  const q = statementsOf(db)
  return {
    /** The item's tag names, case-insensitively sorted. */
    namesOf: (table: TagLinkTable, id: string) =>
      q
        .pluck<[string], string>(
          `SELECT t.name FROM ${table} x JOIN tags t ON t.id = x.tag_id WHERE x.${ITEM_COLUMN[table]} = ? ORDER BY t.name COLLATE NOCASE`
        )
        .all(id),
    idByName: (name: string) => q.pluck<[string], number>('SELECT id FROM tags WHERE name = ?').get(name),
    /** Tags of live articles with how many live articles each has, by name. */
    ofLiveArticlesWithCounts: () =>
      q<[], { name: string; articles: number }>(
        `SELECT t.name AS name, count(*) AS articles FROM tags t
         JOIN article_tags x ON x.tag_id = t.id JOIN articles a ON a.id = x.article_id
         WHERE a.deleted_at IS NULL GROUP BY t.id ORDER BY t.name COLLATE NOCASE`
      ).all(),
    /** Adds a tag name unless it exists (names are unique, case-insensitively). */
    ensure: (name: string) => q<[string]>('INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING').run(name),
    link: (table: TagLinkTable, id: string, name: string) =>
      q<[string, string]>(`INSERT OR IGNORE INTO ${table} (${ITEM_COLUMN[table]}, tag_id) SELECT ?, id FROM tags WHERE name = ?`).run(id, name),
    unlinkAll: (table: TagLinkTable, id: string) => q<[string]>(`DELETE FROM ${table} WHERE ${ITEM_COLUMN[table]} = ?`).run(id)
  }
}
