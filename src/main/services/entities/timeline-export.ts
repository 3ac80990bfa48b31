import { stringify } from 'csv-stringify/sync'
import { dossierUrl } from '../../../shared/links/dossier-link'
import { escapeMarkdownInline } from '../../../shared/markdown/escape-markdown'
import { inertCell } from '../export/highlights-csv'
import type { TimelineEvent } from './timeline-service'

export const TIMELINE_FORMATS = ['csv', 'markdown'] as const
export type TimelineFormat = (typeof TIMELINE_FORMATS)[number]

export const TIMELINE_CSV_COLUMNS = ['date', 'date_end', 'precision', 'label', 'sentence', 'article', 'source', 'published', 'confirmed', 'origin', 'link'] as const

/** A date as the timeline states it: ISO at its precision, a range with an en dash. */
export function eventDate(e: Pick<TimelineEvent, 'date' | 'dateEnd'>): string {
  return e.dateEnd && e.dateEnd !== e.date ? `${e.date}–${e.dateEnd}` : e.date
}

/**
 * The timeline as CSV, one event a row, oldest first: ISO dates at the event's precision
 * (`2025-03-12`, `2025-03`, `2025`), cells made inert for spreadsheets as in the highlights CSV.
 */
export function timelineCsv(events: readonly TimelineEvent[]): string {
  const rows = events.map((e) =>
    [
      e.date,
      e.dateEnd ?? '',
      e.precision,
      e.label ?? '',
      e.sentence.replace(/\s+/g, ' '),
      e.articleTitle,
      e.source ?? '',
      e.published?.slice(0, 10) ?? '',
      e.confirmed ? 'yes' : 'no',
      e.origin,
      dossierUrl(e.highlightId ? { kind: 'highlight', id: e.highlightId } : { kind: 'article', id: e.articleId })
    ].map(inertCell)
  )
  return stringify(rows, { header: true, columns: [...TIMELINE_CSV_COLUMNS], bom: true, record_delimiter: 'windows', quote_record_delimiter: true })
}

/** The timeline as Markdown: a dated list, each event with its sentence and a citation of its article. */
export function timelineMarkdown(events: readonly TimelineEvent[], title: string): string {
  const lines = [`# ${escapeMarkdownInline(title)}`, '']
  if (events.length === 0) lines.push('No dated events.')
  for (const e of events) {
    const what = e.label ? `${escapeMarkdownInline(e.label)}: ${escapeMarkdownInline(e.sentence.replace(/\s+/g, ' '))}` : escapeMarkdownInline(e.sentence.replace(/\s+/g, ' '))
    const cite = [escapeMarkdownInline(e.articleTitle), e.source && escapeMarkdownInline(e.source), e.published?.slice(0, 10)].filter(Boolean).join(', ')
    const link = dossierUrl(e.highlightId ? { kind: 'highlight', id: e.highlightId } : { kind: 'article', id: e.articleId })
    lines.push(`- **${eventDate(e)}** ${what} (${cite}, <${link}>)${e.confirmed ? '' : ' *(unconfirmed)*'}`)
  }
  return `${lines.join('\n')}\n`
}
