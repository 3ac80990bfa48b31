/**
 * Dates shown one way everywhere (library, search, reader, notebook, claims, trash): formatted
 * for the analyst's locale by Intl, at the precision that was stored. Dossier stores ISO 8601
 * (a full timestamp from a web page, a day, a month or a year) and exports it as stored.
 */
const DAY: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' }
const MONTH: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long' }
const YEAR: Intl.DateTimeFormatOptions = { year: 'numeric' }

const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(locale: string | undefined, options: Intl.DateTimeFormatOptions, timeZone?: string): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}|${timeZone ?? ''}`
  let f = formatters.get(key)
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, { ...options, timeZone })))
  return f
}

/**
 * A stored ISO date for display; anything unparseable is shown as stored. A bare day, month or
 * year is a calendar date, not an instant: it is read in UTC so no time zone moves it a day.
 */
export function formatDate(value: string | null, locale?: string, timeZone?: string): string {
  if (!value) return ''
  const calendar = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value)
  if (calendar) {
    const [, y, m, d] = calendar
    const at = new Date(Date.UTC(Number(y), m ? Number(m) - 1 : 0, d ? Number(d) : 1))
    if (Number.isNaN(at.getTime())) return value
    return formatter(locale, d ? DAY : m ? MONTH : YEAR, 'UTC').format(at)
  }
  // Only an ISO timestamp: the engine's lenient parser would read "spring 2025" as 1 January.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return value
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? value : formatter(locale, DAY, timeZone).format(date)
}
