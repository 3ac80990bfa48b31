// @vitest-environment jsdom
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { reanchor } from '../../../shared/anchoring/reanchor'
import { quoteSelector, trimRange } from '../../../shared/anchoring/text-quote-selector'
import { textDirection } from '../../../shared/text/direction'
import { segmentBlock } from './segments'
import { offsetsToRange, rangeToOffsets } from './selection-offsets'

// Words from the scripts an analyst mixes: Arabic (with a shadda and Arabic-Indic digits), Hebrew
// with numbers, Persian with a zero-width non-joiner, Latin names and figures, and punctuation
// that takes its direction from its neighbours.
const WORDS = ['قال', 'المتحدث', 'العبّارة', '١٢', 'إن', 'שלום', 'ב-2024', 'עלו', '15%', 'می‌شود', 'قیمت‌ها', 'John', 'Smith', 'BBC', '12', '(ferry)', '—', '«', '»', ',', '.', '؟']
const paragraph = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 14 }).map((w) => w.join(' '))
const article = fc.array(paragraph, { minLength: 1, maxLength: 4 })

/** The reader's DOM for blocks of text: each block in its direction, cut at highlights into pieces carrying data-start (as InlineText draws them). */
function render(blocks: string[], spans: { id: string; start: number; end: number }[]): HTMLElement {
  const root = document.createElement('div')
  let at = 0
  for (const text of blocks) {
    const p = document.createElement('p')
    p.dir = textDirection(text, 'rtl')!
    for (const seg of segmentBlock(at, at + text.length, spans)) {
      const piece = document.createElement(seg.highlightIds.length ? 'mark' : 'span')
      piece.dataset.start = String(seg.start)
      piece.textContent = text.slice(seg.start - at, seg.end - at)
      p.append(piece)
    }
    root.append(p)
    at += text.length + 2
  }
  document.body.replaceChildren(root)
  return root
}

describe('anchoring in right-to-left and mixed text', () => {
  it('a selection maps to logical offsets and back, its quote is exactly the selected characters, and it anchors where it was made', () => {
    fc.assert(
      fc.property(article, fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }), fc.tuple(fc.nat(), fc.nat()), (blocks, marks, pick) => {
        const text = blocks.join('\n\n')
        const clamp = ([a, b]: [number, number]) => [Math.min(a, b) % (text.length + 1), Math.max(a, b) % (text.length + 1)].sort((x, y) => x - y) as [number, number]
        // Highlights already in the article cut the text into marks, as in the reader.
        const spans = marks.map(clamp).filter(([a, b]) => b > a).map(([start, end], i) => ({ id: `h${i}`, start, end }))
        const root = render(blocks, spans)
        const [from, to] = clamp(pick)
        fc.pre(to > from && text.slice(from, to).trim() !== '')
        // Selections never start or end on a block separator, as the reader's pieces hold no separators.
        fc.pre(!/\n/.test(text[from]!) && !/\n/.test(text[to - 1]!))

        const range = offsetsToRange(root, from, to)!
        expect(range).not.toBeNull()
        const offsets = rangeToOffsets(root, range)!
        expect(offsets).toEqual({ start: from, end: to })
        // What the analyst selected is what the quote says, character for character (the DOM
        // range leaves out block separators, which are not drawn).
        expect(range.toString()).toBe(text.slice(from, to).replace(/\n\n/g, ''))

        const trimmed = trimRange(text, offsets.start, offsets.end)!
        const quote = quoteSelector(text, trimmed.start, trimmed.end)
        expect(quote.exact).toBe(text.slice(from, to).trim())
        const placed = reanchor(text, { ...quote, ...trimmed })
        expect(placed).toMatchObject({ status: 'anchored', start: trimmed.start, end: trimmed.end, confidence: 1 })
      }),
      { numRuns: 150 }
    )
  })
})
