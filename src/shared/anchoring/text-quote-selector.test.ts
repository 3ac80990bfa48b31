import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CONTEXT_CHARS, quoteSelector, trimRange } from './text-quote-selector'

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff

/** Words, white space of several kinds, astral characters and stray halves of surrogate pairs. */
const text = fc.string({
  unit: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('a', 'Z', 'é', '.', '語') },
    { weight: 3, arbitrary: fc.constantFrom(' ', '\n', '\t', '\u00a0', '\u2003', '\u3000') },
    { weight: 2, arbitrary: fc.constantFrom('😀', '𝔸') },
    { weight: 1, arbitrary: fc.constantFrom('\ud83d', '\ude00') }
  ),
  maxLength: 60
})

const textWithRange = text
  .filter((t) => t.length > 0)
  .chain((t) =>
    fc
      .tuple(fc.integer({ min: 0, max: t.length }), fc.integer({ min: 0, max: t.length }))
      .filter(([a, b]) => a !== b)
      .map(([a, b]) => ({ text: t, start: Math.min(a, b), end: Math.max(a, b) }))
  )

describe('quoteSelector', () => {
  it('quotes the range with 32 characters of context each side', () => {
    const t = `${'p'.repeat(40)}EXACT${'s'.repeat(40)}`
    expect(quoteSelector(t, 40, 45)).toEqual({ exact: 'EXACT', prefix: 'p'.repeat(32), suffix: 's'.repeat(32) })
  })

  it('is the exact slice with the adjacent context, for every range', () => {
    fc.assert(
      fc.property(textWithRange, ({ text: t, start, end }) => {
        const q = quoteSelector(t, start, end)
        expect(q.exact).toBe(t.slice(start, end))
        expect(q.prefix.length).toBe(Math.min(CONTEXT_CHARS, start))
        expect(q.suffix.length).toBe(Math.min(CONTEXT_CHARS, t.length - end))
        expect(q.prefix + q.exact + q.suffix).toBe(t.slice(start - q.prefix.length, end + q.suffix.length))
      }),
      { numRuns: 500 }
    )
  })

  it.each([
    [0, 0],
    [3, 2],
    [-1, 2],
    [0, 6],
    [0.5, 2],
    [Number.NaN, 2]
  ])('refuses the range %s-%s over a 5-character text', (start, end) => {
    expect(() => quoteSelector('hello', start, end)).toThrow(RangeError)
  })
})

describe('trimRange', () => {
  it('drops white space at both ends of a selection', () => {
    expect(trimRange('  the pact \n', 0, 12)).toEqual({ start: 2, end: 10 })
    expect(trimRange('a \n\t b', 1, 5)).toBeNull()
  })

  it('widens a range that would split an emoji', () => {
    const t = 'ice 🧊 pact'
    const emoji = t.indexOf('🧊')
    expect(trimRange(t, emoji + 1, emoji + 2)).toEqual({ start: emoji, end: emoji + 2 })
    expect(trimRange(t, 0, emoji + 1)).toEqual({ start: 0, end: emoji + 2 })
  })

  it('never steps outside the text or onto white space beside a lone surrogate', () => {
    expect(trimRange('\udc00x', 0, 2)).toEqual({ start: 0, end: 2 })
    expect(trimRange(' \udc00', 0, 2)).toEqual({ start: 1, end: 2 })
    expect(trimRange('\ud800 ', 0, 2)).toEqual({ start: 0, end: 1 })
  })

  it('never starts or ends in white space, never splits a pair, and stays within the selection', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: -3, max: 70 }), fc.integer({ min: -3, max: 70 }), (t, start, end) => {
        const r = trimRange(t, start, end)
        const s0 = Math.max(0, Math.min(start, t.length))
        const e0 = Math.max(0, Math.min(end, t.length))
        const selected = s0 < e0 ? t.slice(s0, e0) : ''
        if (r === null) {
          expect(selected.trim()).toBe('')
          return
        }
        expect(0 <= r.start && r.start < r.end && r.end <= t.length).toBe(true)
        expect(t[r.start]).not.toMatch(/^\s$/u)
        expect(t[r.end - 1]).not.toMatch(/^\s$/u)
        expect(isHigh(t.charCodeAt(r.start - 1)) && isLow(t.charCodeAt(r.start))).toBe(false)
        expect(isHigh(t.charCodeAt(r.end - 1)) && isLow(t.charCodeAt(r.end))).toBe(false)
        // Only widening by one unit to complete a pair may step past what was selected.
        expect(r.start).toBeGreaterThanOrEqual(s0 - 1)
        expect(r.end).toBeLessThanOrEqual(e0 + 1)
        expect(t.slice(r.start, r.end).trim()).toBe(selected.trim().length ? t.slice(r.start, r.end) : '')
      }),
      { numRuns: 1000 }
    )
  })
})
