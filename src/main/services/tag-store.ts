import type Database from 'better-sqlite3'

/**
 * Tag names shared by articles and highlights (case-insensitive, as typed the first time).
 * `set` replaces an item's tags in one transaction.
 */
export class TagStore {
  constructor(private readonly db: Database.Database) {}

  of(table: 'article_tags' | 'highlight_tags', id: string): string[] {
    const column = table === 'article_tags' ? 'article_id' : 'highlight_id'
    return (
      this.db.prepare(`SELECT t.name FROM ${table} x JOIN tags t ON t.id = x.tag_id WHERE x.${column} = ? ORDER BY t.name COLLATE NOCASE`).all(id) as {
        name: string
      }[]
    ).map((r) => r.name)
  }

  set(table: 'article_tags' | 'highlight_tags', id: string, tags: readonly string[]): void {
    const column = table === 'article_tags' ? 'article_id' : 'highlight_id'
    const insertTag = this.db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING')
    const link = this.db.prepare(`INSERT OR IGNORE INTO ${table} (${column}, tag_id) SELECT ?, id FROM tags WHERE name = ?`)
    this.db.transaction(() => {
      this.db.prepare(`DELETE FROM ${table} WHERE ${column} = ?`).run(id)
      for (const tag of new Set(tags)) {
        insertTag.run(tag)
        link.run(id, tag)
      }
    })()
  }
}
