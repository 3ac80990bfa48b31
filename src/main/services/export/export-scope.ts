import type Database from 'better-sqlite3'
import { DossierError } from '../../../shared/errors'

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
  switch (scope.kind) {
    case 'all':
      // Named: SQLite's planner prefers the narrower articles_live_imported, which makes it visit every row (migration 016).
      return pluck(db.prepare('SELECT id FROM articles INDEXED BY articles_live_export_order WHERE deleted_at IS NULL ORDER BY imported_at, rowid').all())
    case 'tag': {
      const tag = scope.tag.trim().replace(/^#+/, '').trim()
      const known = db.prepare('SELECT id FROM tags WHERE name = ?').get(tag) as { id: number } | undefined
      if (!known) throw new DossierError('not_found', `No article or highlight has the tag "${tag}".`)
      return pluck(
        db
          .prepare(
            `SELECT a.id FROM articles a JOIN article_tags x ON x.article_id = a.id
             WHERE x.tag_id = ? AND a.deleted_at IS NULL ORDER BY a.imported_at, a.rowid`
          )
          .all(known.id)
      )
    }
    case 'case': {
      if (!db.prepare('SELECT 1 FROM cases WHERE id = ?').get(scope.caseId)) throw new DossierError('not_found', `No case with id ${scope.caseId}; nothing was exported.`)
      return pluck(
        db
          .prepare(
            `SELECT a.id FROM articles a JOIN case_articles x ON x.article_id = a.id
             WHERE x.case_id = ? AND a.deleted_at IS NULL ORDER BY a.imported_at, a.rowid`
          )
          .all(scope.caseId)
      )
    }
    case 'articles': {
      const wanted = [...new Set(scope.ids)]
      const rows = db
        .prepare('SELECT id, deleted_at FROM articles WHERE id IN (SELECT value FROM json_each(?))')
        .all(JSON.stringify(wanted)) as { id: string; deleted_at: string | null }[]
      const found = new Map(rows.map((r) => [r.id, r.deleted_at]))
      for (const id of wanted) {
        if (!found.has(id)) throw new DossierError('not_found', `No article with id ${id}; nothing was exported.`)
        if (found.get(id) !== null) throw new DossierError('not_found', `The article ${id} is in the Trash; restore it to export it. Nothing was exported.`)
      }
      return wanted
    }
  }
}

/** Tags of articles that are not in the Trash, with how many articles each has: what "export a tag" offers. */
export function exportableTags(db: Database.Database): { name: string; articles: number }[] {
  return db
    .prepare(
      `SELECT t.name AS name, count(*) AS articles FROM tags t
       JOIN article_tags x ON x.tag_id = t.id JOIN articles a ON a.id = x.article_id
       WHERE a.deleted_at IS NULL GROUP BY t.id ORDER BY t.name COLLATE NOCASE`
    )
    .all() as { name: string; articles: number }[]
}

const pluck = (rows: unknown[]) => (rows as { id: string }[]).map((r) => r.id)
