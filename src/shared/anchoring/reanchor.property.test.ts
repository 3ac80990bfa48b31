import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { reanchor, reanchorAll, type AnchorSelector, type ReanchorResult } from './reanchor'
import { quoteSelector } from './text-quote-selector'

/** Words of the body text. */
const WORDS = [
  'the', 'a', 'of', 'in', 'and', 'to', 'on', 'port', 'harbour', 'ministry', 'winter', 'ice', 'ferries', 'crew', 'cargo', 'grain',
  'tanker', 'insurer', 'premium', 'schedule', 'council', 'budget', 'talks', 'pact', 'analysts', 'said', 'would', 'could', 'again',
  'quietly', 'sharply', 'northern', 'coastal', 'market', 'price', 'route', 'canal', 'terminal', 'union', 'strike', 'wages', 'storm',
  'harvest', 'morning', 'week', 'month', 'year', 'report', 'survey', 'forecast', 'growth', 'decline', 'border', 'treaty', 'summit'
]
/** Words that never occur in the body text: a passage made of them that is deleted leaves nothing like it behind. */
const FOREIGN = ['Kalniņa', 'Ozols', 'Bērziņa', 'Petraitis', 'Tamm', 'Nowak', 'Müller', 'Żółw', 'Łęczna', 'Yxkull', 'Quagmire', 'Zephyr', '1,234', '€5m']

const words = (min: number, max: number) => fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max })

/** Text as the canonical form has it: sentences, and paragraphs separated by one blank line. */
const paragraphs = (min: number, max: number) =>
  fc
    .array(fc.array(words(4, 14), { minLength: 1, maxLength: 4 }), { minLength: min, maxLength: max })
    .map((ps) => ps.map((sentences) => sentences.map((w) => `${w.join(' ')}.`).join(' ')).join('\n\n'))

function selector(text: string, start: number, end: number): AnchorSelector {
  return { ...quoteSelector(text, start, end), start, end }
}

/** Start offsets of the words of a text. */
function wordStarts(text: string): number[] {
  const starts: number[] = []
  for (let i = 0; i < text.length; i++) if (!/\s/.test(text[i]!) && (i === 0 || /\s/.test(text[i - 1]!))) starts.push(i)
  return starts
}

/** A highlight of whole words: from the word at fraction `at` of the text, `count` words on. */
function highlightOf(text: string, at: number, count: number): { start: number; end: number } {
  const starts = wordStarts(text)
  const k = Math.min(starts.length - 1, Math.floor(at * starts.length))
  const last = starts[Math.min(starts.length - 1, k + count - 1)]!
  let end = last
  while (end < text.length && !/\s/.test(text[end]!)) end++
  return { start: starts[k]!, end }
}

function copies(text: string, quote: string): number {
  let n = 0
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) n++
  return n
}

const overlap = (r: ReanchorResult, start: number, end: number) => (r.status === 'anchored' ? Math.max(0, Math.min(r.end, end) - Math.max(r.start, start)) : 0)

describe('reanchor, on random texts and random edits', () => {
  it('an edit outside a highlight never moves it off its words', () => {
    fc.assert(
      fc.property(
        paragraphs(2, 8),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.integer({ min: 1, max: 12 }),
        fc.boolean(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 60 }),
        words(0, 10),
        (text, at, count, before, where, deleteChars, inserted) => {
          const h = highlightOf(text, at, count)
          const sel = selector(text, h.start, h.end)
          // One edit, wholly before the highlight or wholly after it.
          const [lo, hi] = before ? [0, h.start] : [h.end, text.length]
          const a = lo + Math.floor(where * (hi - lo))
          const b = Math.min(hi, a + deleteChars)
          const insert = inserted.length ? `${inserted.join(' ')} ` : ''
          const edited = text.slice(0, a) + insert + text.slice(b)
          // An edit that adds a copy of the highlighted words beside them ("route" → "route route") has two right answers.
          fc.pre(copies(edited, sel.exact) <= copies(text, sel.exact))
          const shift = before ? insert.length - (b - a) : 0
          for (const r of [reanchor(edited, sel), reanchorAll(edited, [sel])[0]!]) {
            expect(r.status).toBe('anchored')
            if (r.status !== 'anchored') return
            expect(edited.slice(r.start, r.end)).toBe(sel.exact)
            expect(r.start).toBe(h.start + shift)
          }
        }
      ),
      { numRuns: 300 }
    )
  })

  it('an edit of up to 10% inside a long quote still finds the passage', () => {
    fc.assert(
      fc.property(
        paragraphs(3, 8),
        fc.double({ min: 0, max: 0.8, noNaN: true }),
        fc.array(fc.record({ at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), kind: fc.constantFrom('replace', 'insert', 'delete'), letter: fc.constantFrom('x', 'q', 'e', ' ', 'é') }), { minLength: 1, maxLength: 8 }),
        words(0, 20),
        (text, at, edits, preface) => {
          const h = highlightOf(text, at, 30)
          fc.pre(h.end - h.start >= 60)
          const sel = selector(text, h.start, h.end)
          // Character edits strictly inside the quote, at most 10% of it; then words before it, elsewhere.
          let quote = sel.exact
          for (const e of edits.slice(0, Math.floor(sel.exact.length * 0.1))) {
            const i = 1 + Math.floor(e.at * (quote.length - 2))
            quote = e.kind === 'replace' ? quote.slice(0, i) + e.letter + quote.slice(i + 1) : e.kind === 'insert' ? quote.slice(0, i) + e.letter + quote.slice(i) : quote.slice(0, i) + quote.slice(i + 1)
          }
          const intro = preface.length ? `${preface.join(' ')}.\n\n` : ''
          const edited = intro + text.slice(0, h.start) + quote + text.slice(h.end)
          const start = intro.length + h.start
          const end = start + quote.length
          for (const r of [reanchor(edited, sel), reanchorAll(edited, [sel])[0]!]) {
            expect(r.status).toBe('anchored')
            if (r.status !== 'anchored') return
            expect(overlap(r, start, end) / quote.length).toBeGreaterThanOrEqual(0.9)
            expect(r.end - r.start).toBeLessThanOrEqual(Math.ceil(quote.length * 1.1))
          }
        }
      ),
      { numRuns: 300 }
    )
  })

  it('a deleted passage yields an orphan, never a wrong match', () => {
    fc.assert(
      fc.property(
        paragraphs(1, 6),
        paragraphs(1, 6),
        fc.array(fc.constantFrom(...FOREIGN), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        (before, after, passage, wordsBefore, wordsAfter) => {
          const quote = passage.join(' ')
          const text = `${before} ${quote} ${after}`
          const start = before.length + 1
          const sel = selector(text, start, start + quote.length)
          // The passage goes, with up to three words either side of it.
          const b = wordStarts(before)
          const cutFrom = wordsBefore && b.length ? b[Math.max(0, b.length - wordsBefore)]! : start
          const a = wordStarts(after).map((s) => s + start + quote.length + 1)
          const cutTo = wordsAfter && a.length ? a[Math.min(a.length - 1, wordsAfter)]! : start + quote.length + 1
          const edited = text.slice(0, cutFrom) + text.slice(cutTo)
          expect(reanchor(edited, sel).status).toBe('orphaned')
          expect(reanchorAll(edited, [sel])[0]!.status).toBe('orphaned')
        }
      ),
      { numRuns: 300 }
    )
  })

  it('a repeated phrase re-anchors to the occurrence whose context matches', () => {
    fc.assert(
      fc.property(
        fc.array(paragraphs(1, 2), { minLength: 3, maxLength: 6 }),
        fc.array(fc.constantFrom('customs', 'inspection', 'licence', 'freight', 'railway', 'container'), { minLength: 2, maxLength: 5 }),
        fc.nat(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        words(1, 15),
        (chunks, phraseWords, which, where, inserted) => {
          // The same phrase between every pair of chunks, each copy in its own context.
          const phrase = phraseWords.join(' ')
          const text = chunks.join(` ${phrase} `)
          const starts: number[] = []
          for (let i = text.indexOf(phrase); i !== -1; i = text.indexOf(phrase, i + 1)) starts.push(i)
          const sels = starts.map((s) => selector(text, s, s + phrase.length))
          const k = which % sels.length
          // An edit elsewhere: words inserted at least 40 characters away from the chosen copy.
          const candidates = [...Array(text.length + 1).keys()].filter((i) => Math.abs(i - starts[k]!) > 40 + phrase.length && (i === 0 || text[i - 1] === ' '))
          fc.pre(candidates.length > 0)
          const at = candidates[Math.floor(where * (candidates.length - 1))]!
          const insert = `${inserted.join(' ')} `
          const edited = text.slice(0, at) + insert + text.slice(at)
          const expected = starts[k]! + (at <= starts[k]! ? insert.length : 0)
          const one = reanchor(edited, sels[k]!)
          const all = reanchorAll(edited, sels)[k]!
          for (const r of [one, all]) {
            expect(r).toMatchObject({ status: 'anchored', start: expected, end: expected + phrase.length, needsReview: false })
          }
        }
      ),
      { numRuns: 300 }
    )
  })
})

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff

describe('reanchor, on any text', () => {
  it('never splits a surrogate pair in CJK and emoji text, whatever the edit', () => {
    const unit = fc.constantFrom('港', '湾', '局', 'は', '「', '」', '。', '𠮷', '野', '家', '😀', '🚢', '🌊', ' ', 'a', 'é', '\n\n')
    const cjk = fc.array(unit, { minLength: 20, maxLength: 300 }).map((u) => u.join(''))
    fc.assert(
      fc.property(cjk, fc.nat(), fc.nat(), fc.nat(), fc.nat(), fc.array(unit, { maxLength: 10 }), (text, s, len, a, del, ins) => {
        // Ranges and edits by code point, as the app makes them.
        const points = Array.from(text)
        const from = s % points.length
        const to = Math.min(points.length, from + 1 + (len % 20))
        const start = points.slice(0, from).join('').length
        const end = points.slice(0, to).join('').length
        const sel = selector(text, start, end)
        const at = a % (points.length + 1)
        const edited = [...points.slice(0, at), ...ins, ...points.slice(Math.min(points.length, at + (del % 8)))].join('')
        for (const r of [reanchor(edited, sel), ...reanchorAll(edited, [sel, selector(text, 0, points[0]!.length)])]) {
          if (r.status !== 'anchored') continue
          expect(r.start).toBeGreaterThanOrEqual(0)
          expect(r.end).toBeGreaterThan(r.start)
          expect(r.end).toBeLessThanOrEqual(edited.length)
          expect(isLow(edited.charCodeAt(r.start)) && isHigh(edited.charCodeAt(r.start - 1))).toBe(false)
          expect(isLow(edited.charCodeAt(r.end)) && isHigh(edited.charCodeAt(r.end - 1))).toBe(false)
        }
      }),
      { numRuns: 400 }
    )
  })

  it('never throws, and always answers in range, for any text and any selector', () => {
    const number = fc.oneof(fc.integer({ min: -10, max: 400 }), fc.double(), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1e12, 2 ** 40))
    const anySelector = fc.record({ exact: fc.string({ unit: 'binary', maxLength: 80 }), prefix: fc.string({ unit: 'binary', maxLength: 40 }), suffix: fc.string({ unit: 'binary', maxLength: 40 }), start: number, end: number })
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.array(anySelector, { maxLength: 4 }), (text, sels) => {
        const results = [...sels.map((sel) => reanchor(text, sel)), ...reanchorAll(text, sels)]
        for (const r of results) {
          expect(r.confidence).toBeGreaterThanOrEqual(0)
          expect(r.confidence).toBeLessThanOrEqual(1)
          if (r.status === 'anchored') {
            expect(0 <= r.start && r.start < r.end && r.end <= text.length).toBe(true)
            expect(r.needsReview).toBe(r.confidence < 0.9)
          } else expect(r).toEqual({ status: 'orphaned', confidence: 0, method: 'none', needsReview: true })
        }
      }),
      { numRuns: 400 }
    )
  })
})
