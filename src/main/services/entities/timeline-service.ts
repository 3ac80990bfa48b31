import type Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import type { ExtractedEvent, Precision } from '../../../shared/timeline/extract-events'
import { extractEvents } from '../../../shared/timeline/extract-events'
import { articleLanguage } from '../../../shared/entities/language'
import { DossierError } from '../../../shared/errors'
import type { Clock } from '../clock'

export interface TimelineEvent {
  id: string
  date: string
  dateEnd: string | null
  precision: Precision
  sentence: string
  articleId: string
  /** The article's title and its source, for citing the event. */
  articleTitle: string
  source: string | null
  published: string | null
  start: number
  end: number
  confirmed: boolean
  label: string | null
  origin: 'extracted' | 'analyst'
  highlightId: string | null
}

export interface TimelineQuery {
  articleId?: string
  caseId?: string
}

export interface EventEdit {
  date?: string
  dateEnd?: string | null
  precision?: Precision
  label?: string | null
}

interface EventRow {
  id: string
  article_id: string
  key: string
  date: string
  date_end: string | null
  precision: Precision
  sentence: string
  start: number
  end: number
  origin: 'extracted' | 'analyst'
  label: string | null
  highlight_id: string | null
  confirmed: number | null
  deleted: number | null
  d_date: string | null
  d_date_end: string | null
  d_precision: Precision | null
  d_label: string | null
  article_title: string
  article_source: string | null
  published_at: string | null
}

const ISO_AT: Record<Precision, RegExp> = { day: /^\d{4}-\d{2}-\d{2}$/, month: /^\d{4}-\d{2}$/, year: /^\d{4}$/ }

/**
 * Timeline events: extracted from dated sentences, replaced at every extraction, and the
 * analyst's decisions (confirm, edit, delete) kept apart, keyed by the sentence and the date
 * expression, so they hold when the article is extracted again.
 */
export class TimelineService {
  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock
  ) {}

  storeEvents(articleId: string, events: readonly ExtractedEvent[], text: string): void {
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO timeline_events (id, article_id, key, date, date_end, precision, sentence, start, end, origin)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'extracted')`
    )
    this.db.transaction(() => {
      this.db.prepare(`DELETE FROM timeline_events WHERE article_id = ? AND origin = 'extracted'`).run(articleId)
      for (const e of events) {
        const key = eventKey(e.sentence, text.slice(e.textStart, e.textEnd))
        insert.run(eventId(articleId, key), articleId, key, e.date, e.dateEnd, e.precision, e.sentence, e.start, e.end)
      }
    })()
  }

  list(query: TimelineQuery = {}): TimelineEvent[] {
    return this.page(query).items
  }

  /**
   * Events in date order, `limit` of them from `offset` (all when no limit), with how many there
   * are in all: the whole library's timeline holds hundreds of thousands of events, and the view
   * asks for them a page at a time (sorted and cut in SQL, so a page never builds every event).
   */
  page(query: TimelineQuery = {}, { offset = 0, limit }: { offset?: number; limit?: number } = {}): { items: TimelineEvent[]; total: number } {
    const where = ['(d.deleted IS NULL OR d.deleted = 0)', 'a.deleted_at IS NULL']
    const params: string[] = []
    if (query.articleId) {
      where.push('t.article_id = ?')
      params.push(query.articleId)
    }
    if (query.caseId) {
      if (!this.db.prepare('SELECT 1 FROM cases WHERE id = ?').get(query.caseId)) throw new DossierError('not_found', `No case with id ${query.caseId}.`)
      where.push('t.article_id IN (SELECT article_id FROM case_articles WHERE case_id = ?)')
      params.push(query.caseId)
    }
    const from = `FROM timeline_events t JOIN articles a ON a.id = t.article_id
         LEFT JOIN timeline_decisions d ON d.article_id = t.article_id AND d.key = t.key
         WHERE ${where.join(' AND ')}`
    // Dates are ISO strings and ids lowercase hex: SQLite's binary order is the date order.
    const rows = this.db
      .prepare<(string | number)[], EventRow>(
        `SELECT t.*, a.title AS article_title, a.source AS article_source, a.published_at, d.confirmed, d.deleted, d.date AS d_date, d.date_end AS d_date_end, d.precision AS d_precision, d.label AS d_label
         ${from} ORDER BY coalesce(d.date, t.date), t.article_id, t.start LIMIT ? OFFSET ?`
      )
      .all(...params, limit ?? -1, offset)
    const items = rows.map(toEvent)
    const total = limit === undefined ? offset + items.length : (this.db.prepare<string[], number>(`SELECT count(*) ${from}`).pluck().get(...params) ?? 0)
    return { items, total }
  }

  confirm(id: string): TimelineEvent {
    return this.decide(id, { confirmed: 1 })
  }

  edit(id: string, edit: EventEdit): TimelineEvent {
    const current = this.get(id)
    const precision = edit.precision ?? current.precision
    const date = edit.date ?? current.date
    const dateEnd = edit.dateEnd === undefined ? current.dateEnd : edit.dateEnd
    if (!ISO_AT[precision].test(date)) throw new DossierError('invalid_input', `date: “${date}” is not a ${precision} (expected ${precisionFormat(precision)}).`)
    if (dateEnd !== null && (!ISO_AT[precision].test(dateEnd) || dateEnd < date)) {
      throw new DossierError('invalid_input', `dateEnd: “${dateEnd}” must be a ${precision} (${precisionFormat(precision)}) on or after ${date}.`)
    }
    return this.decide(id, { confirmed: 1, date, date_end: dateEnd, precision, label: edit.label === undefined ? current.label : edit.label })
  }

  delete(id: string): void {
    this.decide(id, { deleted: 1 })
  }

  /** Undoes a delete: the event is back with whatever was decided about it before. */
  restore(id: string): TimelineEvent {
    return this.decide(id, { deleted: 0 })
  }

  /** An event from a highlight: its date from the passage when it has one, else the given date. */
  addFromHighlight(highlightId: string, fallback?: { date: string; precision: Precision }): TimelineEvent {
    const h = this.db
      .prepare<
        [string],
        { id: string; article_id: string; start: number; end: number; exact: string; published_at: string | null; language: string | null; text: string }
      >(
        `SELECT h.id, h.article_id, h.start, h.end, h.exact, a.published_at, a.language, a.text FROM highlights h JOIN articles a ON a.id = h.article_id
         WHERE h.id = ? AND h.deleted_at IS NULL`
      )
      .get(highlightId)
    if (!h) throw new DossierError('not_found', `No highlight with id ${highlightId}.`)
    const language = articleLanguage(h.text, h.language)
    const [found] = extractEvents({ text: h.exact, published: h.published_at, language }, language)
    const date = found?.date ?? fallback?.date
    const precision = found?.precision ?? fallback?.precision
    if (!date || !precision) throw new DossierError('invalid_input', 'The passage has no date: give one (YYYY-MM-DD, YYYY-MM or YYYY).')
    if (!ISO_AT[precision].test(date)) throw new DossierError('invalid_input', `date: “${date}” is not a ${precision} (expected ${precisionFormat(precision)}).`)
    const key = `highlight:${h.id}`
    const id = eventId(h.article_id, key)
    this.db
      .prepare(
        `INSERT INTO timeline_events (id, article_id, key, date, date_end, precision, sentence, start, end, origin, highlight_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'analyst', ?)
         ON CONFLICT (article_id, key) DO UPDATE SET date = excluded.date, date_end = excluded.date_end, precision = excluded.precision`
      )
      .run(id, h.article_id, key, date, found?.dateEnd ?? null, precision, h.exact, h.start, h.end, h.id)
    this.db.prepare(`DELETE FROM timeline_decisions WHERE article_id = ? AND key = ?`).run(h.article_id, key)
    return this.decide(id, { confirmed: 1 })
  }

  get(id: string): TimelineEvent {
    const row = this.db.prepare<[string], { article_id: string }>('SELECT article_id FROM timeline_events WHERE id = ?').get(id)
    const event = row && this.list({ articleId: row.article_id }).find((e) => e.id === id)
    if (!event) throw new DossierError('not_found', `No timeline event with id ${id}.`)
    return event
  }

  private decide(id: string, values: Record<string, string | number | null>): TimelineEvent {
    const row = this.db.prepare<[string], { article_id: string; key: string }>('SELECT article_id, key FROM timeline_events WHERE id = ?').get(id)
    if (!row) throw new DossierError('not_found', `No timeline event with id ${id}.`)
    const columns = Object.keys(values)
    this.db
      .prepare(
        `INSERT INTO timeline_decisions (article_id, key, ${columns.join(', ')}, updated_at) VALUES (?, ?, ${columns.map(() => '?').join(', ')}, ?)
         ON CONFLICT (article_id, key) DO UPDATE SET ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}, updated_at = excluded.updated_at`
      )
      .run(row.article_id, row.key, ...Object.values(values), this.clock())
    if (values.deleted) return undefined as unknown as TimelineEvent
    return this.get(id)
  }
}

function toEvent(r: EventRow): TimelineEvent {
  const edited = r.d_precision !== null
  return {
    id: r.id,
    date: r.d_date ?? r.date,
    dateEnd: edited ? r.d_date_end : r.date_end,
    precision: r.d_precision ?? r.precision,
    sentence: r.sentence,
    articleId: r.article_id,
    articleTitle: r.article_title,
    source: r.article_source,
    published: r.published_at,
    start: r.start,
    end: r.end,
    confirmed: r.confirmed === 1,
    label: r.d_label ?? r.label,
    origin: r.origin,
    highlightId: r.highlight_id
  }
}

/** Stable across re-extraction of the same words: the sentence and the date expression in it. */
function eventKey(sentence: string, expression: string): string {
  return `${expression}\u0000${sentence}`
}

/** A UUID (RFC 9562 layout) derived from the article and the key: the same event keeps its id. */
function eventId(articleId: string, key: string): string {
  const h = createHash('sha256').update(`${articleId}\u0000${key}`).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`
}

function precisionFormat(p: Precision): string {
  return p === 'day' ? 'YYYY-MM-DD' : p === 'month' ? 'YYYY-MM' : 'YYYY'
}
