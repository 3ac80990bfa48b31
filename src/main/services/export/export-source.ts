import type Database from 'better-sqlite3'
import type { ArticleForExport, HighlightForExport } from '../../../shared/markdown/export-context'
import { fillMarkdown } from './note-markdown-cache'

export interface ArticleExport {
  article: ArticleForExport
  highlights: HighlightForExport[]
}

/** Separates names inside one SQL value; a tag never contains it. */
const SEP = '\u001f'

/**
 * Reads everything a batch of articles needs in five queries, whatever the batch's size: no
 * query per article or per highlight. Notes and notebooks come as the Markdown cached at save
 * time; the few rows without it are rendered once here and cached for next time.
 */
export class ExportSource {
  private readonly articles: Database.Statement
  private readonly notebooks: Database.Statement
  private readonly highlights: Database.Statement

  constructor(private readonly db: Database.Database) {
    this.articles = db.prepare(
      `SELECT a.id, a.title, a.author, a.source, a.url, a.published_at, a.imported_at,
              (SELECT group_concat(t.name, char(31)) FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id) AS tags
       FROM articles a WHERE a.id IN (SELECT value FROM json_each(?)) AND a.deleted_at IS NULL`
    )
    this.notebooks = db.prepare(
      `SELECT article_id AS id, markdown, CASE WHEN markdown IS NULL THEN content END AS content
       FROM notebooks WHERE article_id IN (SELECT value FROM json_each(?))`
    )
    this.highlights = db.prepare(
      `SELECT h.id, h.article_id, h.start, h.exact, h.created_at, h.orphaned, l.name AS label, l.color,
              n.markdown, CASE WHEN n.markdown IS NULL THEN n.content END AS content,
              (SELECT group_concat(t.name, char(31)) FROM highlight_tags x JOIN tags t ON t.id = x.tag_id WHERE x.highlight_id = h.id) AS tags
       FROM highlights h LEFT JOIN labels l ON l.id = h.label_id LEFT JOIN notes n ON n.highlight_id = h.id
       WHERE h.article_id IN (SELECT value FROM json_each(?)) AND h.deleted_at IS NULL
       ORDER BY h.article_id, h.start, h.end DESC`
    )
  }

  /** The batch's articles in the order asked for; ids of trashed or missing articles are skipped. */
  load(ids: readonly string[]): ArticleExport[] {
    const json = JSON.stringify(ids)
    const notebookRows = this.notebooks.all(json) as { id: string; markdown: string | null; content: string | null }[]
    const highlightRows = this.highlights.all(json) as HighlightRow[]
    const notebooks = withMarkdown(this.db, 'notebooks', 'article_id', notebookRows)
    const notes = withMarkdown(this.db, 'notes', 'highlight_id', highlightRows)

    const byArticle = new Map<string, HighlightForExport[]>()
    for (const h of highlightRows) {
      let list = byArticle.get(h.article_id)
      if (!list) byArticle.set(h.article_id, (list = []))
      list.push({
        id: h.id,
        exact: h.exact,
        label: h.label,
        color: h.color,
        noteMarkdown: notes.get(h.id) || null,
        tags: splitTags(h.tags),
        createdAt: h.created_at,
        start: h.start,
        orphaned: h.orphaned === 1
      })
    }
    const found = new Map<string, ArticleExport>()
    for (const a of this.articles.all(json) as ArticleRow[]) {
      found.set(a.id, {
        article: {
          id: a.id,
          title: a.title,
          author: a.author,
          source: a.source,
          url: a.url,
          publishedAt: a.published_at,
          importedAt: a.imported_at,
          tags: splitTags(a.tags),
          notebookMarkdown: notebooks.get(a.id) || null
        },
        highlights: byArticle.get(a.id) ?? []
      })
    }
    return ids.flatMap((id) => found.get(id) ?? [])
  }
}

interface ArticleRow {
  id: string
  title: string
  author: string | null
  source: string | null
  url: string | null
  published_at: string | null
  imported_at: string
  tags: string | null
}

interface HighlightRow {
  id: string
  article_id: string
  start: number
  exact: string
  created_at: string
  orphaned: number
  label: string | null
  color: string | null
  markdown: string | null
  content: string | null
  tags: string | null
}

function splitTags(list: string | null): string[] {
  return list ? list.split(SEP).sort((a, b) => a.localeCompare(b)) : []
}

/** Cached Markdown by id, rendering (and caching) the rows that have content but no Markdown yet. */
function withMarkdown(
  db: Database.Database,
  table: 'notes' | 'notebooks',
  key: 'highlight_id' | 'article_id',
  rows: readonly { id: string; markdown: string | null; content: string | null }[]
): Map<string, string> {
  const out = new Map<string, string>()
  const missing: { id: string; content: string }[] = []
  for (const row of rows) {
    if (row.markdown !== null) out.set(row.id, row.markdown)
    else if (row.content !== null) missing.push({ id: row.id, content: row.content })
  }
  for (const [id, markdown] of fillMarkdown(db, table, key, missing)) out.set(id, markdown)
  return out
}
