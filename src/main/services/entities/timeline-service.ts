import type Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import type { ExtractedEvent, Precision } from '../../../shared/timeline/extract-events'
import { articleLanguage } from '../../../shared/entities/language'
import { refuse } from '../../../shared/refusals'
import type { Clock } from '../clock'
import { casesRepo } from '../../db/repos/cases'
import { timelineRepo, type TimelineDecision, type TimelineListRow } from '../../db/repos/timeline'

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

const ISO_AT: Record<Precision, RegExp> = { day: /^\d{4}-\d{2}-\d{2}$/, month: /^\d{4}-\d{2}$/, year: /^\d{4}$/ }

/**
 * Timeline events: extracted from dated sentences, replaced at every extraction, and the
 * analyst's decisions (confirm, edit, delete) kept apart, keyed by the sentence and the date
 * expression, so they hold when the article is extracted again.
 */
export class TimelineService {
  private readonly timeline: ReturnType<typeof timelineRepo>
  private readonly cases: ReturnType<typeof casesRepo>

  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock
  ) {
    this.timeline = timelineRepo(db)
    this.cases = casesRepo(db)
  }

  storeEvents(articleId: string, events: readonly ExtractedEvent[], text: string): void {
    const rows = events.map((e) => {
      const key = eventKey(e.sentence, text.slice(e.textStart, e.textEnd))
      return { id: eventId(articleId, key), article_id: articleId, key, date: e.date, date_end: e.dateEnd, precision: e.precision, sentence: e.sentence, start: e.start, end: e.end }
    })
    this.db.transaction(() => this.timeline.replaceExtracted(articleId, rows))()
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
    if (query.caseId && !this.cases.exists(query.caseId)) throw refuse('missing.case', { id: query.caseId })
    const filter = { articleId: query.articleId, caseId: query.caseId }
    const items = this.timeline.page(filter, limit ?? -1, offset).map(toEvent)
    const total = limit === undefined ? offset + items.length : this.timeline.count(filter)
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
    if (!ISO_AT[precision].test(date)) throw refuse('timeline.bad_date', { date, precision })
    if (dateEnd !== null && (!ISO_AT[precision].test(dateEnd) || dateEnd < date)) {
      throw refuse('timeline.bad_end', { dateEnd, precision, date })
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

  /**
   * An event from a highlight: its date from the passage when it has one, else the given date.
   * chrono-node loads here, on first use: the rest of the timeline never needs it on main.
   */
  async addFromHighlight(highlightId: string, fallback?: { date: string; precision: Precision }): Promise<TimelineEvent> {
    const { extractEvents } = await import('../../../shared/timeline/extract-events')
    const h = this.timeline.liveHighlight(highlightId)
    if (!h) throw refuse('missing.highlight', { id: highlightId })
    const language = articleLanguage(h.text, h.language)
    const [found] = extractEvents({ text: h.exact, published: h.published_at, language }, language)
    const date = found?.date ?? fallback?.date
    const precision = found?.precision ?? fallback?.precision
    if (!date || !precision) throw refuse('timeline.no_date')
    if (!ISO_AT[precision].test(date)) throw refuse('timeline.bad_date', { date, precision })
    const key = `highlight:${h.id}`
    const id = eventId(h.article_id, key)
    this.timeline.upsertFromHighlight({ id, article_id: h.article_id, key, date, date_end: found?.dateEnd ?? null, precision, sentence: h.exact, start: h.start, end: h.end, highlight_id: h.id })
    this.timeline.forgetDecision(h.article_id, key)
    return this.decide(id, { confirmed: 1 })
  }

  get(id: string): TimelineEvent {
    const row = this.timeline.keyOf(id)
    const event = row && this.list({ articleId: row.article_id }).find((e) => e.id === id)
    if (!event) throw refuse('missing.timeline_event', { id })
    return event
  }

  private decide(id: string, values: TimelineDecision): TimelineEvent {
    const row = this.timeline.keyOf(id)
    if (!row) throw refuse('missing.timeline_event', { id })
    this.timeline.decide(row.article_id, row.key, values, this.clock())
    if (values.deleted) return undefined as unknown as TimelineEvent
    return this.get(id)
  }
}

function toEvent(r: TimelineListRow): TimelineEvent {
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

