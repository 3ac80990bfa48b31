import { Check, Trash2 } from 'lucide-react'
import { useEffect, useMemo, useState } from 'react'
import { useClient } from '../api/client-context'
import { useLocale, useT } from '../i18n/use-t'
import { useToast } from '../ui/Toast'
import { bucketOf, formatEventDate, PRECISION_NAMES, type TimelineEvent } from './event-dates'
import { saveText } from './save-text'
import { useTimelineVersion } from './timeline-changes'

interface Props {
  /** The current case, or null for the whole library. */
  caseId: string | null
  refresh: number
  fail(err: unknown): void
  openPassage(articleId: string, start: number, end: number): void
}

/** Events asked for at a time. */
const TIMELINE_PAGE = 1000

/**
 * The Timeline view: dated events of the library or the current case on a vertical time axis,
 * oldest first, under year or month headings (the zoom), each with its precision, its sentence
 * and its article; a click opens the passage. Our own view rather than vis-timeline: see
 * docs/decisions/0020-timeline-view.md.
 */
export function TimelinePanel({ caseId, refresh, fail, openPassage }: Props) {
  const t = useT()
  const { intl } = useLocale()
  const client = useClient()
  const toast = useToast()
  const [events, setEvents] = useState<TimelineEvent[] | null>(null)
  /** Events in the whole timeline (its pages are loaded as asked for). */
  const [total, setTotal] = useState(0)
  const [filter, setFilter] = useState('')
  const [zoom, setZoom] = useState<'year' | 'month'>('year')
  const [version, setVersion] = useState(0)
  const added = useTimelineVersion()

  useEffect(() => {
    let live = true
    // The first page only: a library's timeline can hold hundreds of thousands of events.
    client.call('timeline.list', { ...(caseId ? { caseId } : {}), limit: TIMELINE_PAGE }).then((r) => {
      if (!live) return
      setEvents(r.items)
      setTotal(r.total)
    }, fail)
    return () => {
      live = false
    }
  }, [client, fail, caseId, refresh, version, added])

  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase()
    return (events ?? []).filter((e) => !f || e.sentence.toLowerCase().includes(f) || e.label?.toLowerCase().includes(f) || e.articleTitle.toLowerCase().includes(f))
  }, [events, filter])
  const buckets = useMemo(() => {
    const out: { key: string; label: string; monthUnknown: boolean; events: TimelineEvent[] }[] = []
    for (const e of shown) {
      const bucket = bucketOf(e, zoom, intl)
      if (out.at(-1)?.key !== bucket.key) out.push({ ...bucket, events: [] })
      out.at(-1)!.events.push(e)
    }
    return out
  }, [shown, zoom, intl])

  async function exportAs(format: 'csv' | 'markdown') {
    try {
      const file = await client.call('timeline.export', caseId ? { caseId, format } : { format })
      saveText(file.fileName, file.text, format === 'csv' ? 'text/csv' : 'text/markdown')
      toast({ text: t('cases:timeline.exported', { count: file.count, file: file.fileName }) })
    } catch (err) {
      fail(err)
    }
  }

  async function confirm(e: TimelineEvent) {
    try {
      await client.call('timeline.confirm', { id: e.id })
      setVersion((v) => v + 1)
    } catch (err) {
      fail(err)
    }
  }

  async function remove(e: TimelineEvent) {
    try {
      await client.call('timeline.delete', { id: e.id })
      setVersion((v) => v + 1)
      toast({
        text: t('cases:timeline.deleted', { date: formatEventDate(e, intl) }),
        undo: () => void client.call('timeline.restore', { id: e.id }).then(() => setVersion((v) => v + 1), fail)
      })
    } catch (err) {
      fail(err)
    }
  }

  function showMore() {
    const from = events?.length ?? 0
    client.call('timeline.list', { ...(caseId ? { caseId } : {}), offset: from, limit: TIMELINE_PAGE }).then((r) => {
      setEvents((loaded) => [...(loaded ?? []).slice(0, from), ...r.items])
      setTotal(r.total)
    }, fail)
  }

  return (
    <div className="timeline" data-testid="timeline-view">
      <h2 className="pane-title">
        {t('cases:timeline.title')} {events && <span className="count">{t('cases:timeline.count', { count: shown.length })}</span>}
      </h2>
      <div className="entity-controls">
        <input
          type="search"
          className="search-input"
          placeholder={t('cases:timeline.filterPlaceholder')}
          aria-label={t('cases:timeline.filter')}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <label className="entity-sort">
          {t('cases:timeline.groupBy')}
          <select value={zoom} onChange={(e) => setZoom(e.target.value as 'year' | 'month')} aria-label={t('cases:timeline.groupByLabel')}>
            <option value="year">{t('cases:timeline.year')}</option>
            <option value="month">{t('cases:timeline.month')}</option>
          </select>
        </label>
        <button type="button" onClick={() => void exportAs('csv')} data-testid="timeline-export-csv">
          {t('cases:timeline.exportCsv')}
        </button>
        <button type="button" onClick={() => void exportAs('markdown')}>
          {t('cases:timeline.exportMarkdown')}
        </button>
      </div>
      {events && events.length === 0 && (
        <p className="empty-hint" data-testid="timeline-empty">
          {t('cases:timeline.empty', { shortcut: 'Ctrl/⌘ Alt T' })}
        </p>
      )}
      <ol className="timeline-axis" aria-label={t('cases:timeline.axis')}>
        {buckets.map((b) => (
          <li key={b.key} className="timeline-bucket">
            <h3 className="timeline-heading">{b.monthUnknown ? t('cases:timeline.monthUnknown', { year: b.label }) : b.label}</h3>
            <ol className="timeline-events">
              {b.events.map((e) => (
                <li key={e.id} className={`timeline-event p-${e.precision}${e.confirmed ? ' confirmed' : ''}`} data-testid="timeline-event">
                  <button type="button" className="timeline-open" onClick={() => openPassage(e.articleId, e.start, e.end)}>
                    <span className="timeline-date">
                      <time dateTime={e.date}>{formatEventDate(e, intl)}</time>
                      <span className="timeline-precision">
                        {e.dateEnd ? t('cases:timeline.range', { precision: t(PRECISION_NAMES[e.precision]) }) : t(PRECISION_NAMES[e.precision])}
                      </span>
                    </span>
                    {e.label && (
                      <span className="timeline-label" translate="no">
                        {e.label}
                      </span>
                    )}
                    <span className="timeline-sentence" translate="no" dir="auto">
                      {e.sentence}
                    </span>
                    <span className="entity-meta">
                      <span translate="no">{e.articleTitle}</span>
                      {e.origin === 'analyst' ? ` · ${t('cases:timeline.addedByYou')}` : e.confirmed ? ` · ${t('cases:timeline.confirmed')}` : ''}
                    </span>
                  </button>
                  <span className="timeline-actions">
                    {!e.confirmed && (
                      <button type="button" className="icon-button" aria-label={t('cases:timeline.confirmEvent', { date: formatEventDate(e, intl) })} title={t('cases:timeline.confirm')} onClick={() => void confirm(e)}>
                        <Check size={14} aria-hidden />
                      </button>
                    )}
                    <button type="button" className="icon-button" aria-label={t('cases:timeline.deleteEvent', { date: formatEventDate(e, intl) })} title={t('cases:timeline.delete')} onClick={() => void remove(e)}>
                      <Trash2 size={14} aria-hidden />
                    </button>
                  </span>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
      {events && events.length < total && (
        <p className="empty-hint" data-testid="timeline-more">
          {filter.trim() ? t('cases:timeline.shownFiltered', { shown: events.length, total }) : t('cases:timeline.shown', { shown: events.length, total })}{' '}
          <button type="button" className="link" onClick={showMore}>
            {t('cases:timeline.showMore', { count: Math.min(TIMELINE_PAGE, total - events.length) })}
          </button>
        </p>
      )}
    </div>
  )
}
