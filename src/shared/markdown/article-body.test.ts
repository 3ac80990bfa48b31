import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { documentText, type ArticleDocument } from '../document/article-document'
import { markdownBlocks } from '../import/markdown-blocks'
import { articleBodyMarkdown } from './article-body'

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
