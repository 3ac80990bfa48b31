import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { documentText, type ArticleDocument } from '../document/article-document'
import { canonicalToPage, fold, pageSpan, pageSpans, pageToCanonical } from './page-text-map'
import { layoutPdf } from './pdf-layout'
import { column, pageOf, type LineSpec } from './test-pages'
import type { PdfPageText } from './text-items'

const LEFT = [
  'The ministry published its annual review of maritime security in the northern waters on Monday.',
  'Officials said patrols doubled over the year while incidents fell by a third across the region.'
]
const RIGHT = [
  'Shipping companies welcomed the report but asked for clearer rules on convoy escorts near the straits.',
  'A parliamentary committee will hear the minister next month about the cost of the patrols.'
]
const BODY = Array.from({ length: 10 }, (_, i) => `Sentence ${i + 1} of the long paragraph carries on across the page break`).join(' ')

/** Three pages as pdf.js's text layer holds them: running head and page number in, a two-column page 3. */
function testPages(): PdfPageText[] {
  const all = column([BODY], 72, 760, 90).lines
  const paged = [0, 1].map((p) =>
    pageOf(p + 1, [
      { text: 'Harbour Authority Annual Report', x: 72, y: 810, size: 8 },
      ...all.slice(p * 4, p * 4 + 4).map((l, i) => ({ ...l, y: 760 - i * 12 })),
      { text: String(p + 1), x: 290, y: 25, size: 8 }
    ])
  )
  const third: LineSpec[] = [
    { text: 'Harbour Authority Annual Report', x: 72, y: 810, size: 8 },
    { text: 'The agency will regu-', x: 72, y: 700 },
    { text: 'late ﬁnance and harbour dues.', x: 72, y: 688 },
    ...column(LEFT, 72, 660, 40).lines,
    ...column(RIGHT, 320, 660, 40).lines,
    { text: '3', x: 290, y: 25, size: 8 }
  ]
  return [...paged, pageOf(3, third)]
}

/** The text layer's text: items in drawing order, as pdf.js lists them, joined without separators. */
const layerText = (page: PdfPageText) => page.items.map((i) => i.str).join('')

function setup() {
  const pages = testPages()
  const doc: ArticleDocument = { version: 1, blocks: layoutPdf(pages).blocks, pageCount: pages.length }
  return { pages, doc, canonical: documentText(doc) }
}

describe('fold', () => {
  it('drops white space and hyphens, expands ligatures, and remembers where each letter came from', () => {
    const f = fold('re-\nﬁne 𝑥')
    expect(f.text).toBe('refine𝑥'.normalize('NFKC'))
    expect(f.origin.slice(0, 4)).toEqual([0, 1, 4, 4])
    expect(f.width.at(-1)).toBe(2)
  })
})

describe('pageSpan', () => {
  it('cuts a paragraph that crosses pages at the page break', () => {
    const { pages, doc, canonical } = setup()
    const one = pageSpan(doc, 1)!
    const two = pageSpan(doc, 2)!
    expect(one.start).toBe(0)
    expect(two.start).toBe(one.end)
    const firstWord = pages[1]!.items[1]!.str.split(' ')[0]!
    expect(canonical.slice(two.start, two.end).startsWith(firstWord)).toBe(true)
    expect(pageSpan(doc, 9)).toBeNull()
  })

  it('gives every page the same span in one pass (pageSpans) as page by page', () => {
    const { doc } = setup()
    const all = pageSpans(doc)
    expect([...all.keys()].sort()).toEqual([1, 2, 3])
    for (let n = 1; n <= 4; n++) expect(all.get(n) ?? null).toEqual(pageSpan(doc, n))
  })
})

describe('pageToCanonical and canonicalToPage', () => {
  it('finds words selected on the page in the article text, across a line-end hyphen and a ligature', () => {
    const { pages, doc, canonical } = setup()
    const text = layerText(pages[2]!)
    const start = text.indexOf('regu-')
    const end = text.indexOf('finance'.replace('fi', 'ﬁ')) + 'ﬁnance'.length
    const span = pageToCanonical(canonical, pageSpan(doc, 3)!, text, start, end)!
    expect(canonical.slice(span.start, span.end)).toBe('regulate finance')
    const back = canonicalToPage(canonical, pageSpan(doc, 3)!, text, span.start, span.end)!
    expect(text.slice(back.start, back.end)).toBe('regu-late ﬁnance')
  })

  it('maps the right column of a two-column page, whose lines the text layer interleaves with the left', () => {
    const { pages, doc, canonical } = setup()
    const text = layerText(pages[2]!)
    const start = text.indexOf('parliamentary')
    const span = pageToCanonical(canonical, pageSpan(doc, 3)!, text, start, start + 'parliamentary committee'.length)!
    expect(canonical.slice(span.start, span.end)).toBe('parliamentary committee')
  })

  it('highlights the article words of a drag that runs on into the page number', () => {
    const { pages, doc, canonical } = setup()
    const text = layerText(pages[0]!)
    const start = text.lastIndexOf('Sentence')
    const span = pageToCanonical(canonical, pageSpan(doc, 1)!, text, start, text.length)!
    expect(canonical.slice(span.start, span.end)).toBe('Sentence 6 of the long')
  })

  it('says a running head is not in the article', () => {
    const { pages, doc, canonical } = setup()
    const text = layerText(pages[0]!)
    expect(pageToCanonical(canonical, pageSpan(doc, 1)!, text, 0, 'Harbour Authority'.length)).toBeNull()
  })

  it('picks the same occurrence of a repeated word', () => {
    const { pages, doc, canonical } = setup()
    const text = layerText(pages[0]!)
    const second = text.indexOf('Sentence', text.indexOf('Sentence') + 1)
    const span = pageToCanonical(canonical, pageSpan(doc, 1)!, text, second, second + 'Sentence'.length)!
    expect(span.start).toBe(canonical.indexOf('Sentence', canonical.indexOf('Sentence') + 1))
  })

  it('draws on each page only the part of a highlight that is on it', () => {
    const { pages, doc, canonical } = setup()
    const breakAt = pageSpan(doc, 2)!.start
    const onOne = canonicalToPage(canonical, pageSpan(doc, 1)!, layerText(pages[0]!), breakAt - 10, breakAt + 8)!
    const onTwo = canonicalToPage(canonical, pageSpan(doc, 2)!, layerText(pages[1]!), breakAt - 10, breakAt + 8)!
    expect(fold(layerText(pages[0]!).slice(onOne.start, onOne.end)).text + fold(layerText(pages[1]!).slice(onTwo.start, onTwo.end)).text).toBe(
      fold(canonical.slice(breakAt - 10, breakAt + 8)).text
    )
    expect(canonicalToPage(canonical, pageSpan(doc, 3)!, layerText(pages[2]!), breakAt - 10, breakAt + 8)).toBeNull()
  })

  it('any run of words selected in the body maps to the same letters and back', () => {
    const { pages, doc, canonical } = setup()
    const bodies = pages.map((p) => {
      const text = layerText(p)
      // Where each body item starts and ends in the layer text (heads and page numbers left out).
      let at = 0
      const items = p.items.map((i) => ({ i, start: at, end: (at += i.str.length) }))
      const body = items.filter(({ i }) => i.size === 10)
      return { text, body, bodyEnd: body.at(-1)!.end }
    })
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 30 }), (p, item, offset, length) => {
        const page = bodies[p % bodies.length]!
        const piece = page.body[item % page.body.length]!
        const start = piece.start + (offset % Math.max(1, piece.end - piece.start - 1))
        const end = Math.min(page.bodyEnd, start + length)
        const selected = fold(page.text.slice(start, end)).text
        fc.pre(selected.length > 0)
        const span = pageToCanonical(canonical, pageSpan(doc, (p % bodies.length) + 1)!, page.text, start, end)
        expect(span).not.toBeNull()
        expect(fold(canonical.slice(span!.start, span!.end)).text).toBe(selected)
        const back = canonicalToPage(canonical, pageSpan(doc, (p % bodies.length) + 1)!, page.text, span!.start, span!.end)!
        expect(fold(page.text.slice(back.start, back.end)).text).toBe(selected)
      })
    )
  })
})
