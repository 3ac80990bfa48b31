import { isoFromDateText } from '../../../shared/cleaning/date-text'

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i

function validDay(y: number, m: number, d: number): boolean {
  if (y < 1000 || m < 1 || m > 12 || d < 1) return false
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate()
}

/**
 * A page's date as ISO 8601: YYYY-MM-DD, or a full date-time when the page gives the time. An
 * ISO value is kept as written (its offset is the publisher's local time, which says more than
 * UTC would); "Tue, 03 Nov 2026 08:00:00 GMT" and "November 3, 2026" are converted; anything
 * without a certain year, month and day is no date at all.
 */
export function isoDate(value: string | null | undefined): string | null {
  const text = value?.trim()
  if (!text || text.length > 100) return null
  const date = ISO_DATE.exec(text)
  if (date) return validDay(+date[1]!, +date[2]!, +date[3]!) ? text : null
  const dt = ISO_DATE_TIME.exec(text)
  if (dt) {
    if (!validDay(+dt[1]!, +dt[2]!, +dt[3]!) || +dt[4]! > 23 || +dt[5]! > 59 || +(dt[6] ?? 0) > 59) return null
    return text.replace(' ', 'T').replace(/\s+/g, '')
  }
  // RFC 1123 ("Tue, 03 Nov 2026 08:00:00 GMT") carries its own zone: read it exactly.
  if (/^[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}(:\d{2})? (GMT|UTC|[+-]\d{4})$/.test(text)) {
    const ms = Date.parse(text)
    if (!Number.isNaN(ms)) return new Date(ms).toISOString().replace('.000Z', 'Z')
  }
  return isoFromDateText(text)
}
