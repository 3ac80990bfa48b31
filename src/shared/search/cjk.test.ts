import Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { hasCjk, sideFtsTerm, sideIndexText, sideTermRanges, sideTokens, withoutCjk } from './cjk'
import { ftsMatch } from './fts-match'
import { parseQuery } from './parse-query'

const term = (q: string) => parseQuery(q).clauses[0]![0]!

describe('the CJK side index', () => {
  it('writes each character of a run with the next one, the last alone, and Latin words as they are', () => {
    expect(sideIndexText('東京都の天気')).toBe('東京 京都 都の の天 天気 気')
    expect(sideIndexText('トヨタ自動車はEV向け、2027年')).toBe('トヨ ヨタ タ自 自動 動車 車は は EV 向け け 2027 年')
    expect(sideIndexText('Port officials')).toBe('Port officials')
  })

  it('looks for a word as a phrase of bigrams, and a single character as the prefix of one', () => {
    expect(sideFtsTerm(term('運価'))).toBe('"運価"')
    expect(sideFtsTerm(term('集装箱'))).toBe('"集装 装箱"')
    expect(sideFtsTerm(term('港'))).toBe('"港"*')
    expect(sideFtsTerm(term('EV向け'))).toBe('"EV 向け"')
    expect(sideFtsTerm(term('"東京 タワー"'))).toBe('"東京 京 タワ ワー"')
    expect(sideFtsTerm(term('tank*'))).toBe('"tank"*')
  })

  it('tells CJK text from the rest', () => {
    expect(hasCjk('Müller, Москва, القاهرة')).toBe(false)
    expect(['東', 'か', 'カ', 'ｶ', '한', '𠮷', '々'].every(hasCjk)).toBe(true)
    // Punctuation of those blocks is not a word.
    expect(hasCjk('、。・「」')).toBe(false)
  })

  it('keeps Latin alternatives for rows without CJK, or says none can match', () => {
    expect(withoutCjk(parseQuery('tanker OR タンカー -東京'))!.clauses).toEqual([[{ words: ['tanker'], prefix: false }]])
    expect(withoutCjk(parseQuery('tanker OR タンカー -東京'))!.excluded).toEqual([])
    expect(withoutCjk(parseQuery('tanker 東京'))).toBeNull()
  })

  const db = new Database(':memory:')
  afterAll(() => db.close())
  db.exec(`CREATE VIRTUAL TABLE t USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2')`)
  const insert = db.prepare('INSERT INTO t (rowid, body) VALUES (?, ?)')
  const find = db.prepare<[string], { rowid: number }>('SELECT rowid FROM t WHERE t MATCH ?')

  // A small alphabet so that queries often occur in the texts, with separators between runs.
  const cjkChar = fc.constantFrom('東', '京', '都', '港', 'の', 'タ', 'ー', '𠮷', '한')
  const piece = fc.oneof({ arbitrary: cjkChar, weight: 8 }, { arbitrary: fc.constantFrom('、', '。', ' ', 'EV', '5', '「'), weight: 2 })
  const text = fc.array(piece, { minLength: 1, maxLength: 30 }).map((p) => p.join(''))
  const query = fc.array(cjkChar, { minLength: 1, maxLength: 5 }).map((c) => c.join(''))

  it('finds a row exactly when a CJK word occurs in it, wherever it stands in a run (real FTS5)', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 8 }), query, (texts, q) => {
        db.exec(`INSERT INTO t (t) VALUES ('delete-all')`)
        texts.forEach((body, i) => insert.run(i + 1, sideIndexText(body)))
        const match = ftsMatch(parseQuery(q), sideFtsTerm)!
        const found = find.all(match).map((r) => r.rowid - 1)
        const expected = texts.flatMap((body, i) => (body.includes(q) ? [i] : []))
        expect(found.sort((a, b) => a - b)).toEqual(expected)
        // And the snippet marks exactly the occurrences.
        for (const body of texts) {
          const marked = sideTermRanges(sideTokens(body), term(q)).map((r) => body.slice(r.start, r.end))
          expect(marked.every((m) => m === q)).toBe(true)
          expect(marked.length > 0).toBe(body.includes(q))
        }
      }),
      { numRuns: 300 }
    )
  })
})
