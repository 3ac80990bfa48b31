import type { ChannelOutput } from '../../../shared/contract'

export type TimelineEvent = ChannelOutput<'timeline.list'>['items'][number]

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** One ISO date at its precision as a reader says it: "12 Mar 2025", "Mar 2025", "2025". */
function one(iso: string): string {
  const [y, m, d] = iso.split('-')
  if (!m) return y!
  const month = MONTHS[Number(m) - 1] ?? m
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`
}

/** An event's date, a range with an en dash; the precision is in the form itself. */
export function formatEventDate(e: Pick<TimelineEvent, 'date' | 'dateEnd'>): string {
  return e.dateEnd && e.dateEnd !== e.date ? `${one(e.date)} – ${one(e.dateEnd)}` : one(e.date)
}

export const PRECISION_NAMES: Record<TimelineEvent['precision'], string> = { day: 'day', month: 'month', year: 'year' }

/** The heading an event sits under at a zoom: its year, or its year and month. */
export function bucketOf(e: Pick<TimelineEvent, 'date'>, zoom: 'year' | 'month'): string {
  return zoom === 'year' ? e.date.slice(0, 4) : e.date.length >= 7 ? one(e.date.slice(0, 7)) : `${e.date.slice(0, 4)} (month unknown)`
}
