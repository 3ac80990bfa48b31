import type { ChannelOutput } from '../../../shared/contract'
import type { MessageKey } from '../../../shared/i18n'

export type TimelineEvent = ChannelOutput<'timeline.list'>['items'][number]

const FORMATS: Readonly<Record<'day' | 'month' | 'year', Intl.DateTimeFormatOptions>> = {
  day: { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' },
  month: { year: 'numeric', month: 'short', timeZone: 'UTC' },
  year: { year: 'numeric', timeZone: 'UTC' }
}

const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(intl: string, precision: keyof typeof FORMATS): Intl.DateTimeFormat {
  const key = `${intl}|${precision}`
  let f = formatters.get(key)
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(intl, FORMATS[precision])))
  return f
}

/**
 * One ISO date at its precision, as the interface's language writes it ("Mar 12, 2025",
 * "12 mars 2025", "2025年3月12日"; a month or a year alone). A calendar date, read in UTC so no
 * time zone moves it a day; anything else is shown as stored.
 */
function one(iso: string, intl: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso)
  if (!m) return iso
  const [, y, mo, d] = m
  const at = new Date(Date.UTC(Number(y), mo ? Number(mo) - 1 : 0, d ? Number(d) : 1))
  if (Number.isNaN(at.getTime())) return iso
  at.setUTCFullYear(Number(y))
  return formatter(intl, d ? 'day' : mo ? 'month' : 'year').format(at)
}

/** An event's date, a range with an en dash; the precision is in the form itself. */
export function formatEventDate(e: Pick<TimelineEvent, 'date' | 'dateEnd'>, intl: string): string {
  return e.dateEnd && e.dateEnd !== e.date ? `${one(e.date, intl)} – ${one(e.dateEnd, intl)}` : one(e.date, intl)
}

export const PRECISION_NAMES: Readonly<Record<TimelineEvent['precision'], MessageKey>> = {
  day: 'cases:timeline.precision.day',
  month: 'cases:timeline.precision.month',
  year: 'cases:timeline.precision.year'
}

/** The heading an event sits under at a zoom: its year, or its year and month; null when the month is unknown. */
export function bucketOf(e: Pick<TimelineEvent, 'date'>, zoom: 'year' | 'month', intl: string): { key: string; label: string; monthUnknown: boolean } {
  if (zoom === 'year' || e.date.length < 7) {
    const year = e.date.slice(0, 4)
    return { key: zoom === 'year' ? year : `${year}-?`, label: one(year, intl), monthUnknown: zoom === 'month' }
  }
  return { key: e.date.slice(0, 7), label: one(e.date.slice(0, 7), intl), monthUnknown: false }
}
