import type Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { quoteSelector, trimRange } from '../../shared/anchoring/text-quote-selector'
import { pageLocator, type ArticleDocument, type PageRef } from '../../shared/document/article-document'
import type { Highlight } from '../../shared/domain-types'
import { refuse } from '../../shared/refusals'
import type { Clock } from './clock'
import { TagStore } from './tag-store'
import { isReliability } from '../../shared/analysis/admiralty'
import { articlesRepo } from '../db/repos/articles'
import { highlightsRepo, TAG_SEPARATOR, type HighlightViewRow } from '../db/repos/highlights'
import { labelsRepo } from '../db/repos/labels'

export class HighlightService {
  private readonly highlights: ReturnType<typeof highlightsRepo>
  private readonly articles: ReturnType<typeof articlesRepo>
  private readonly labels: ReturnType<typeof labelsRepo>

  constructor(
    db: Database.Database,
    private readonly clock: Clock,
    private readonly tags: TagStore = new TagStore(db)
  ) {
    this.highlights = highlightsRepo(db)
    this.articles = articlesRepo(db)
    this.labels = labelsRepo(db)
  }

  /** In reading order: by start, longer first when two start together. */
  list(articleId: string): Highlight[] {
    const rows = this.highlights.liveOfArticle(articleId)
    const pages = this.pagesOf(articleId)
    return rows.map((r) => withPage(toHighlight(r), pages))
  }

  /**
   * Where offsets of a PDF's text fall among its pages; null for other articles. Worked out from
   * the stored document, so a highlight's page follows it whenever it is placed again.
   */
  private pagesOf(articleId: string): ((offset: number) => PageRef | null) | null {
    const document = this.articles.pdfDocument(articleId)
    return document === undefined ? null : pageLocator(JSON.parse(document) as ArticleDocument)
  }

  /** A highlight that is not deleted: a dossier:// link to a deleted one leads nowhere. */
  getLive(id: string): Highlight {
    const row = this.highlights.liveById(id)
    if (!row) throw refuse('missing.highlight_maybe_deleted', { id })
    return withPage(toHighlight(row), this.pagesOf(row.article_id))
  }

  get(id: string): Highlight {
    const row = this.highlights.byId(id)
    if (!row) throw refuse('missing.highlight', { id })
    return withPage(toHighlight(row), this.pagesOf(row.article_id))
  }

  /**
   * The quote is cut from the stored text here, never taken from the caller, so a selector
   * always matches the text it claims to quote.
   */
  create(articleId: string, start: number, end: number, labelId: string | null = this.defaultLabel()): Highlight {
    const { range, selector } = this.selection(articleId, start, end)
    const label = this.checkedLabel(labelId)
    this.refuseDuplicate(articleId, range, label, null)
    const id = randomUUID()
    this.highlights.insert({ id, article_id: articleId, ...range, ...selector, created_at: this.clock(), label_id: label })
    return this.get(id)
  }

  /**
   * Two live highlights on the same passage with the same label tell the analyst nothing more and
   * export twice: refused. The same passage under another label is a different reading, and kept.
   */
  private refuseDuplicate(articleId: string, range: { start: number; end: number }, labelId: string | null, exceptId: string | null): void {
    if (this.highlights.hasTwin(articleId, range.start, range.end, labelId, exceptId)) throw refuse('highlight.twin')
  }

  /** Puts a highlight on the passage the analyst selected instead: how an orphan is re-attached. */
  reattach(id: string, start: number, end: number): Highlight {
    const current = this.get(id)
    const { range, selector } = this.selection(current.articleId, start, end)
    this.refuseDuplicate(current.articleId, range, current.labelId, id)
    this.highlights.reattach(id, { ...range, ...selector })
    return this.get(id)
  }

  setTags(id: string, tags: readonly string[]): Highlight {
    this.get(id)
    this.tags.set('highlight_tags', id, tags)
    return this.get(id)
  }

  /** The quote is cut from the stored text, never taken from the caller. */
  private selection(articleId: string, start: number, end: number) {
    const text = this.articles.text(articleId)
    if (text === undefined) throw refuse('missing.article', { id: articleId })
    if (end > text.length) {
      throw refuse('highlight.past_end', { end, length: text.length })
    }
    const range = trimRange(text, start, end)
    if (!range) throw refuse('highlight.blank')
    return { range, selector: quoteSelector(text, range.start, range.end) }
  }

  /** Marks the highlight deleted; its note stays, so Undo brings both back. */
  delete(id: string): boolean {
    return this.highlights.markDeleted(id, this.clock())
  }

  restore(id: string): Highlight {
    this.highlights.undelete(id)
    return this.get(id)
  }

  setLabel(id: string, labelId: string | null): Highlight {
    const current = this.get(id)
    const label = this.checkedLabel(labelId)
    this.refuseDuplicate(current.articleId, current, label, id)
    this.highlights.setLabel(id, label)
    return this.get(id)
  }

  private defaultLabel(): string | null {
    return this.labels.firstId()
  }

  private checkedLabel(labelId: string | null): string | null {
    if (labelId !== null && !this.labels.exists(labelId)) {
      throw refuse('missing.label', { id: labelId })
    }
    return labelId
  }
}

function withPage(h: Highlight, pages: ((offset: number) => PageRef | null) | null): Highlight {
  const ref = pages && !h.orphaned ? pages(h.start) : null
  return ref ? { ...h, page: ref.page, pageLabel: ref.label } : h
}

function toHighlight(r: HighlightViewRow): Highlight {
  return {
    id: r.id,
    articleId: r.article_id,
    start: r.start,
    end: r.end,
    exact: r.exact,
    prefix: r.prefix,
    suffix: r.suffix,
    createdAt: r.created_at,
    hasNote: r.has_note === 1,
    notePreview: r.note_preview.replace(/\s+/g, ' ').trim(),
    orphaned: r.orphaned === 1,
    labelId: r.label_id,
    tags: r.tag_list ? r.tag_list.split(TAG_SEPARATOR).sort((a, b) => a.localeCompare(b)) : [],
    confidence: r.confidence,
    needsReview: r.needs_review === 1,
    credibility: r.credibility ?? null,
    reliability: isReliability(r.reliability) ? r.reliability : null
  }
}
