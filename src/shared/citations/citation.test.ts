import { beforeAll, describe, expect, it } from 'vitest'
import { citeLocator, cslItem, plainCitation, provenanceNote } from './citation'
import { passage } from './test-passage'
import { createI18n, translator, type Translate } from '../i18n'

let english: Translate
beforeAll(async () => {
  english = translator(await createI18n('en'))
})

describe('citation data', () => {
  it('turns an article into a CSL item: names, source, the publisher’s day, address', () => {
    expect(cslItem(passage())).toEqual({
      id: '22222222-2222-4222-8222-222222222222',
      type: 'article-newspaper',
      title: 'Port closes after storm',
      author: [{ literal: 'Ana Silva' }, { literal: 'Tom Ek' }],
      'container-title': 'Harbour Gazette',
      issued: { 'date-parts': [[2026, 3, 1]] },
      accessed: { 'date-parts': [[2026, 3, 2]] },
      URL: 'https://example.org/port'
    })
  })

  it('keeps a date it cannot read as written, and leaves out what is missing', () => {
    const item = cslItem(passage({ author: null, source: null, publishedAt: 'Spring 2025', url: 'file:///x' }))
    expect(item).toMatchObject({ type: 'webpage', issued: { literal: 'Spring 2025' } })
    expect(item).not.toHaveProperty('author')
    expect(item).not.toHaveProperty('URL')
  })

  it('cites a PDF page by its label, an EPUB by chapter, a web page by neither', () => {
    expect(citeLocator(passage({ originalType: 'pdf', page: { page: 14, label: 'xii' } }))).toEqual({ locator: 'xii', label: 'page' })
    expect(citeLocator(passage({ originalType: 'pdf', page: { page: 14, label: null } }))).toEqual({ locator: '14', label: 'page' })
    expect(citeLocator(passage({ originalType: 'epub', chapter: 3 }))).toEqual({ locator: '3', label: 'chapter' })
    expect(citeLocator(passage())).toBeNull()
    expect(cslItem(passage({ originalType: 'pdf' })).type).toBe('document')
  })

  it('says the grade, the import day and the first 12 hex digits of the original’s hash', () => {
    expect(provenanceNote(passage(), english)).toBe('Grade B2; imported 2026-03-02; SHA-256 abcdef012345.')
    expect(provenanceNote(passage({ reliability: null, credibility: null, originalSha256: null }), english)).toBe('Ungraded; imported 2026-03-02.')
  })

  it('has a plain note with every field, for when no processor is at hand', () => {
    expect(plainCitation(passage({ page: { page: 3, label: null } }))).toBe(
      'Ana Silva and Tom Ek, “Port closes after storm”, Harbour Gazette, 2026-03-01, p. 3, https://example.org/port.'
    )
  })
})
