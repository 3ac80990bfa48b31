import { describe, expect, it } from 'vitest'
import { isoDate } from './iso-date'

describe('isoDate: one ISO form in exports', () => {
  it.each([
    ['2025-02-27T08:30:00Z', '2025-02-27'],
    ['2025-02-27T23:30:00-05:00', '2025-02-27'],
    ['2025-03-14', '2025-03-14'],
    ['2025-03', '2025-03'],
    ['2025', '2025'],
    ['spring 2025', 'spring 2025']
  ])('%s → %s', (stored, exported) => {
    expect(isoDate(stored)).toBe(exported)
  })
})
