import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { isoDate } from './html-date'
import { author, jsonLdArticle, languageTag, readMetadata } from './html-metadata'

const page = (head: string, body = '') => new JSDOM(`<html><head>${head}</head><body>${body}</body></html>`).window.document

describe('jsonLdArticle', () => {
  const ld = (json: unknown) => page(`<script type="application/ld+json">${JSON.stringify(json)}</script>`)

  it('reads author as a string, an object, or a list', () => {
    expect(jsonLdArticle(ld({ '@type': 'Article', author: 'Jane Roe' })).author).toBe('Jane Roe')
    expect(jsonLdArticle(ld({ '@type': 'BlogPosting', author: { '@type': 'Person', name: 'Jane Roe' } })).author).toBe('Jane Roe')
    expect(jsonLdArticle(ld({ '@type': 'NewsArticle', author: [{ name: 'A B' }, 'C D', { name: 'A B' }] })).author).toBe('A B, C D')
  })

  it('follows @graph and @id references and reads the other fields', () => {
    const got = jsonLdArticle(
      ld({
        '@graph': [
          { '@type': 'Organization', '@id': '#org', name: 'Ledger' },
          { '@type': ['ReportageNewsArticle'], headline: 'H', publisher: { '@id': '#org' }, datePublished: '2026-01-02', url: 'https://e.org/a', inLanguage: 'lv' }
        ]
      })
    )
    expect(got).toMatchObject({ headline: 'H', publisher: 'Ledger', datePublished: '2026-01-02', url: 'https://e.org/a', inLanguage: 'lv' })
  })

  it('skips JSON-LD that is not JSON, and never runs it', () => {
    const doc = page('<script type="application/ld+json">{"@type":"Article", "headline": (globalThis.PWNED = 1)}</script>')
    expect(jsonLdArticle(doc).headline).toBeNull()
    expect((globalThis as { PWNED?: number }).PWNED).toBeUndefined()
  })
})

describe('readMetadata', () => {
  it('reads a journal page: every citation_author as the name is said, and its DOI as its address', () => {
    const meta = readMetadata(
      page(
        '<meta name="citation_title" content="Port automation and labour disputes"><meta name="citation_author" content="Okonkwo, Adaeze"><meta name="citation_author" content="Lindqvist, Erik"><meta name="citation_author" content="Jean-Paul Martin"><meta name="citation_doi" content="10.5555/jmp.2025.0142">'
      )
    )
    expect(meta.author).toBe('Adaeze Okonkwo, Erik Lindqvist, Jean-Paul Martin')
    expect(meta.url).toBe('https://doi.org/10.5555/jmp.2025.0142')
  })

  it('keeps the page’s own address before its DOI, and ignores a DOI that is none', () => {
    expect(readMetadata(page('<link rel="canonical" href="https://j.example/a/142"><meta name="citation_doi" content="10.5555/x">')).url).toBe('https://j.example/a/142')
    expect(readMetadata(page('<meta name="citation_doi" content="javascript:alert(1)">')).url).toBeNull()
  })

  it('prefers Open Graph, then JSON-LD, and keeps only http(s) URLs', () => {
    const meta = readMetadata(
      page(
        '<title>T | Site</title><meta property="og:title" content=" OG  title "><meta name="author" content="https://facebook.com/x"><meta name="DC.creator" content="By Jane Roe · 3 Nov"><link rel="Canonical shortlink" href="javascript:alert(1)"><meta property="og:url" content="https://e.org/og"><meta property="og:locale" content="lv_LV">'
      )
    )
    expect(meta).toMatchObject({ title: 'OG title', documentTitle: 'T | Site', author: 'Jane Roe', url: 'https://e.org/og', language: 'lv-LV' })
  })

  it('falls back to <time datetime> for the date', () => {
    expect(readMetadata(page('', '<article><time datetime="2026-02-03T10:00:00Z">3 Feb</time></article>')).publishedAt).toBe('2026-02-03T10:00:00Z')
  })
})

describe('isoDate', () => {
  it.each([
    ['2026-11-03', '2026-11-03'],
    ['2026-11-03T08:00:00+02:00', '2026-11-03T08:00:00+02:00'],
    ['2026-11-03 08:00', '2026-11-03T08:00'],
    ['Tue, 03 Nov 2026 08:00:00 GMT', '2026-11-03T08:00:00Z'],
    ['November 3, 2026', '2026-11-03'],
    ['2026/03/04', '2026-03-04'],
    ['2026-02-30', null],
    ['Monday', null],
    ['', null]
  ])('%s → %s', (input, expected) => {
    expect(isoDate(input)).toBe(expected)
  })
})

describe('author and languageTag', () => {
  it('cleans names and tags', () => {
    expect(author('By Jane Roe | Reuters')).toBe('Jane Roe')
    expect(author('www.example.com/jane')).toBeNull()
    expect(languageTag('EN-gb')).toBe('en-GB')
    expect(languageTag('not a tag')).toBeNull()
  })
})
