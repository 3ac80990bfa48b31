import type Database from 'better-sqlite3'
import type { TrashItem } from '../../shared/domain-types'
import { DossierError } from '../../shared/errors'
import type { Clock } from './clock'

/**
 * Nothing is hard-deleted at once. Deleting an article or a highlight only stamps deleted_at:
 * every list, count, search and export skips it, and the Trash lists it until it is restored or
 * the Trash is emptied. A note goes with its highlight, a highlight and its note with its
 * article; an article's notebook, versions and tags stay with it. Clearing a note's text is
 * undone from its revisions instead.
 */
export class TrashService {
  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock
  ) {}

  /** Moves an article, with everything attached to it, to the Trash. */
  deleteArticle(id: string): { deletedAt: string } {
    const row = this.db.prepare('SELECT deleted_at FROM articles WHERE id = ?').get(id) as { deleted_at: string | null } | undefined
    if (!row) throw new DossierError('not_found', `No article with id ${id}.`)
    if (row.deleted_at) return { deletedAt: row.deleted_at }
    const deletedAt = this.clock()
    this.db.prepare('UPDATE articles SET deleted_at = ? WHERE id = ?').run(deletedAt, id)
    return { deletedAt }
  }

  /** Newest first: trashed articles, and trashed highlights of articles still in the library. */
  list(): { items: TrashItem[] } {
    const articles = this.db
      .prepare(
        `SELECT a.id, a.title, a.deleted_at,
                (SELECT count(*) FROM highlights h WHERE h.article_id = a.id AND h.deleted_at IS NULL) AS highlights
         FROM articles a WHERE a.deleted_at IS NOT NULL`
      )
      .all() as { id: string; title: string; deleted_at: string; highlights: number }[]
    const highlights = this.db
      .prepare(
        `SELECT h.id, h.exact, h.deleted_at, a.id AS article_id, a.title AS article_title,
                coalesce((SELECT substr(n.plain_text, 1, 140) FROM notes n WHERE n.highlight_id = h.id), '') AS note
         FROM highlights h JOIN articles a ON a.id = h.article_id
         WHERE h.deleted_at IS NOT NULL AND a.deleted_at IS NULL`
      )
      .all() as { id: string; exact: string; deleted_at: string; article_id: string; article_title: string; note: string }[]
    const items: TrashItem[] = [
      ...articles.map((a) => ({
        kind: 'article' as const,
        id: a.id,
        title: a.title,
        detail: a.highlights === 1 ? 'with 1 highlight' : `with ${a.highlights} highlights`,
        articleId: a.id,
        deletedAt: a.deleted_at
      })),
      ...highlights.map((h) => ({
        kind: 'highlight' as const,
        id: h.id,
        title: h.exact.length > 140 ? `${h.exact.slice(0, 139)}…` : h.exact,
        detail: h.note.trim() ? `in “${h.article_title}”, note: ${h.note.replace(/\s+/g, ' ').trim()}` : `in “${h.article_title}”`,
        articleId: h.article_id,
        deletedAt: h.deleted_at
      }))
    ]
    items.sort((x, y) => (x.deletedAt < y.deletedAt ? 1 : x.deletedAt > y.deletedAt ? -1 : 0))
    return { items }
  }

  /** Brings an item back where it was; a highlight whose article is in the Trash brings the article back too. */
  restore(kind: TrashItem['kind'], id: string): { restored: true; articleId: string } {
    if (kind === 'article') {
      const changed = this.db.prepare('UPDATE articles SET deleted_at = NULL WHERE id = ?').run(id).changes
      if (!changed) throw new DossierError('not_found', `No article with id ${id}.`)
      return { restored: true, articleId: id }
    }
    const row = this.db.prepare('SELECT article_id FROM highlights WHERE id = ?').get(id) as { article_id: string } | undefined
    if (!row) throw new DossierError('not_found', `No highlight with id ${id}.`)
    this.db.transaction(() => {
      this.db.prepare('UPDATE highlights SET deleted_at = NULL WHERE id = ?').run(id)
      this.db.prepare('UPDATE articles SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL').run(row.article_id)
    })()
    return { restored: true, articleId: row.article_id }
  }

  /** Deletes everything in the Trash for good, in one transaction. */
  empty(): { articles: number; highlights: number } {
    return this.db.transaction(() => {
      const highlights = this.db
        .prepare('DELETE FROM highlights WHERE deleted_at IS NOT NULL AND article_id NOT IN (SELECT id FROM articles WHERE deleted_at IS NOT NULL)')
        .run().changes
      const articles = this.db.prepare('DELETE FROM articles WHERE deleted_at IS NOT NULL').run().changes
      // Export records name no foreign key (migration 016): one scan here instead of an index on every record.
      if (articles > 0) this.db.prepare('DELETE FROM export_records WHERE article_id NOT IN (SELECT id FROM articles)').run()
      return { articles, highlights }
    })()
  }
}
