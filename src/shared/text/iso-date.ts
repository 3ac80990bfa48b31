/**
 * The calendar date of a stored ISO 8601 value, as exports write it: a web page's timestamp
 * ("2025-02-27T08:30:00+02:00") and a bare day ("2025-03-14") both go out as YYYY-MM-DD, the day
 * as the publisher wrote it (no time zone moves it). A month or a year stays at that precision;
 * anything else goes out as stored.
 */
export function isoDate(value: string | null): string | null {
  if (value === null) return null
  const day = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}.*)?$/.exec(value)
  return day ? day[1]! : value
}
