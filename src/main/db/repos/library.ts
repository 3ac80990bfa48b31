import type Database from 'better-sqlite3'
import type { LibraryFacets, LibraryQuery, LibrarySort } from '../../../shared/library/library-types'
import { statementsOf } from '../statement-cache'

/** Each sort is served by one of migration 010's partial indexes over live articles. */
const ORDER: Record<LibrarySort, (dir: 'ASC' | 'DESC') => string> = {
  imported: (d) => `a.imported_at ${d}, a.rowid ${d}`,
  published: (d) => `coalesce(a.published_at, a.imported_at) ${d}, a.rowid ${d}`,
  title: (d) => `a.title COLLATE NOCASE ${d}, a.rowid ${d}`,
  source: (d) => `a.source COLLATE NOCASE ${d}, a.imported_at ${d}, a.rowid ${d}`
}

const MAX_FACETS = 200

export interface SummaryRow {
  id: string
  title: string
  source: string | null
  author: string | null
  published_at: string | null
  imported_at: string
  highlight_count: number
  /** The article's override, else its source's grade (the library's query reads it). */
  reliability?: string | null
}

/** What a filter binds: tag names, ids, a source, then LIMIT and OFFSET. */
type SqlParams = (string | number)[]

function filterSql(query: LibraryQuery): { where: string; params: SqlParams } {
  const conds = ['a.deleted_at IS NULL']
  const params: (string | number)[] = []
  const { tag, labelId, source, caseId, watchId } = query.filter
  if (watchId !== undefined) {
    conds.push('a.id IN (SELECT m.article_id FROM watch_matches m WHERE m.watch_id = ?)')
    params.push(watchId)
  }
  if (caseId) {
    conds.push('a.id IN (SELECT x.article_id FROM case_articles x WHERE x.case_id = ?)')
    params.push(caseId)
  }
  if (tag) {
    conds.push('a.id IN (SELECT x.article_id FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE t.name = ?)')
    params.push(tag.replace(/^#+/, ''))
  }
  if (labelId) {
    conds.push('EXISTS (SELECT 1 FROM highlights h WHERE h.article_id = a.id AND h.label_id = ? AND h.deleted_at IS NULL)')
    params.push(labelId)
  }
  if (source !== undefined) {
    conds.push('a.source = ?')
    params.push(source)
  }
  return { where: conds.join(' AND '), params }
}

/** Exported for the tests that check each sort is read from an index, never sorted whole. */
export function pageSql(query: LibraryQuery): { sql: string; params: (string | number)[] } {
  const { where, params } = filterSql(query)
  const dir = query.direction === 'asc' ? 'ASC' : 'DESC'
  // The count reads only migration 010's partial index of live highlights; left to itself the
  // planner picked highlights_article and read every highlight's row for deleted_at (the first
  // page cost 1.3× more at 100,000 articles than at 100; 1.1× this way).
  const sql = `SELECT a.id, a.title, a.source, a.author, a.published_at, a.imported_at,
      (SELECT count(*) FROM highlights h INDEXED BY highlights_article_label WHERE h.article_id = a.id AND h.deleted_at IS NULL) AS highlight_count,
      coalesce(a.reliability, (SELECT s.reliability FROM sources s WHERE s.id = a.source_id)) AS reliability
    FROM articles a WHERE ${where} ORDER BY ${ORDER[query.sort](dir)} LIMIT ? OFFSET ?`
  return { sql, params }
}

/**
 * The library list's reads: a page of live articles by a filter and sort, the counts the
 * trigger-kept library_facets table holds, and the facets themselves.
 */
export function libraryRepo(db: Database.Database) {
  const q = statementsOf(db)
  return {
    page: (query: LibraryQuery) => {
      const { sql, params } = pageSql(query)
      return q<SqlParams, SummaryRow>(sql).all(...params, query.limit, query.offset)
    },
    /** Live articles matching the filter, counted row by row. */
    countFiltered: (query: LibraryQuery) => {
      const { where, params } = filterSql(query)
      return q.pluck<SqlParams, number>(`SELECT count(*) FROM articles a WHERE ${where}`).get(...params) ?? 0
    },
    /** A kept count: kind 'articles' with key '' is every live article. */
    kept: (kind: string, key: string) => q.pluck<[string, string], number>('SELECT n FROM library_facets WHERE kind = ? AND key = ?').get(kind, key) ?? 0,
    keptOfTag: (tag: string) =>
      q.pluck<[string], number>(`SELECT f.n FROM library_facets f JOIN tags t ON CAST(f.key AS INTEGER) = t.id WHERE f.kind = 'tag' AND t.name = ?`).get(tag) ?? 0,
    sources: () =>
      q<[], LibraryFacets['sources'][number]>(
        `SELECT key AS name, n AS count FROM library_facets WHERE kind = 'source' AND n > 0 ORDER BY n DESC, key LIMIT ${MAX_FACETS}`
      ).all(),
    tags: () =>
      q<[], LibraryFacets['tags'][number]>(
        `SELECT t.name, f.n AS count FROM library_facets f JOIN tags t ON t.id = CAST(f.key AS INTEGER)
         WHERE f.kind = 'tag' AND f.n > 0 ORDER BY f.n DESC, t.name LIMIT ${MAX_FACETS}`
      ).all(),
    // Colours are LABEL_COLORS: only LabelService writes them.
    labels: () =>
      q<[], LibraryFacets['labels'][number]>(
        `SELECT l.id, l.name, l.color, coalesce(f.n, 0) AS count FROM labels l
         LEFT JOIN library_facets f ON f.kind = 'label' AND f.key = l.id ORDER BY l.position`
      ).all(),
    // A watch list is a few names: its live articles are counted when asked.
    watch: () =>
      q<[], LibraryFacets['watch'][number]>(
        `SELECT w.id, w.pattern AS name, (SELECT count(*) FROM watch_matches m JOIN articles a ON a.id = m.article_id
           WHERE m.watch_id = w.id AND a.deleted_at IS NULL) AS count FROM watch_list w ORDER BY w.pattern`
      ).all()
  }
}
