import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { documentText, type ArticleDocument } from '../document/article-document'
import { markdownBlocks } from '../import/markdown-blocks'
import { articleBodyMarkdown } from './article-body'
import { readFootnotes } from './markdown-parse'

const doc = (markdown: string): ArticleDocument => ({ version: 1, blocks: markdownBlocks(markdown).blocks })
const ID = '3f2b8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b'

describe('the article as Markdown', () => {
  it('marks a highlighted passage ==…== and ends its paragraph with the highlight’s block id', () => {
    const d = doc('Grain exports rose by a third in March.\n\nInsurers disagree.\n')
    const text = documentText(d)
    const start = text.indexOf('rose by a third')
    const md = articleBodyMarkdown(d, [{ id: ID, start, end: start + 'rose by a third'.length, orphaned: false }])
    expect(md).toMatch(/^Grain exports ==rose by a third== in March\. \^h-[\w-]+\n\nInsurers disagree\.\n$/)
  })

  it('writes footnotes back as Markdown footnotes, references kept', () => {
    const md = articleBodyMarkdown(doc('Exports rose.[^1]\n\n[^1]: Ministry figures.\n'), [])
    expect(md).toBe('Exports rose.[^1]\n\n[^1]: Ministry figures.\n')
  })

  it('round-trips paragraphs, headings, lists and footnotes through Markdown import', () => {
    const words = fc.array(fc.constantFrom('port', 'grain', 'talks', 'Ministry', 'figures', 'winter', '*', '_', '[x]', '#1', 'a=b'), { minLength: 1, maxLength: 8 }).map((w) => w.join(' '))
    const label = fc.stringMatching(/^[a-z0-9]{1,6}$/)
    fc.assert(
      fc.property(fc.array(words, { minLength: 1, maxLength: 5 }), fc.uniqueArray(fc.tuple(label, words), { maxLength: 4, selector: ([l]) => l }), (paragraphs, notes) => {
        // Characters Markdown would read as syntax must come back as text.
        const source = doc('# Title\n\n' + paragraphs.map((p, i) => `Para${i} ${p}${notes[i] ? `[^${notes[i]![0]}]` : ''}`).join('\n\n') + '\n\n- item one\n- item two\n\n' + notes.map(([l, w]) => `[^${l}]: ${w.replace(/[*_[\]#=]/g, '')}.`).join('\n') + '\n')
        const again = doc(articleBodyMarkdown(source, []))
        expect(again.blocks.map((b) => [b.kind, b.text])).toEqual(source.blocks.map((b) => [b.kind, b.text]))
      }),
      { numRuns: 150 }
    )
  })
})

describe('footnotes in the exported article (issue 15, item 16)', () => {
  const every = (labels: readonly string[]) => [...new Set(labels)].sort()

  it('writes a Word document’s footnotes ([1] in the text) as Markdown footnotes', () => {
    const word: ArticleDocument = {
      version: 1,
      blocks: [
        { kind: 'paragraph', text: 'The pact was signed in March.[1] Talks resume next week.[2] See [3].' },
        { kind: 'footnote', text: '[1] Treaty text, article 4.' },
        { kind: 'footnote', text: '[2] Ministry figures.' }
      ]
    }
    const md = articleBodyMarkdown(word, [])
    expect(md).toBe('The pact was signed in March.[^1] Talks resume next week.[^2] See \\[3\\].\n\n[^1]: Treaty text, article 4.\n\n[^2]: Ministry figures.\n')
    expect(readFootnotes(md)).toEqual({ references: ['1', '2'], defined: ['1', '2'], dangling: [] })
  })

  it('keeps a PDF’s footnotes, whose markers the text does not set apart, as paragraphs', () => {
    const pdf: ArticleDocument = { version: 1, blocks: [{ kind: 'paragraph', text: 'Shipments rose 12 percent.' }, { kind: 'footnote', text: '12 See the annex.' }] }
    const md = articleBodyMarkdown(pdf, [])
    expect(md).toBe('Shipments rose 12 percent.\n\n12 See the annex.\n')
    expect(readFootnotes(md)).toEqual({ references: [], defined: [], dangling: [] })
  })

  it('every reference resolves and every footnote is referenced, whatever is highlighted (Markdown import)', () => {
    const label = fc.stringMatching(/^[a-z0-9]{1,5}$/)
    const words = fc.array(fc.constantFrom('port', 'grain', '[x]', 'a^b', 'talks', '*'), { minLength: 1, maxLength: 6 }).map((w) => w.join(' '))
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(label, words), { minLength: 1, maxLength: 4, selector: ([l]) => l }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 })), { maxLength: 6 }),
        (notes, spans) => {
          const d = doc(notes.map(([l, w], i) => `Para${i} ${w}[^${l}] more.`).join('\n\n') + '\n\n' + notes.map(([l, w]) => `[^${l}]: ${w.replace(/[*[\]^]/g, '')} note.`).join('\n') + '\n')
          const length = documentText(d).length
          const highlights = spans.map(([at, n], i) => ({ id: `${ID.slice(0, -2)}${String(i).padStart(2, '0')}`, start: at % length, end: Math.min(length, (at % length) + n + 1), orphaned: false }))
          const read = readFootnotes(articleBodyMarkdown(d, highlights))
          // What the import kept as footnotes (an `^[…]` in the words is an inline footnote too).
          const imported = d.blocks.filter((b) => b.kind === 'footnote').map((b) => b.text.split(' ', 1)[0]!)
          expect(imported).toEqual(expect.arrayContaining(notes.map(([l]) => l)))
          expect(read.dangling).toEqual([])
          expect(every(read.references)).toEqual(every(imported))
          expect(every(read.defined)).toEqual(every(imported))
        }
      ),
      { numRuns: 150 }
    )
  })
})
