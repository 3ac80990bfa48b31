import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { segmentBlock } from './segments'

describe('segmentBlock', () => {
  it('splits overlapping highlights into pieces that know every highlight covering them', () => {
    const segments = segmentBlock(0, 20, [
      { id: 'a', start: 2, end: 10 },
      { id: 'b', start: 6, end: 14 }
    ])
    expect(segments).toEqual([
      { start: 0, end: 2, highlightIds: [], marks: [] },
      { start: 2, end: 6, highlightIds: ['a'], marks: [] },
      { start: 6, end: 10, highlightIds: ['a', 'b'], marks: [] },
      { start: 10, end: 14, highlightIds: ['b'], marks: [] },
      { start: 14, end: 20, highlightIds: [], marks: [] }
    ])
  })

  it('lists a nested highlight after the one that contains it, so a click picks the inner one', () => {
    const segments = segmentBlock(0, 10, [
      { id: 'inner', start: 3, end: 5 },
      { id: 'outer', start: 0, end: 10 }
    ])
    expect(segments.find((s) => s.start === 3)?.highlightIds).toEqual(['outer', 'inner'])
  })

  it('clips a highlight that spans several blocks to each block', () => {
    expect(segmentBlock(10, 20, [{ id: 'x', start: 5, end: 15 }])).toEqual([
      { start: 10, end: 15, highlightIds: ['x'], marks: [] },
      { start: 15, end: 20, highlightIds: [], marks: [] }
    ])
  })

  it('always tiles the block exactly, with every covering highlight named', () => {
    const span = fc
      .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 30 }))
      .map(([start, length]) => ({ start, end: start + length }))
    fc.assert(
      fc.property(fc.array(span, { maxLength: 8 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 40 }), (raw, blockStart, len) => {
        const spans = raw.map((s, i) => ({ id: `h${i}`, ...s }))
        const blockEnd = blockStart + len
        const segments = segmentBlock(blockStart, blockEnd, spans)
        expect(segments[0]!.start).toBe(blockStart)
        expect(segments.at(-1)!.end).toBe(blockEnd)
        for (let i = 1; i < segments.length; i++) expect(segments[i]!.start).toBe(segments[i - 1]!.end)
        for (const seg of segments) {
          const expected = spans.filter((s) => s.start <= seg.start && s.end >= seg.end).map((s) => s.id)
          expect([...seg.highlightIds].sort()).toEqual(expected.sort())
        }
      })
    )
  })
})
