import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anchoredDistance, commonPrefixContext, commonSuffixContext, ContextSide } from './context-similarity'
import { CONTEXT_CHARS } from './text-quote-selector'

/** A small alphabet, so random strings share characters as prose does, plus astral and CJK characters. */
const chars = fc.constantFrom('a', 'b', 'c', ' ', '.', '\n', 'é', '語', '😀')
const str = (maxLength: number) => fc.array(chars, { maxLength }).map((a) => a.join(''))

/** The similarity by dynamic programming on explicit strings: what ContextSide must compute. */
function reference(stored: string, side: 'prefix' | 'suffix', text: string, at: number): number {
  const edged = stored.length < CONTEXT_CHARS
  const pattern = side === 'prefix' ? (edged ? '\0' + stored : stored) : edged ? stored + '\0' : stored
  const reach = pattern.length + Math.ceil(pattern.length / 4) + 2
  if (side === 'prefix') {
    const from = at - reach
    return 1 - anchoredDistance(pattern, from <= 0 ? '\0' + text.slice(0, at) : text.slice(from, at), true) / pattern.length
  }
  const to = at + reach
  return 1 - anchoredDistance(pattern, to >= text.length ? text.slice(at) + '\0' : text.slice(at, to), false) / pattern.length
}

describe('anchoredDistance', () => {
  it('counts the edits between a pattern and text that starts where it does', () => {
    expect(anchoredDistance('abc', 'abc', false)).toBe(0)
    expect(anchoredDistance('abc', 'abcdef', false)).toBe(0)
    expect(anchoredDistance('abc', 'xabc', false)).toBe(1)
    expect(anchoredDistance('abc', 'zzabc', true)).toBe(0)
    expect(anchoredDistance('abc', '', false)).toBe(3)
  })
})

describe('ContextSide', () => {
  it('agrees fully with the context it was cut from, and a prefix at the very start only there', () => {
    const text = 'The harbour froze early this winter, and the ferries stopped running.'
    const at = text.indexOf('ferries')
    const prefix = new ContextSide(text.slice(at - CONTEXT_CHARS, at), 'prefix')
    expect(prefix.similarity(text, at)).toBe(1)
    const atStart = new ContextSide('', 'prefix')
    expect(atStart.similarity(text, 0)).toBe(1)
    expect(atStart.similarity(text, 4)).toBe(0)
    const atEnd = new ContextSide('', 'suffix')
    expect(atEnd.similarity(text, text.length)).toBe(1)
  })

  it('loses a little for an edit near the quote, and most for unrelated text', () => {
    const stored = 'ministry said in a statement on '
    const side = new ContextSide(stored, 'prefix')
    expect(side.similarity(`${stored}X`, stored.length)).toBe(1)
    const edited = 'ministry said in a statemant on '
    expect(side.similarity(edited, edited.length)).toBeCloseTo(1 - 1 / 32)
    const other = 'qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq'
    expect(side.similarity(other, other.length)).toBeLessThan(0.2)
  })

  it('computes exactly what the dynamic programme does, on both sides, for any text and offset', () => {
    fc.assert(
      fc.property(str(40), str(80), fc.nat(), fc.constantFrom('prefix' as const, 'suffix' as const), (stored, text, n, side) => {
        const context = stored.slice(0, CONTEXT_CHARS)
        const at = text.length ? n % (text.length + 1) : 0
        expect(new ContextSide(context, side).similarity(text, at)).toBeCloseTo(reference(context, side, text, at), 10)
      }),
      { numRuns: 2000 }
    )
  })

  it('is exact for a full 32-character context, which fills the machine word', () => {
    const full = fc.array(chars, { minLength: 32, maxLength: 32 }).map((a) => a.join('').slice(0, 32))
    fc.assert(
      fc.property(full, str(80), fc.nat(), fc.constantFrom('prefix' as const, 'suffix' as const), (context, text, n, side) => {
        fc.pre(context.length === CONTEXT_CHARS)
        const at = text.length ? n % (text.length + 1) : 0
        expect(new ContextSide(context, side).similarity(text, at)).toBeCloseTo(reference(context, side, text, at), 10)
      }),
      { numRuns: 1000 }
    )
  })

  it('falls back to the dynamic programme for a context longer than 32 characters', () => {
    const stored = 'x'.repeat(40)
    const text = `${'x'.repeat(38)}yy`
    expect(new ContextSide(stored, 'prefix').similarity(text, text.length)).toBeCloseTo(reference(stored, 'prefix', text, text.length), 10)
  })
})

describe('common context', () => {
  it('counts the characters shared next to the quote', () => {
    expect(commonPrefixContext('abcXYZ', 3, 'zbc')).toBe(2)
    expect(commonSuffixContext('XYZabq', 3, 'abc')).toBe(2)
    expect(commonPrefixContext('abc', 0, 'abc')).toBe(0)
  })
})
