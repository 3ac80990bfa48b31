import type Database from 'better-sqlite3'
import { refuse } from '../../../shared/refusals'
import { articlesRepo } from '../../db/repos/articles'
import { casesRepo } from '../../db/repos/cases'
import { tagsRepo } from '../../db/repos/tags'

/** Which articles an export covers. Trashed articles are never part of any scope. */
export type ExportScope =
  | { kind: 'all' }
  | { kind: 'articles'; ids: readonly string[] }
  | { kind: 'tag'; tag: string }
  | { kind: 'case'; caseId: string }

/**
 * The ids of the articles in scope, oldest import first, so that when two titles collide the
 * article exported first keeps the plain name. Asking for an unknown or trashed article is an
 * error, checked before anything is written.
 */
export function articlesInScope(db: Database.Database, scope: ExportScope): string[] {
  const articles = articlesRepo(db)
  switch (scope.kind) {
    case 'all':
      return articles.liveIdsInExportOrder()
    case 'tag': {
      const tag = scope.tag.trim().replace(/^#+/, '').trim()
      const tagId = tagsRepo(db).idByName(tag)
      if (tagId === undefined) throw refuse('export.no_tag', { tag })
      return articles.liveIdsWithTag(tagId)
    }
    case 'case': {
      if (!casesRepo(db).exists(scope.caseId)) throw refuse('export.case_missing', { id: scope.caseId })
      return articles.liveIdsInCase(scope.caseId)
    }
    case 'articles': {
      const wanted = [...new Set(scope.ids)]
      const found = new Map(articles.deletedAtOfBatch(JSON.stringify(wanted)).map((r) => [r.id, r.deleted_at]))
      for (const id of wanted) {
        if (!found.has(id)) throw refuse('export.article_missing', { id })
        if (found.get(id) !== null) throw refuse('export.article_in_trash', { id })
      }
      return wanted
    }
  }
}

/** Tags of articles that are not in the Trash, with how many articles each has: what "export a tag" offers. */
export function exportableTags(db: Database.Database): { name: string; articles: number }[] {
  return tagsRepo(db).ofLiveArticlesWithCounts()
}
