import { describe, expect, it } from 'vitest'
import { formatDate } from './format-date'

describe('formatDate: one way per locale, at the stored precision', () => {
  it('shows a web page’s timestamp and a bare day the same way', () => {
    expect(formatDate('2025-02-27T08:30:00Z', 'en-GB', 'UTC')).toBe('27 Feb 2025')
    expect(formatDate('2025-03-14', 'en-GB')).toBe('14 Mar 2025')
    expect(formatDate('2025-03-14', 'en-US')).toBe('Mar 14, 2025')
    expect(formatDate('2025-03-14', 'de-DE')).toBe('14. März 2025')
  })

  it('never moves a calendar day across a time zone', () => {
    expect(formatDate('2025-03-14', 'en-GB', 'America/Los_Angeles')).toBe('14 Mar 2025')
  })

  it('keeps a month or a year at that precision', () => {
    expect(formatDate('2025-03', 'en-GB')).toBe('March 2025')
    expect(formatDate('2025', 'en-GB')).toBe('2025')
  })

  it('shows what it cannot read as stored', () => {
    expect(formatDate('spring 2025', 'en-GB')).toBe('spring 2025')
    expect(formatDate(null)).toBe('')
  })
})
