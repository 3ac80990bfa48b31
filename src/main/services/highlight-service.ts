import type Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { quoteSelector, trimRange } from '../../shared/anchoring/text-quote-selector'
import { pageLocator, type ArticleDocument, type PageRef } from '../../shared/document/article-document'
import type { Highlight } from '../../shared/domain-types'
import { DossierError } from '../../shared/errors'
import type { Clock } from './clock'
import { TagStore } from './tag-store'
import { isReliability } from '../../shared/analysis/admiralty'

interface HighlightRow {
  id: string
  article_id: string
  start: number
  end: number
  exact: string
  prefix: string
  suffix: string
  created_at: string
  has_note: number
  orphaned: number
  label_id: string | null
  tag_list: string | null
  note_preview: string
  confidence: number
  needs_review: number
  credibility: number | null
  reliability: string | null
}

/** Separates tag names inside one SQL value; a tag never contains it. */
const TAG_SEPARATOR = '\u001f'

const SELECT = `
  SELECT h.*, EXISTS (SELECT 1 FROM notes n WHERE n.highlight_id = h.id AND n.plain_text <> '') AS has_note,
         coalesce((SELECT substr(n.plain_text, 1, 140) FROM notes n WHERE n.highlight_id = h.id), '') AS note_preview,
         (SELECT group_concat(t.name, char(31)) FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id
           WHERE ht.highlight_id = h.id) AS tag_list,
         (SELECT coalesce(a.reliability, s.reliability) FROM articles a LEFT JOIN sources s ON s.id = a.source_id
           WHERE a.id = h.article_id) AS reliability
  FROM highlights h`

export class HighlightService {
  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock,
    private readonly tags: TagStore = new TagStore(db)
  ) {}

  /** In reading order: by start, longer first when two start together. */
  list(articleId: string): Highlight[] {
    const rows = this.db
      .prepare(`${SELECT} WHERE h.article_id = ? AND h.deleted_at IS NULL ORDER BY h.start, h.end DESC`)
      .all(articleId) as HighlightRow[]
    const pages = this.pagesOf(articleId)
    return rows.map((r) => withPage(toHighlight(r), pages))
  }

  /**
   * Where offsets of a PDF's text fall among its pages; null for other articles. Worked out from
   * the stored document, so a highlight's page follows it whenever it is placed again.
   */
  private pagesOf(articleId: string): ((offset: number) => PageRef | null) | null {
    const row = this.db.prepare("SELECT document FROM articles WHERE id = ? AND original_type = 'pdf'").get(articleId) as { document: string } | undefined
    return row ? pageLocator(JSON.parse(row.document) as ArticleDocument) : null
  }

  /** A highlight that is not deleted: a dossier:// link to a deleted one leads nowhere. */
  getLive(id: string): Highlight {
    const row = this.db.prepare(`${SELECT} WHERE h.id = ? AND h.deleted_at IS NULL`).get(id) as HighlightRow | undefined
    if (!row) throw new DossierError('not_found', `No highlight with id ${id}: it may have been deleted.`)
    return withPage(toHighlight(row), this.pagesOf(row.article_id))
  }

  get(id: string): Highlight {
    const row = this.db.prepare(`${SELECT} WHERE h.id = ?`).get(id) as HighlightRow | undefined
    if (!row) throw new DossierError('not_found', `No highlight with id ${id}.`)
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
    this.db
      .prepare(
        `INSERT INTO highlights (id, article_id, start, end, exact, prefix, suffix, created_at, label_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(id, articleId, range.start, range.end, selector.exact, selector.prefix, selector.suffix, this.clock(), label)
    return this.get(id)
  }

  /**
   * Two live highlights on the same passage with the same label tell the analyst nothing more and
   * export twice: refused. The same passage under another label is a different reading, and kept.
   */
  private refuseDuplicate(articleId: string, range: { start: number; end: number }, labelId: string | null, exceptId: string | null): void {
    const twin = this.db
      .prepare(
        `SELECT 1 FROM highlights WHERE article_id = ? AND start = ? AND end = ? AND label_id IS ? AND deleted_at IS NULL AND id IS NOT ?`
      )
      .get(articleId, range.start, range.end, labelId, exceptId)
    if (twin) throw new DossierError('duplicate', 'This passage already has a highlight with this label.')
  }

  /** Puts a highlight on the passage the analyst selected instead: how an orphan is re-attached. */
  reattach(id: string, start: number, end: number): Highlight {
    const current = this.get(id)
    const { range, selector } = this.selection(current.articleId, start, end)
    this.refuseDuplicate(current.articleId, range, current.labelId, id)
    this.db
      .prepare('UPDATE highlights SET start = ?, end = ?, exact = ?, prefix = ?, suffix = ?, orphaned = 0, confidence = 1, needs_review = 0 WHERE id = ?')
      .run(range.start, range.end, selector.exact, selector.prefix, selector.suffix, id)
    return this.get(id)
  }

  setTags(id: string, tags: readonly string[]): Highlight {
    this.get(id)
    this.tags.set('highlight_tags', id, tags)
    return this.get(id)
  }

  /** The quote is cut from the stored text, never taken from the caller. */
  private selection(articleId: string, start: number, end: number) {
    const article = this.db.prepare('SELECT text FROM articles WHERE id = ?').get(articleId) as { text: string } | undefined
    if (!article) throw new DossierError('not_found', `No article with id ${articleId}.`)
    if (end > article.text.length) {
      throw new DossierError('invalid_input', `end: ${end} is past the end of the article (${article.text.length} characters).`)
    }
    const range = trimRange(article.text, start, end)
    if (!range) throw new DossierError('invalid_input', 'The selection holds only white space; select some words to highlight.')
    return { range, selector: quoteSelector(article.text, range.start, range.end) }
  }

  /** Marks the highlight deleted; its note stays, so Undo brings both back. */
  delete(id: string): boolean {
    return this.db.prepare('UPDATE highlights SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(this.clock(), id).changes > 0
  }

  restore(id: string): Highlight {
    this.db.prepare('UPDATE highlights SET deleted_at = NULL WHERE id = ?').run(id)
    return this.get(id)
  }

  setLabel(id: string, labelId: string | null): Highlight {
    const current = this.get(id)
    const label = this.checkedLabel(labelId)
    this.refuseDuplicate(current.articleId, current, label, id)
    this.db.prepare('UPDATE highlights SET label_id = ? WHERE id = ?').run(label, id)
    return this.get(id)
  }

  private defaultLabel(): string | null {
    return (this.db.prepare('SELECT id FROM labels ORDER BY position, name LIMIT 1').get() as { id: string } | undefined)?.id ?? null
  }

  private checkedLabel(labelId: string | null): string | null {
    if (labelId !== null && !this.db.prepare('SELECT 1 FROM labels WHERE id = ?').get(labelId)) {
      throw new DossierError('not_found', `No label with id ${labelId}.`)
    }
    return labelId
  }
}

function withPage(h: Highlight, pages: ((offset: number) => PageRef | null) | null): Highlight {
  const ref = pages && !h.orphaned ? pages(h.start) : null
  return ref ? { ...h, page: ref.page, pageLabel: ref.label } : h
}

function toHighlight(r: HighlightRow): Highlight {
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
