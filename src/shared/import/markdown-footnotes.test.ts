import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { markdownBlocks } from './markdown-blocks'

describe('Markdown footnotes (issue 15, item 16)', () => {
  it('keeps the reference in the text and makes each footnote a footnote block, label first', () => {
    const { blocks } = markdownBlocks(
      'Grain exports rose by a third.[^1] Insurers disagree.[^src]\n\n[^1]: Ministry figures, *March* 2025.\n[^src]: Lloyd’s market bulletin.\n'
    )
    expect(blocks[0]).toEqual({ kind: 'paragraph', text: 'Grain exports rose by a third.[^1] Insurers disagree.[^src]' })
    expect(blocks.slice(1)).toEqual([
      { kind: 'footnote', text: '1 Ministry figures, March 2025.', marks: [{ type: 'em', start: 20, end: 25 }] },
      { kind: 'footnote', text: 'src Lloyd’s market bulletin.' }
    ])
    expect(blocks.map((b) => b.text).join('\n')).not.toContain('\\[')
  })

  it('numbers an inline footnote', () => {
    const { blocks } = markdownBlocks('Talks stalled.^[According to two officials.]\n')
    expect(blocks).toEqual([
      { kind: 'paragraph', text: 'Talks stalled.[^1]' },
      { kind: 'footnote', text: '1 According to two officials.' }
    ])
  })

  it('turns any set of labelled footnotes into one footnote block each, with the reference kept', () => {
    const label = fc.stringMatching(/^[a-z0-9]{1,8}$/)
    const words = fc.array(fc.constantFrom('port', 'grain', 'talks', 'Ministry', 'figures', 'winter', 'bulletin'), { minLength: 1, maxLength: 8 }).map((w) => w.join(' '))
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(label, words), { minLength: 1, maxLength: 6, selector: ([l]) => l }), (notes) => {
        const body = notes.map(([l], i) => `Claim ${i} stands.[^${l}]`).join(' ')
        const defs = notes.map(([l, w]) => `[^${l}]: ${w}.`).join('\n')
        const { blocks } = markdownBlocks(`${body}\n\n${defs}\n`)
        expect(blocks[0]!.text).toBe(body)
        expect(blocks.filter((b) => b.kind === 'footnote').map((b) => b.text)).toEqual(notes.map(([l, w]) => `${l} ${w}.`))
      }),
      { numRuns: 150 }
    )
  })
})
