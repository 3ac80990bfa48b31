import { describe, expect, it } from 'vitest'
import { isoDate, isJunkTitle, pickTitle } from './document-metadata'

describe('document titles', () => {
  it.each(['report_final_v3', 'Microsoft Word - Brief.docx', 'Untitled', 'about:blank', 'https://example.org/news/ports', 'brief.pdf'])('%j is no title', (title) => {
    expect(isJunkTitle(title)).toBe(true)
  })

  it('takes the first real title, after a browser named the PDF after its address', () => {
    expect(pickTitle(['about:blank', 'The river that ran dry'], 'river.pdf')).toBe('The river that ran dry')
    expect(pickTitle(['https://example.org/river', 'The river that ran dry'], 'river.pdf')).toBe('The river that ran dry')
  })

  it('keeps a title that mentions an address among its words', () => {
    expect(isJunkTitle('Why example.org moved its servers')).toBe(false)
  })

  it('reads PDF and ISO dates', () => {
    expect(isoDate("D:20240115093000+01'00'")).toBe('2024-01-15')
    expect(isoDate('2026-03-04T10:00:00Z')).toBe('2026-03-04')
  })
})
