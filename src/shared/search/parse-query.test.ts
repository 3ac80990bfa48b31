import Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { ftsMatch } from './fts-match'
import { asTyped, parseQuery, periodBounds } from './parse-query'

const match = (input: string) => ftsMatch(parseQuery(input))

describe('parseQuery', () => {
  it('ands words and keeps "phrases" together', () => {
    expect(match('port "grain corridor" strike')).toBe('"port" AND "grain corridor" AND "strike"')
  })

  it('marks prefixes, joins OR alternatives and excludes -words', () => {
    expect(match('insur* tanker OR ferry -storm -"ice age"')).toBe('("insur"* AND ("tanker" OR "ferry")) NOT ("storm" OR "ice age")')
  })

  it('reads filters, and quoted filter values', () => {
    const q = parseQuery('grain tag:#baltic label:Claim source:"Financial Times" author:roe in:highlights before:2024-03 after:2023')
    expect(q.clauses).toEqual([[{ words: ['grain'], prefix: false }]])
    expect(q.filters).toEqual({
      tags: ['baltic'],
      labels: ['Claim'],
      sources: ['Financial Times'],
      authors: ['roe'],
      kinds: ['highlights'],
      before: '2024-03-01',
      after: '2024-01-01',
      cases: [],
      reliability: null,
      credibility: null,
      ungraded: false,
      entities: []
    })
  })

  it('reads case:"Name", reliability:A-B, credibility:1-2 and ungraded', () => {
    const q = parseQuery('levy case:"Gold and armed groups" reliability:a-b credibility:2–1 ungraded')
    expect(q.clauses).toEqual([[{ words: ['levy'], prefix: false }]])
    expect(q.filters).toMatchObject({ cases: ['Gold and armed groups'], reliability: ['A', 'B'], credibility: [1, 2], ungraded: true })
    // Two ranges narrow to what both allow.
    expect(parseQuery('reliability:A-C reliability:B-F').filters.reliability).toEqual(['B', 'C'])
    expect(parseQuery('credibility:1-3 credibility:3-6').filters.credibility).toEqual([3])
  })

  it('searches a malformed grade or a quoted "ungraded" as words, never failing', () => {
    expect(parseQuery('reliability:Z').filters.reliability).toBeNull()
    expect(match('reliability:Z')).toBe('"reliability Z"')
    expect(parseQuery('credibility:7').filters.credibility).toBeNull()
    expect(match('"ungraded"')).toBe('"ungraded"')
    expect(parseQuery('"ungraded"').filters.ungraded).toBe(false)
  })

  it('searches malformed filters as words instead of failing', () => {
    expect(match('in:everything before:yesterday after:2024-13 tag:')).toBe('"in everything" AND "before yesterday" AND "after 2024 13" AND "tag"')
  })

  it('turns FTS5 syntax and SQL into literal words', () => {
    expect(match('NEAR(a b) title:x ^start "a" + b')).toBe('"NEAR a" AND "b" AND "title x" AND "start" AND "a" AND "b"')
    expect(match(`'); DROP TABLE articles; --`)).toBe('"DROP" AND "TABLE" AND "articles"')
  })

  it('drops what holds no word: lone operators, brackets, stars, emoji', () => {
    for (const input of ['', '   ', '(', ')', '*', '-', '"', 'OR', 'AND', 'OR OR', '🙂', '"🙂"*', '- * ( ) "']) {
      expect(match(input), JSON.stringify(input)).toBeNull()
    }
  })

  it('keeps an unclosed quote as a phrase to the end', () => {
    expect(match('"grain corridor')).toBe('"grain corridor"')
  })

  it('treats a leading or trailing OR as nothing', () => {
    expect(match('OR grain OR')).toBe('"grain"')
  })

  it('searches CJK terms as prefixes, since unicode61 indexes a run of them as one token', () => {
    expect(match('東京')).toBe('"東京"*')
  })

  it('reads years, months and days as periods', () => {
    expect(periodBounds('2024')).toEqual({ start: '2024-01-01', next: '2025-01-01' })
    expect(periodBounds('2024-02')).toEqual({ start: '2024-02-01', next: '2024-03-01' })
    expect(periodBounds('2024-02-29')).toEqual({ start: '2024-02-29', next: '2024-03-01' })
    expect(periodBounds('2023-02-29')).toBeNull()
  })
})

describe('any input string gives a query FTS5 accepts', () => {
  const db = new Database(':memory:')
  db.exec(`CREATE VIRTUAL TABLE t USING fts5(body, tokenize='unicode61 remove_diacritics 2');
           INSERT INTO t (body) VALUES ('grain corridor near the port'), ('東京都の天気'), ('Café au lait');`)
  const search = db.prepare('SELECT count(*) AS n FROM t WHERE t MATCH ?')
  afterAll(() => db.close())

  /** Pieces of syntax, ours and FTS5's, mixed with any text: the inputs most likely to break. */
  const syntax = fc.constantFrom('"', '*', '-', '(', ')', 'OR', 'AND', 'NOT', 'NEAR', 'NEAR(', ':', '^', '+', '{', '}', 'tag:', 'in:', 'before:', "'", ';', '--', '🙂', '東京', 'é', '\u0000', '\n')
  const input = fc.array(fc.oneof(syntax, fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom(' ')), { maxLength: 24 }).map((parts) => parts.join(''))

  it('never throws and never yields an expression FTS5 rejects', () => {
    fc.assert(
      fc.property(input, (text) => {
        const expression = match(text)
        if (expression !== null) search.get(expression)
      }),
      { numRuns: 2000 }
    )
  })

  it('finds accented words without their accents, and CJK runs by their beginning', () => {
    expect(search.get(match('cafe')!)).toEqual({ n: 1 })
    expect(search.get(match('東京')!)).toEqual({ n: 1 })
  })
})

describe('asTyped', () => {
  it('searches the word being typed as a prefix, and leaves phrases, filters and operators alone', () => {
    expect(asTyped('grain corr')).toBe('grain corr*')
    expect(asTyped('grain ')).toBe('grain ')
    expect(asTyped('"grain corr')).toBe('"grain corr')
    expect(asTyped('tag:balt')).toBe('tag:balt')
    expect(asTyped('grain -sto')).toBe('grain -sto')
    expect(asTyped('grain OR')).toBe('grain OR')
    expect(asTyped('東京')).toBe('東京*')
  })
})
