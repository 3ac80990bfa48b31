import type Database from 'better-sqlite3'
import type { Precision } from '../../../shared/timeline/extract-events'
import { statementsOf } from '../statement-cache'
import type { ArticleRow } from './articles'
import type { HighlightRow } from './highlights'

/** A row of timeline_events (migration 020): a dated sentence, extracted or added by the analyst. */
export interface TimelineEventRow {
  id: string
  article_id: string
  /** The sentence and the date expression in it: stable across re-extraction. */
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
}

/** A row of timeline_decisions: what the analyst decided about an event, by its article and key. */
export interface TimelineDecisionRow {
  article_id: string
  key: string
  confirmed: 0 | 1
  deleted: 0 | 1
  date: string | null
  date_end: string | null
  precision: Precision | null
  label: string | null
  updated_at: string
}

/** The columns of a decision that an analyst's action sets; the others keep their value. */
export type TimelineDecision = Partial<Pick<TimelineDecisionRow, 'confirmed' | 'deleted' | 'date' | 'date_end' | 'precision' | 'label'>>

/** An event as listed: its row, its article's title, source and date, and the decision's columns (null: none). */
export type TimelineListRow = TimelineEventRow & {
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

/** A live highlight with what an event made from it needs of its article. */
export type TimelineHighlightRow = Pick<HighlightRow, 'id' | 'article_id' | 'start' | 'end' | 'exact'> &
  Pick<ArticleRow, 'published_at' | 'language' | 'text'>

export interface TimelineFilter {
  articleId?: string
  caseId?: string
}

export type ExtractedEventRow = Pick<TimelineEventRow, 'id' | 'article_id' | 'key' | 'date' | 'date_end' | 'precision' | 'sentence' | 'start' | 'end'>

export function timelineRepo(db: Database.Database) {
  const q = statementsOf(db)
  /** The FROM and WHERE of a listing: events not deleted, of live articles, filtered (SQL and its parameters). */
  const listed = (filter: TimelineFilter): [string, string[]] => {
    const where = ['(d.deleted IS NULL OR d.deleted = 0)', 'a.deleted_at IS NULL']
    const params: string[] = []
    if (filter.articleId) {
      where.push('t.article_id = ?')
      params.push(filter.articleId)
    }
    if (filter.caseId) {
      where.push('t.article_id IN (SELECT article_id FROM case_articles WHERE case_id = ?)')
      params.push(filter.caseId)
    }
    const from = `FROM timeline_events t JOIN articles a ON a.id = t.article_id
         LEFT JOIN timeline_decisions d ON d.article_id = t.article_id AND d.key = t.key
         WHERE ${where.join(' AND ')}`
    return [from, params]
  }
  return {
    /** An article's extracted events, replaced by these (the analyst's stay). */
    replaceExtracted: (articleId: string, events: readonly ExtractedEventRow[]) => {
      q<[string]>(`DELETE FROM timeline_events WHERE article_id = ? AND origin = 'extracted'`).run(articleId)
      const insert = q<[string, string, string, string, string | null, Precision, string, number, number]>(
        `INSERT OR IGNORE INTO timeline_events (id, article_id, key, date, date_end, precision, sentence, start, end, origin)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'extracted')`
      )
      for (const e of events) insert.run(e.id, e.article_id, e.key, e.date, e.date_end, e.precision, e.sentence, e.start, e.end)
    },
    /**
     * Events in date order (the decision's date first), `limit` from `offset` (-1: all). Dates are
     * ISO strings and ids lowercase hex: SQLite's binary order is the date order.
     */
    page: (filter: TimelineFilter, limit: number, offset: number) => {
      const [from, params] = listed(filter)
      return q<(string | number)[], TimelineListRow>(
        `SELECT t.*, a.title AS article_title, a.source AS article_source, a.published_at, d.confirmed, d.deleted, d.date AS d_date, d.date_end AS d_date_end, d.precision AS d_precision, d.label AS d_label
         ${from} ORDER BY coalesce(d.date, t.date), t.article_id, t.start LIMIT ? OFFSET ?`
      ).all(...params, limit, offset)
    },
    count: (filter: TimelineFilter) => {
      const [from, params] = listed(filter)
      return q.pluck<string[], number>(`SELECT count(*) ${from}`).get(...params) ?? 0
    },
    /** Undefined when there is no such event. */
    keyOf: (id: string) => q<[string], Pick<TimelineEventRow, 'article_id' | 'key'>>('SELECT article_id, key FROM timeline_events WHERE id = ?').get(id),
    liveHighlight: (highlightId: string) =>
      q<[string], TimelineHighlightRow>(
        `SELECT h.id, h.article_id, h.start, h.end, h.exact, a.published_at, a.language, a.text FROM highlights h JOIN articles a ON a.id = h.article_id
         WHERE h.id = ? AND h.deleted_at IS NULL`
      ).get(highlightId),
    /** The analyst's event from a highlight; made again, it takes the new date. */
    upsertFromHighlight: (e: Omit<ExtractedEventRow, 'id'> & { id: string; highlight_id: string }) =>
      q<[string, string, string, string, string | null, Precision, string, number, number, string]>(
        `INSERT INTO timeline_events (id, article_id, key, date, date_end, precision, sentence, start, end, origin, highlight_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'analyst', ?)
         ON CONFLICT (article_id, key) DO UPDATE SET date = excluded.date, date_end = excluded.date_end, precision = excluded.precision`
      ).run(e.id, e.article_id, e.key, e.date, e.date_end, e.precision, e.sentence, e.start, e.end, e.highlight_id),
    forgetDecision: (articleId: string, key: string) => q<[string, string]>('DELETE FROM timeline_decisions WHERE article_id = ? AND key = ?').run(articleId, key),
    /** Sets these columns of the event's decision (made if there is none), leaving the others as they were. */
    decide: (articleId: string, key: string, decision: TimelineDecision, at: string) => {
      const set = Object.entries(decision).filter(([, v]) => v !== undefined)
      const columns = set.map(([c]) => c)
      q<(string | number | null)[]>(
        `INSERT INTO timeline_decisions (article_id, key, ${columns.join(', ')}, updated_at) VALUES (?, ?, ${columns.map(() => '?').join(', ')}, ?)
         ON CONFLICT (article_id, key) DO UPDATE SET ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}, updated_at = excluded.updated_at`
      ).run(articleId, key, ...set.map(([, v]) => v ?? null), at)
    }
  }
}
