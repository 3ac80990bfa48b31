import { describe, expect, it } from 'vitest'
import { bylineAuthor, bylineExtras } from './byline'

describe('bylineAuthor', () => {
  it.each([
    ['By Jane Doe', 'Jane Doe'],
    ['By Jane Doe, Staff writer', 'Jane Doe'],
    ['By Jane Doe and John Roe', 'Jane Doe and John Roe'],
    ['By Jane Doe & John Roe, Reuters', 'Jane Doe & John Roe'],
    ['By Jane Doe, John Roe and Mari Tamm', 'Jane Doe, John Roe and Mari Tamm'],
    ['BY JANE DOE', 'JANE DOE'],
    ['by Jane Doe — Special correspondent', 'Jane Doe'],
    ['By Jane Doe Staff Writer', 'Jane Doe'],
    ['By Jane Doe in Tallinn', 'Jane Doe'],
    ['By Ludwig van Beethoven', 'Ludwig van Beethoven'],
    ['By J. R. Doe', 'J. R. Doe'],
    ['Written by Anna Bērziņa', 'Anna Bērziņa'],
    ['By Reuters', 'Reuters'],
    ['By Jane Doe | 3 Nov 2026', 'Jane Doe']
  ])('%j → %j', (line, author) => {
    expect(bylineAuthor(line)).toBe(author)
  })

  it.each([
    'By Monday, the ministry had agreed.',
    'By the end of the week both sides were back at the table in Riga.',
    'By Christmas',
    'By then',
    'By far the largest port in the region',
    'Bystanders watched the ferry dock',
    'Jane Doe, Staff writer'
  ])('%j is no byline', (line) => {
    expect(bylineAuthor(line)).toBeNull()
  })

  it('gives what follows the names on the line', () => {
    expect(bylineExtras('By Jane Doe | Reuters | 3 Nov 2026')).toEqual(['Reuters', '3 Nov 2026'])
  })
})
