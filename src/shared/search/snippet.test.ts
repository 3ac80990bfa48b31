import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { boundaryAfter, boundaryBefore } from './graphemes'
import { parseQuery } from './parse-query'
import { makeSnippet, matchRanges } from './snippet'

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
const boundaries = (text: string) => new Set([...segmenter.segment(text)].map((s) => s.index).concat(text.length))
const snippetText = (s: ReturnType<typeof makeSnippet>) => s.parts.map((p) => p.text).join('')

/** Pieces of text where a cut or a mark could fall inside what a reader sees as one character. */
const PIECES = [
  'port',
  'harbour',
  'café',
  'cafe\u0301', // e + combining acute
  'Ελλάδα',
  'ᄒ\u1161\u11ab', // Hangul syllable written as jamo
  '한국',
  '👩\u200d👩\u200d👧', // family: a ZWJ sequence
  '👍🏽', // skin tone modifier
  '🇯🇵', // flag: two regional indicators
  '❤\ufe0f',
  '𠮷野家', // a Han character outside the BMP
  '東京都',
  'タンカー',
  'क्षि', // Devanagari conjunct with virama
  '\u0600١٢', // Arabic number sign (prepended)
  '。',
  '、',
  ' ',
  ' '
]
const text = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 120 }).map((p) => p.join('').replace(/ {2,}/g, ' '))
const queryWord = fc.constantFrom('port', 'cafe', 'café', '東京', '京', 'タンカー', '한국', '野家', 'Ελλάδα', 'क्षि')

describe('grapheme boundaries', () => {
  it('agree with Intl.Segmenter at every position of any text', () => {
    fc.assert(
      fc.property(text, (t) => {
        const truth = boundaries(t)
        for (let i = 0; i <= t.length; i++) {
          const before = boundaryBefore(t, i)
          const after = boundaryAfter(t, i)
          expect(truth.has(before) && truth.has(after)).toBe(true)
          expect(before <= i && i <= after).toBe(true)
          if (truth.has(i)) expect([before, after]).toEqual([i, i])
        }
      }),
      { numRuns: 100 }
    )
  })
})

describe('snippets and marks', () => {
  it('never cut or mark inside a grapheme cluster', () => {
    fc.assert(
      fc.property(text, queryWord, fc.integer({ min: 10, max: 200 }), (t, word, maxChars) => {
        const ranges = matchRanges(t, parseQuery(word))
        const truth = boundaries(t)
        for (const r of ranges) expect(truth.has(r.start) && truth.has(r.end), `${r.start}-${r.end}`).toBe(true)
        const snippet = makeSnippet(t, ranges, maxChars)
        const shown = snippetText(snippet)
        // The snippet is a run of whole clusters of the text...
        const at = [...truth].find((b) => t.startsWith(shown, b) && truth.has(b + shown.length))
        expect(at, JSON.stringify(shown)).toBeDefined()
        // ...and no cluster straddles a marked and an unmarked part.
        const inside = boundaries(shown)
        let offset = 0
        for (const part of snippet.parts) {
          expect(inside.has(offset)).toBe(true)
          offset += part.text.length
        }
      }),
      { numRuns: 300 }
    )
  })

  it('start a long snippet on a whole emoji, not half of one', () => {
    const family = '👩\u200d👩\u200d👧'
    const snippet = makeSnippet(`${family.repeat(30)}port`, [{ start: 30 * family.length, end: 30 * family.length + 4 }])
    expect(snippet.cutBefore).toBe(true)
    expect(snippetText(snippet).startsWith(family)).toBe(true)
  })

  it('mark the accent of a decomposed letter with the word', () => {
    const t = 'Le cafe\u0301 du port'
    const ranges = matchRanges(t, parseQuery('cafe'))
    expect(makeSnippet(t, ranges).parts.filter((p) => p.match).map((p) => p.text)).toEqual(['cafe\u0301'])
  })

  it('start a Chinese or Japanese snippet after a full-width stop when there is one', () => {
    const t = '上海港集装箱运价本周上涨了百分之十二。'.repeat(6) + '多家航运公司宣布船舶绕行好望角。'
    const snippet = makeSnippet(t, matchRanges(t, parseQuery('好望角')), 60)
    // The match is 20 characters in; the sentence before it ends 12 characters before the match.
    expect(snippetText(snippet).startsWith('多家航运')).toBe(true)
    expect(snippet.parts.filter((p) => p.match).map((p) => p.text)).toEqual(['好望角'])
  })
})
