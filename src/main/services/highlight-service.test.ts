import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CONTEXT_CHARS } from '../../shared/anchoring/text-quote-selector'
import { Highlight } from '../../shared/domain-types'
import { importText, plainNoteState, tableCounts, tempServices } from '../../../test/support/temp-services'

const BODY = [
  'Port operators along the eastern Baltic are negotiating a shared icebreaker schedule for the first time in a decade.',
  'Insurers have pushed for it quietly; premiums for winter sailings rose by nearly a fifth last season.',
  'Critics say the pact favours the larger ports.'
].join('\n\n')

async function withArticle() {
  const s = tempServices()
  const articleId = await importText(s, 'pact.txt', `Icebreaker pact\n\n${BODY}`)
  const text = s.articles.get(articleId).text
  return { s, articleId, text }
}

describe('creating highlights', () => {
  it('cuts exact, prefix and suffix from the stored text', async () => {
    const { s, articleId, text } = await withArticle()
    const start = text.indexOf('premiums')
    const end = start + 'premiums for winter sailings'.length
    const h = s.highlights.create(articleId, start, end)
    expect(h).toMatchObject({
      articleId,
      start,
      end,
      exact: 'premiums for winter sailings',
      prefix: text.slice(start - CONTEXT_CHARS, start),
      suffix: text.slice(end, end + CONTEXT_CHARS),
      hasNote: false
    })
    expect(h.prefix).toHaveLength(32)
    expect(h.prefix.endsWith('quietly; ')).toBe(true)
    expect(Highlight.safeParse(h).success).toBe(true)
  })

  it('keeps shorter context at the very start and end of the text', async () => {
    const { s, articleId, text } = await withArticle()
    const atStart = s.highlights.create(articleId, 0, 4)
    const atEnd = s.highlights.create(articleId, text.length - 6, text.length)
    expect(atStart).toMatchObject({ exact: 'Port', prefix: '' })
    expect(atEnd).toMatchObject({ exact: 'ports.', suffix: '' })
  })

  it('narrows a sloppy selection to the words inside it', async () => {
    const { s, articleId, text } = await withArticle()
    const word = text.indexOf('Insurers')
    // From the blank line before the paragraph to the space after the word.
    const h = s.highlights.create(articleId, word - 2, word + 'Insurers '.length)
    expect(h).toMatchObject({ start: word, end: word + 8, exact: 'Insurers' })
  })

  it('refuses a selection of white space only', async () => {
    const { s, articleId, text } = await withArticle()
    const gap = text.indexOf('\n\n')
    expect(() => s.highlights.create(articleId, gap, gap + 2)).toThrow(expect.objectContaining({ code: 'invalid_input' }))
    expect(tableCounts(s.db).highlights).toBe(0)
  })

  it('refuses a range ending past the text, saying how long the text is', async () => {
    const { s, articleId, text } = await withArticle()
    const err = (() => {
      try {
        s.highlights.create(articleId, 0, text.length + 1)
      } catch (e) {
        return e as { code: string; message: string }
      }
    })()
    expect(err).toMatchObject({ code: 'invalid_input' })
    expect(err?.message).toContain(String(text.length))
  })

  it('answers not_found for a missing article', async () => {
    const { s } = await withArticle()
    expect(() => s.highlights.create('00000000-0000-4000-8000-000000000000', 0, 1)).toThrow(
      expect.objectContaining({ code: 'not_found' })
    )
  })

  it('refuses an identical duplicate (same passage, same label), in every way one could arise', async () => {
    const { s, articleId, text } = await withArticle()
    const [keyFact, claim] = s.labels.list()
    const at = text.indexOf('icebreaker')
    const first = s.highlights.create(articleId, at, at + 'icebreaker'.length)
    // A sloppy selection that trims to the same passage is the same passage.
    const again = await s.dispatch('highlight.create', { articleId, start: at - 1, end: at + 'icebreaker'.length + 1 })
    expect(again).toEqual({ ok: false, error: { code: 'duplicate', message: 'This passage already has a highlight with this label.', reason: { id: 'highlight.twin', values: {} } } })
    expect(tableCounts(s.db).highlights).toBe(1)
    // Another label on the same passage is another reading: kept.
    const other = s.highlights.create(articleId, at, at + 'icebreaker'.length, claim!.id)
    // ...but relabelling it to the first one's label, or re-attaching a third onto it, would make a twin.
    expect(() => s.highlights.setLabel(other.id, keyFact!.id)).toThrow(expect.objectContaining({ code: 'duplicate' }))
    const third = s.highlights.create(articleId, 0, 4)
    expect(() => s.highlights.reattach(third.id, at, at + 'icebreaker'.length)).toThrow(expect.objectContaining({ code: 'duplicate' }))
    // Once the first is deleted, the passage may be highlighted with that label again.
    s.highlights.delete(first.id)
    expect(s.highlights.create(articleId, at, at + 'icebreaker'.length).exact).toBe('icebreaker')
  })

  it('always quotes the stored text for any range the contract lets through', async () => {
    const { s, articleId, text } = await withArticle()
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: text.length + 5 }), fc.integer({ min: 1, max: text.length + 5 }), async (start, end) => {
        const result = await s.dispatch('highlight.create', { articleId, start, end })
        if (!result.ok) {
          // A range already highlighted with the same label is a duplicate.
          expect(['invalid_input', 'duplicate']).toContain(result.error.code)
          return
        }
        const h = result.value as Highlight
        expect(h.exact).toBe(text.slice(h.start, h.end))
        expect(h.start).toBeGreaterThanOrEqual(start)
        expect(h.end).toBeLessThanOrEqual(end)
        expect(h.exact).toBe(h.exact.trim())
      }),
      { numRuns: 200 }
    )
  })
})

describe('listing and deleting highlights', () => {
  it('lists in reading order, longer first when two start together', async () => {
    const { s, articleId, text } = await withArticle()
    const critics = text.indexOf('Critics')
    const insurers = text.indexOf('Insurers')
    const late = s.highlights.create(articleId, critics, critics + 7)
    const early = s.highlights.create(articleId, 0, 4)
    const shortMid = s.highlights.create(articleId, insurers, insurers + 8)
    const longMid = s.highlights.create(articleId, insurers, insurers + 20)
    expect(s.highlights.list(articleId).map((h) => h.id)).toEqual([early.id, longMid.id, shortMid.id, late.id])
  })

  it('lists only the highlights of the article asked for', async () => {
    const { s, articleId } = await withArticle()
    const other = await importText(s, 'other.txt', 'Other\n\nSomething else entirely.')
    s.highlights.create(other, 0, 9)
    expect(s.highlights.list(articleId)).toEqual([])
    expect(s.highlights.list(other)).toHaveLength(1)
  })

  it('deletes a highlight from the article and brings it back, note included, on undo', async () => {
    const { s, articleId } = await withArticle()
    const h = s.highlights.create(articleId, 0, 4)
    s.notes.save(h.id, plainNoteState('Check this.'))
    expect(s.highlights.get(h.id).hasNote).toBe(true)

    expect(s.highlights.delete(h.id)).toBe(true)
    expect(s.highlights.list(articleId)).toEqual([])
    expect(s.articles.list(10, 0).items[0]!.highlightCount).toBe(0)
    expect(s.highlights.delete(h.id)).toBe(false)

    expect(s.highlights.restore(h.id)).toMatchObject({ id: h.id, start: 0, end: 4, hasNote: true, notePreview: 'Check this.' })
    expect(s.highlights.list(articleId).map((x) => x.id)).toEqual([h.id])
    expect(s.notes.get(h.id)?.content).toBe(plainNoteState('Check this.'))
  })

  it('labels a new highlight with the first label unless told otherwise, and relabels it', async () => {
    const { s, articleId } = await withArticle()
    const [keyFact, claim] = s.labels.list()
    expect([keyFact!.name, claim!.name]).toEqual(['Key fact', 'Claim'])
    expect(s.highlights.create(articleId, 0, 4).labelId).toBe(keyFact!.id)
    const h = s.highlights.create(articleId, 5, 9, claim!.id)
    expect(h.labelId).toBe(claim!.id)
    expect(s.highlights.setLabel(h.id, null).labelId).toBeNull()
    expect(() => s.highlights.setLabel(h.id, '00000000-0000-4000-8000-0000000000ff')).toThrow(/No label/)
  })

  it('marks a highlight as noted only when the note has text', async () => {
    const { s, articleId } = await withArticle()
    const h = s.highlights.create(articleId, 0, 4)
    s.notes.save(h.id, plainNoteState(''))
    expect(s.highlights.get(h.id).hasNote).toBe(false)
    s.notes.save(h.id, plainNoteState('Now it says something.'))
    expect(s.highlights.list(articleId)[0]!.hasNote).toBe(true)
  })
})

describe('re-attaching and tagging highlights', () => {
  it('re-attaches a highlight to the passage the analyst selected, clearing its orphan mark', async () => {
    const { s, articleId } = await withArticle()
    const h = s.highlights.create(articleId, 0, 4)
    s.db.prepare('UPDATE highlights SET orphaned = 1 WHERE id = ?').run(h.id)
    const text = s.articles.get(articleId).text
    const moved = s.highlights.reattach(h.id, 5, 12)
    expect(moved).toMatchObject({ orphaned: false, start: 5, end: 12, exact: text.slice(5, 12) })
    expect(() => s.highlights.reattach(h.id, 0, text.length + 5)).toThrow(/past the end/)
  })

  it('tags highlights with names shared with articles, case-insensitively and without duplicates', async () => {
    const { s, articleId } = await withArticle()
    const h = s.highlights.create(articleId, 0, 4)
    expect(s.highlights.setTags(h.id, ['sanctions', 'Baltic', 'baltic']).tags).toEqual(['Baltic', 'sanctions'])
    expect(s.articles.setTags(articleId, ['BALTIC', 'energy']).tags).toEqual(['Baltic', 'energy'])
    expect(s.highlights.setTags(h.id, []).tags).toEqual([])
    const result = await s.dispatch('highlight.setTags', { id: h.id, tags: ['#ports ', 'a,b'] })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await s.dispatch('highlight.setTags', { id: h.id, tags: ['#ports '] })).toMatchObject({ ok: true, value: { tags: ['ports'] } })
  })
})
