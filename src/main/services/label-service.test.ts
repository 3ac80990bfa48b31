import { describe, expect, it } from 'vitest'
import { importText, tempServices } from '../../../test/support/temp-services'

const ARTICLE = 'Port fees rise\n\nThe port authority raised berth fees on Monday, officials said after the meeting.'

describe('labels', () => {
  it('starts with the five default labels, in order, each with a palette colour', () => {
    const s = tempServices()
    expect(s.labels.list().map((l) => [l.name, l.color])).toEqual([
      ['Key fact', 'yellow'],
      ['Claim', 'blue'],
      ['Evidence', 'green'],
      ['Question', 'purple'],
      ['Contradiction', 'red']
    ])
  })

  it('creates, renames and recolours labels, refusing duplicate names whatever their case', () => {
    const s = tempServices()
    const source = s.labels.create('Source check', 'teal')
    expect(s.labels.list().at(-1)).toEqual(source)
    expect(s.labels.update(source.id, { name: 'Verify', color: 'orange' })).toMatchObject({ name: 'Verify', color: 'orange' })
    expect(() => s.labels.create('claim', 'red')).toThrow(/already exists/)
    expect(() => s.labels.update(source.id, { name: 'KEY FACT' })).toThrow(/already exists/)
  })

  it('moves a deleted label’s highlights where the analyst says, or leaves them unlabelled', async () => {
    const s = tempServices()
    const articleId = await importText(s, 'fees.txt', ARTICLE)
    const [keyFact, claim, evidence] = s.labels.list()
    const a = s.highlights.create(articleId, 4, 9, claim!.id)
    const b = s.highlights.create(articleId, 20, 30, claim!.id)
    const c = s.highlights.create(articleId, 31, 40, evidence!.id)
    expect(s.labels.delete(claim!.id, keyFact!.id)).toEqual({ moved: 2 })
    expect([s.highlights.get(a.id).labelId, s.highlights.get(b.id).labelId]).toEqual([keyFact!.id, keyFact!.id])
    expect(s.labels.delete(evidence!.id, null)).toEqual({ moved: 1 })
    expect(s.highlights.get(c.id).labelId).toBeNull()
    expect(s.labels.list().map((l) => l.name)).toEqual(['Key fact', 'Question', 'Contradiction'])
  })

  it('refuses to move highlights to the label being deleted or to one that does not exist', async () => {
    const s = tempServices()
    const [keyFact] = s.labels.list()
    expect(await s.dispatch('label.delete', { id: keyFact!.id, moveTo: keyFact!.id })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await s.dispatch('label.delete', { id: keyFact!.id, moveTo: '00000000-0000-4000-8000-0000000000ff' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' }
    })
    expect(s.labels.list()).toHaveLength(5)
  })
})
