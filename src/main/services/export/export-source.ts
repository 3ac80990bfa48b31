import type Database from 'better-sqlite3'
import { pageLocator, type ArticleDocument, type PageRef } from '../../../shared/document/article-document'
import type { ArticleForExport, HighlightForExport } from '../../../shared/markdown/export-context'
import { fillMarkdown } from './note-markdown-cache'
import { articlesRepo } from '../../db/repos/articles'
import { highlightsRepo, TAG_SEPARATOR } from '../../db/repos/highlights'
import { labelsRepo } from '../../db/repos/labels'
import { notesRepo, type NoteMarkdownRow } from '../../db/repos/notes'
import type { LabelNamer } from '../../../shared/i18n/default-labels'

export interface ArticleExport {
  article: ArticleForExport
  highlights: HighlightForExport[]
}

/**
 * Reads everything a batch of articles needs in five queries, whatever the batch's size: no
 * query per article or per highlight. Notes and notebooks come as the Markdown cached at save
 * time; the few rows without it are rendered once here and cached for next time.
 */
export class ExportSource {
  private readonly articles: ReturnType<typeof articlesRepo>
  private readonly highlights: ReturnType<typeof highlightsRepo>
  private readonly notes: ReturnType<typeof notesRepo>
  private readonly labels: Map<string, { name: string; color: string }>

  /**
   * `withText`: each article carries its document, for an export that includes the article's text.
   * `labelName`: how the export's language names labels (the seeded ones translated); stored names without it.
   */
  constructor(
    private readonly db: Database.Database,
    private readonly withText = false,
    labelName: LabelNamer | null = null
  ) {
    this.articles = articlesRepo(db)
    this.highlights = highlightsRepo(db)
    this.notes = notesRepo(db)
    this.labels = new Map(labelsRepo(db).all().map((l) => [l.id, labelName ? { ...l, name: labelName(l) } : l]))
  }

  /** The batch's articles in the order asked for; ids of trashed or missing articles are skipped. */
  load(ids: readonly string[]): ArticleExport[] {
    const json = JSON.stringify(ids)
    const notebookRows = this.notes.notebookMarkdownOfBatch(json)
    // The hot query (ten rows or more per article): no ORDER BY (export sorts each article's few
    // highlights itself), labels from a map, and tags asked for only where there are any.
    const highlightRows = this.highlights.exportBatch(json)
    const notebooks = withMarkdown(this.db, 'notebooks', 'article_id', notebookRows)
    const notes = withMarkdown(this.db, 'notes', 'highlight_id', highlightRows)
    const tags = new Map(this.highlights.tagsOfBatch(json).map((r) => [r.id, r.tags]))

    const pages = pageLocators(this.articles.pdfDocumentsOfBatch(json))
    const documents = this.withText
      ? new Map(this.articles.documentsOfBatch(json).map((r) => [r.id, JSON.parse(r.document) as ArticleDocument]))
      : null
    const byArticle = new Map<string, HighlightForExport[]>()
    for (const h of highlightRows) {
      let list = byArticle.get(h.article_id)
      if (!list) byArticle.set(h.article_id, (list = []))
      const label = h.label_id === null ? undefined : this.labels.get(h.label_id)
      list.push({
        id: h.id,
        exact: h.exact,
        label: label?.name ?? null,
        color: label?.color ?? null,
        noteMarkdown: notes.get(h.id) || null,
        tags: splitTags(tags.get(h.id) ?? null),
        createdAt: h.created_at,
        start: h.start,
        end: h.end,
        orphaned: h.orphaned === 1,
        credibility: h.credibility,
        page: pages.get(h.article_id)?.(h.start) ?? null
      })
    }
    const found = new Map<string, ArticleExport>()
    for (const a of this.articles.exportBatch(json)) {
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
          reliability: a.reliability,
          language: a.language,
          notebookMarkdown: notebooks.get(a.id) || null,
          document: documents?.get(a.id) ?? null
        },
        highlights: byArticle.get(a.id) ?? []
      })
    }
    return ids.flatMap((id) => found.get(id) ?? [])
  }
}

function splitTags(list: string | null): string[] {
  return list ? list.split(TAG_SEPARATOR).sort((a, b) => a.localeCompare(b)) : []
}

/** Cached Markdown by id, rendering (and caching) the rows that have content but no Markdown yet. */
function withMarkdown(
  db: Database.Database,
  table: 'notes' | 'notebooks',
  key: 'highlight_id' | 'article_id',
  rows: readonly NoteMarkdownRow[]
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

/** For each paged article of a batch (its stored document), where an offset of its text falls among its pages. */
export function pageLocators(rows: readonly { id: string; document: string }[]): Map<string, (offset: number) => PageRef | null> {
  return new Map(rows.map((r) => [r.id, pageLocator(JSON.parse(r.document) as ArticleDocument)]))
}
