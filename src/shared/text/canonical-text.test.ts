import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalText, textBlocks } from './canonical-text'

/** Text as imports produce it: mixed line endings, stray spaces, combining marks, astral characters. */
const messyText = fc.string({
  unit: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('a', 'B', 'é', 'e\u0301', '\u0301', '😀', '語', '.', '#') },
    { weight: 3, arbitrary: fc.constantFrom(' ', '\t', '\u00a0', '\u2003', '\n', '\r', '\r\n', '\n\n\n', '\f', '\u2028') },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 1 }) }
  ),
  maxLength: 80
})

describe('canonicalText', () => {
  it('normalises line endings, trailing spaces and blank lines', () => {
    expect(canonicalText('\r\n\r\n  Title  \r\nline\t\r\rnext\u00a0\n\n\n\nlast \n\n')).toBe('  Title\nline\n\nnext\n\nlast')
  })

  it('composes characters to NFC, so offsets match what the reader sees', () => {
    expect(canonicalText('Cafe\u0301')).toBe('Café')
    expect(canonicalText('Cafe\u0301')).toHaveLength(4)
  })

  it('is idempotent', () => {
    fc.assert(
      fc.property(messyText, (raw) => {
        const once = canonicalText(raw)
        expect(canonicalText(once)).toBe(once)
      }),
      { numRuns: 500 }
    )
  })

  it('never holds \\r, trailing spaces, 3+ newlines, or blank edges', () => {
    fc.assert(
      fc.property(messyText, (raw) => {
        const text = canonicalText(raw)
        expect(text).not.toContain('\r')
        expect(text).not.toMatch(/\n\n\n/)
        expect(text).not.toMatch(/^\n|\n$/)
        // Lines are split on \n only, as textBlocks and the offsets do (not on U+2028, as /m would).
        for (const line of text.split('\n')) {
          expect(line).not.toMatch(/[ \t\u00a0]$/)
          // A blank line is exactly "\n\n": never a line of white space between blocks.
          if (line !== '') expect(line.trim()).not.toBe('')
        }
      }),
      { numRuns: 500 }
    )
  })

  it('keeps every visible character in order', () => {
    fc.assert(
      fc.property(messyText, (raw) => {
        const visible = (s: string) => s.normalize('NFC').replace(/\s+/g, '')
        expect(visible(canonicalText(raw))).toBe(visible(raw))
      }),
      { numRuns: 300 }
    )
  })
})

describe('textBlocks', () => {
  it('splits on blank lines with the offset of each block', () => {
    expect(textBlocks('One\nline\n\nTwo')).toEqual([
      { start: 0, text: 'One\nline' },
      { start: 10, text: 'Two' }
    ])
    expect(textBlocks('')).toEqual([])
  })

  it('gives offsets that index back into the canonical text, covering all of it', () => {
    fc.assert(
      fc.property(messyText, (raw) => {
        const text = canonicalText(raw)
        const blocks = textBlocks(text)
        for (const b of blocks) {
          expect(b.text.length).toBeGreaterThan(0)
          expect(text.slice(b.start, b.start + b.text.length)).toBe(b.text)
        }
        expect(blocks.map((b) => b.text).join('\n\n')).toBe(text)
      }),
      { numRuns: 500 }
    )
  })

  it('gives offsets that index back into any text, canonical or not', () => {
    fc.assert(
      fc.property(messyText, (text) => {
        for (const b of textBlocks(text)) expect(text.slice(b.start, b.start + b.text.length)).toBe(b.text)
      }),
      { numRuns: 300 }
    )
  })
})
