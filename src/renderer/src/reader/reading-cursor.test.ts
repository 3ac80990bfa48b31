import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { extendParagraph, extendSentence, extendWord, keyDirection, moveParagraph, moveSentence, selectParagraph, selectedRange, type TextBlock } from './reading-cursor'

// Two paragraphs as the reader places them: the second starts after a separator.
const first = 'Port operators are negotiating. Insurers pushed for it quietly.'
const second = 'Critics say the pact favours larger ports.'
const blocks: TextBlock[] = [
  { start: 0, text: first },
  { start: first.length + 2, text: second }
]
const text = (range: { start: number; end: number } | null) => {
  if (!range) return null
  const whole = `${first}\n\n${second}`
  return whole.slice(range.start, range.end)
}

describe('the reading cursor', () => {
  it('starts at the first paragraph and moves by paragraph, stopping at either end', () => {
    const start = moveParagraph(blocks, null, 1)!
    expect(start).toEqual({ anchor: 0, focus: 0 })
    const next = moveParagraph(blocks, start, 1)!
    expect(next.focus).toBe(blocks[1]!.start)
    expect(moveParagraph(blocks, next, 1)).toEqual(next)
    expect(moveParagraph(blocks, next, -1)).toEqual(start)
  })

  it('moves by sentence across paragraphs', () => {
    let c = moveSentence(blocks, null, 1)!
    c = moveSentence(blocks, c, 1)!
    expect(c.focus).toBe(first.indexOf('Insurers'))
    c = moveSentence(blocks, c, 1)!
    expect(c.focus).toBe(blocks[1]!.start)
    c = moveSentence(blocks, c, -1)!
    expect(c.focus).toBe(first.indexOf('Insurers'))
  })

  it('extends a selection word by word and sentence by sentence, then back', () => {
    let c = moveSentence(blocks, moveSentence(blocks, null, 1), 1)
    c = extendWord(blocks, c, 1)
    expect(text(selectedRange(c))).toBe('Insurers')
    c = extendWord(blocks, c, 1)
    expect(text(selectedRange(c))).toBe('Insurers pushed')
    c = extendWord(blocks, c, -1)
    expect(text(selectedRange(c))).toBe('Insurers ')
    c = extendSentence(blocks, moveSentence(blocks, null, 1), 1)
    expect(text(selectedRange(c))).toBe('Port operators are negotiating.')
    c = extendSentence(blocks, c, 1)
    expect(text(selectedRange(c))).toBe(first)
  })

  it('selects to the paragraph’s end or start, or the whole paragraph (Ctrl/⌘ A), never beyond it', () => {
    const inside = { anchor: 5, focus: 5 }
    expect(text(selectedRange(extendParagraph(blocks, inside, 1)))).toBe(first.slice(5))
    expect(text(selectedRange(extendParagraph(blocks, inside, -1)))).toBe(first.slice(0, 5))
    expect(text(selectedRange(selectParagraph(blocks, { anchor: blocks[1]!.start + 3, focus: blocks[1]!.start + 3 })))).toBe(second)
  })

  it('always stays inside the text, whatever the keys pressed', () => {
    const moves = [moveParagraph, moveSentence, extendWord, extendSentence, extendParagraph]
    const end = blocks[1]!.start + second.length
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: moves.length - 1 }), fc.constantFrom(1 as const, -1 as const)), { maxLength: 40 }), (keys) => {
        let c = null
        for (const [m, dir] of keys) {
          c = moves[m]!(blocks, c, dir)
          expect(c!.focus).toBeGreaterThanOrEqual(0)
          expect(c!.focus).toBeLessThanOrEqual(end)
          expect(c!.anchor).toBeGreaterThanOrEqual(0)
          expect(c!.anchor).toBeLessThanOrEqual(end)
        }
      })
    )
  })

  it('moves in visual order in a right-to-left paragraph: ← reads on, → goes back', () => {
    const arabic = 'قال جون سميث إن الميناء سيفتح. وأضاف أن الأسعار سترتفع.'
    const rtl: TextBlock[] = [{ start: 0, text: arabic }]
    const forward = keyDirection('ArrowLeft', 'rtl')
    expect(forward).toBe(1)
    expect(keyDirection('ArrowRight', 'rtl')).toBe(-1)
    expect(keyDirection('ArrowRight', 'ltr')).toBe(1)
    // ↓ ↑ and End/Home keep their logical meaning.
    expect(keyDirection('ArrowDown', 'rtl')).toBe(1)
    expect(keyDirection('End', 'rtl')).toBe(1)
    const word = extendWord(rtl, { anchor: 0, focus: 0 }, keyDirection('Shift+ArrowLeft', 'rtl'))!
    expect(arabic.slice(0, word.focus)).toBe('قال')
    const next = moveSentence(rtl, { anchor: 0, focus: 0 }, keyDirection('ArrowLeft', 'rtl'))!
    expect(arabic.slice(next.focus)).toBe('وأضاف أن الأسعار سترتفع.')
    expect(moveSentence(rtl, next, keyDirection('ArrowRight', 'rtl'))!.focus).toBe(0)
  })
})
