import type Database from 'better-sqlite3'
import type { HighlightAnnotationSource } from '../../../shared/annotations/web-annotation'
import { cachedMarkdown } from './note-markdown-cache'
import { pageLocators } from './export-source'

/** Every live highlight of these articles, in reading order per article, for JSON and CSV export. */
export function highlightsFor(db: Database.Database, articleIds: readonly string[]): HighlightAnnotationSource[] {
  const rows = db
    .prepare(
      `SELECT h.id, h.article_id, a.url, a.title, h.exact, h.prefix, h.suffix, h.start, h.end, h.created_at, l.name AS label,
              a.source, coalesce(a.reliability, (SELECT s.reliability FROM sources s WHERE s.id = a.source_id)) AS reliability, h.credibility,
              (SELECT group_concat(t.name, char(31)) FROM highlight_tags x JOIN tags t ON t.id = x.tag_id WHERE x.highlight_id = h.id) AS tags
       FROM highlights h JOIN articles a ON a.id = h.article_id LEFT JOIN labels l ON l.id = h.label_id
       WHERE h.article_id IN (SELECT value FROM json_each(?)) AND h.deleted_at IS NULL AND a.deleted_at IS NULL
       ORDER BY a.imported_at, a.rowid, h.start, h.end DESC`
    )
    .all(JSON.stringify(articleIds)) as {
    id: string
    article_id: string
    url: string | null
    title: string
    exact: string
    prefix: string
    suffix: string
    start: number
    end: number
    created_at: string
    label: string | null
    tags: string | null
    source: string | null
    reliability: string | null
    credibility: number | null
  }[]
  const pages = pageLocators(
    db.prepare(`SELECT id, document FROM articles WHERE id IN (SELECT value FROM json_each(?)) AND original_type = 'pdf'`),
    JSON.stringify(articleIds)
  )
  return rows.map((r) => ({
    id: r.id,
    articleId: r.article_id,
    articleUrl: r.url,
    articleTitle: r.title,
    exact: r.exact,
    prefix: r.prefix,
    suffix: r.suffix,
    start: r.start,
    end: r.end,
    label: r.label,
    tags: r.tags ? r.tags.split('\u001f').sort((a, b) => a.localeCompare(b)) : [],
    note: cachedMarkdown(db, 'notes', 'highlight_id', r.id),
    createdAt: r.created_at,
    source: r.source,
    reliability: r.reliability,
    credibility: r.credibility,
    page: pages.get(r.article_id)?.(r.start) ?? null
  }))
}
