import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { layoutPdf } from './pdf-layout'
import { column, pageOf, type LineSpec } from './test-pages'
import { normaliseLigatures, type PdfPageText } from './text-items'

const word = fc.oneof(
  fc.stringMatching(/^[a-zA-Z]{1,12}$/),
  fc.stringMatching(/^[a-z]{2,8}-$/),
  fc.stringMatching(/^[0-9]{1,4}[.,]?$/),
  fc.constantFrom('ﬁnance', 'Größe', 'naïve', '•', '1.', 'e.g.', '—', 'high-risk')
)
const paragraph = fc.array(word, { minLength: 1, maxLength: 60 }).map((ws) => ws.join(' '))

/** Random pages: one or two columns, maybe running heads, page numbers and small notes at the foot. */
const pages = fc
  .record({
    pages: fc.array(fc.array(paragraph, { minLength: 0, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
    columns: fc.constantFrom(1, 2),
    header: fc.boolean(),
    footnote: fc.option(paragraph, { nil: undefined }),
    size: fc.constantFrom(9, 10, 11, 14)
  })
  .map(({ pages: texts, columns, header, footnote, size }): PdfPageText[] =>
    texts.map((paras, p) => {
      const lines: LineSpec[] = []
      if (header) lines.push({ text: 'Quarterly maritime review', x: 72, y: 810, size: 8 }, { text: String(p + 1), x: 290, y: 25, size: 8 })
      if (columns === 1) lines.push(...column(paras, 72, 760, 80, size).lines)
      else {
        const half = Math.ceil(paras.length / 2)
        lines.push(...column(paras.slice(0, half), 72, 760, 38, size).lines, ...column(paras.slice(half), 320, 760, 38, size).lines)
      }
      if (footnote) lines.push(...column([`1 ${footnote}`], 72, 120, 90, 7).lines)
      return pageOf(p + 1, lines.filter((l) => l.y > 20))
    })
  )

const letters = (s: string) => (normaliseLigatures(s).normalize('NFC').match(/[\p{L}\p{N}]/gu) ?? []).length

describe('layoutPdf keeps every word', () => {
  it('puts every letter and digit of the text layer in a kept or removed block, each once', () => {
    fc.assert(
      fc.property(pages, (input) => {
        const { blocks } = layoutPdf(input)
        const out = blocks.map((b) => b.text).join('\n')
        const words = input.flatMap((p) => p.items.flatMap((i) => normaliseLigatures(i.str).normalize('NFC').split(/\s+/)))
        for (const w of words) {
          // Bullets are marks, not words: a list item drops its "•".
          const core = w.replace(/-$/, '')
          if (/[\p{L}\p{N}]/u.test(core) && !/^\d{1,3}[.)]$/.test(core)) expect(out).toContain(core)
        }
        const inLetters = input.reduce((n, p) => n + p.items.reduce((m, i) => m + letters(i.str), 0), 0)
        expect(letters(out)).toBe(inLetters)
      }),
      { numRuns: 100 }
    )
  })

  it('gives every block a page within the document and canonical text', () => {
    fc.assert(
      fc.property(pages, (input) => {
        for (const b of layoutPdf(input).blocks) {
          expect(b.page).toBeGreaterThanOrEqual(1)
          expect(b.page!).toBeLessThanOrEqual(input.length)
          expect(b.text).toBe(b.text.trim())
          expect(b.text).not.toMatch(/\n\n/)
          for (const at of b.pageBreaks ?? []) expect(at).toBeLessThanOrEqual(b.text.length)
        }
      }),
      { numRuns: 100 }
    )
  })
})
