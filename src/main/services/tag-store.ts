import type Database from 'better-sqlite3'
import { tagsRepo, type TagLinkTable } from '../db/repos/tags'

/**
 * Tag names shared by articles and highlights (case-insensitive, as typed the first time).
 * `set` replaces an item's tags in one transaction.
 */
export class TagStore {
  private readonly tags: ReturnType<typeof tagsRepo>

  constructor(private readonly db: Database.Database) {
    this.tags = tagsRepo(db)
  }

  of(table: TagLinkTable, id: string): string[] {
    return this.tags.namesOf(table, id)
  }

  set(table: TagLinkTable, id: string, tags: readonly string[]): void {
    this.db.transaction(() => {
      this.tags.unlinkAll(table, id)
      for (const tag of new Set(tags)) {
        this.tags.ensure(tag)
        this.tags.link(table, id, tag)
      }
    })()
  }
}
