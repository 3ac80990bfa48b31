import type Database from 'better-sqlite3'
import type { TrashItem } from '../../shared/domain-types'
import { refuse } from '../../shared/refusals'
import type { Clock } from './clock'
import { articlesRepo } from '../db/repos/articles'
import { exportsRepo } from '../db/repos/exports'
import { highlightsRepo } from '../db/repos/highlights'

/**
 * Nothing is hard-deleted at once. Deleting an article or a highlight only stamps deleted_at:
 * every list, count, search and export skips it, and the Trash lists it until it is restored or
 * the Trash is emptied. A note goes with its highlight, a highlight and its note with its
 * article; an article's notebook, versions and tags stay with it. Clearing a note's text is
 * undone from its revisions instead.
 */
export class TrashService {
  private readonly articles: ReturnType<typeof articlesRepo>
  private readonly highlights: ReturnType<typeof highlightsRepo>

  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock
  ) {
    this.articles = articlesRepo(db)
    this.highlights = highlightsRepo(db)
  }

  /** Moves an article, with everything attached to it, to the Trash. */
  deleteArticle(id: string): { deletedAt: string } {
    const was = this.articles.deletedAt(id)
    if (was === undefined) throw refuse('missing.article', { id })
    if (was) return { deletedAt: was }
    const deletedAt = this.clock()
    this.articles.markDeleted(id, deletedAt)
    return { deletedAt }
  }

  /** Newest first: trashed articles, and trashed highlights of articles still in the library. */
  list(): { items: TrashItem[] } {
    const articles = this.articles.trashed()
    const highlights = this.highlights.trashedOfLiveArticles()
    const items: TrashItem[] = [
      ...articles.map((a) => ({
        kind: 'article' as const,
        id: a.id,
        title: a.title,
        detail: a.highlights === 1 ? 'with 1 highlight' : `with ${a.highlights} highlights`,
        highlights: a.highlights,
        articleId: a.id,
        deletedAt: a.deleted_at
      })),
      ...highlights.map((h) => ({
        kind: 'highlight' as const,
        id: h.id,
        title: h.exact.length > 140 ? `${h.exact.slice(0, 139)}…` : h.exact,
        detail: h.note.trim() ? `in “${h.article_title}”, note: ${oneLine(h.note)}` : `in “${h.article_title}”`,
        articleTitle: h.article_title,
        note: oneLine(h.note),
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
      if (!this.articles.undelete(id)) throw refuse('missing.article', { id })
      return { restored: true, articleId: id }
    }
    const articleId = this.highlights.articleIdOf(id)
    if (articleId === undefined) throw refuse('missing.highlight', { id })
    this.db.transaction(() => {
      this.highlights.undelete(id)
      this.articles.undeleteIfTrashed(articleId)
    })()
    return { restored: true, articleId }
  }

  /** Deletes everything in the Trash for good, in one transaction. */
  empty(): { articles: number; highlights: number } {
    return this.db.transaction(() => {
      const highlights = this.highlights.deleteTrashed()
      const articles = this.articles.deleteTrashed()
      if (articles > 0) exportsRepo(this.db).deleteRecordsOfMissingArticles()
      return { articles, highlights }
    })()
  }
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim()
