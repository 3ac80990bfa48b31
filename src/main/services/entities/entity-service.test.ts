import { describe, expect, it } from 'vitest'
import { PORT_RAID } from '../../../shared/entities/fixtures/news-en'
import { tempServices, type TempServices } from '../../../../test/support/temp-services'

const ARTICLE = `Port raid in Rotterdam\n\nPublished 12 March 2025\n\n${PORT_RAID.text}`

async function importText(s: TempServices, name: string, text: string): Promise<string> {
  const result = await s.articles.importFile(name, new TextEncoder().encode(text))
  expect(result.status).toMatch(/imported|updated/)
  await s.entityIndexer.extractPending()
  return result.articleId!
}

const byName = (s: TempServices, name: string) => s.entities.list().find((e) => e.name === name || e.aliases.includes(name))

describe('entity index', () => {
  it('extracts every imported article: people, organisations, places, selectors, each mention with its passage', async () => {
    const s = tempServices()
    const id = await importText(s, 'raid.txt', ARTICLE)
    const text = s.articles.get(id).text
    const kaya = byName(s, 'Ömer Faruk Kaya')!
    expect(kaya.type).toBe('person')
    expect(kaya.aliases).toContain('Kaya')
    expect(byName(s, 'Fiscal Information and Investigation Service')!.aliases).toContain('FIOD')
    expect(byName(s, 'IMO 9395044')!.type).toBe('selector')
    for (const e of s.entities.list()) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text)
    expect(s.entities.list({ type: 'place' }).map((e) => e.name)).toEqual(expect.arrayContaining(['Rostov-on-Don', 'Türkiye', 'Ankara']))
  })

  it('keeps a merge, a rename, a type change and the stop list through re-extraction and a re-import', async () => {
    const s = tempServices()
    const id = await importText(s, 'raid.txt', ARTICLE)
    const fiod = byName(s, 'Fiscal Information and Investigation Service')!
    const jansen = byName(s, 'Maria Jansen')!
    s.entities.merge(byName(s, 'Ankara')!.id, byName(s, 'Türkiye')!.id)
    s.entities.rename(fiod.id, 'FIOD (Dutch fiscal police)')
    s.entities.retype(jansen.id, 'org')
    s.entities.stop(byName(s, 'Limassol')!.id)
    const check = () => {
      expect(byName(s, 'Türkiye')!.aliases).toContain('Ankara')
      expect(s.entities.list().some((e) => e.name === 'Ankara')).toBe(false)
      expect(byName(s, 'FIOD (Dutch fiscal police)')!.aliases).toEqual(expect.arrayContaining(['FIOD', 'Fiscal Information and Investigation Service']))
      expect(byName(s, 'Maria Jansen')!.type).toBe('org')
      expect(byName(s, 'Limassol')).toBeUndefined()
    }
    check()
    await s.entityIndexer.extract(id, true)
    check()
    // A newer version of the same article (same title, most paragraphs kept, one added).
    await importText(s, 'raid-v2.txt', `${ARTICLE}\n\nKaya later met officials in Ankara again.`)
    check()
  })

  it('splits an alias back out, and the split holds after re-extraction', async () => {
    const s = tempServices()
    const id = await importText(s, 'raid.txt', ARTICLE)
    const kaya = byName(s, 'Ömer Faruk Kaya')!
    const alone = s.entities.splitAlias(kaya.id, 'Kaya')
    expect(alone.name).toBe('Kaya')
    expect(byName(s, 'Ömer Faruk Kaya')!.aliases).not.toContain('Kaya')
    await s.entityIndexer.extract(id, true)
    expect(s.entities.list().find((e) => e.name === 'Kaya')?.mentionCount).toBeGreaterThan(0)
    // Splitting a merged alias undoes the merge.
    const turkey = byName(s, 'Türkiye')!
    s.entities.merge(byName(s, 'Ankara')!.id, turkey.id)
    s.entities.splitAlias(turkey.id, 'Ankara')
    expect(s.entities.list().find((e) => e.name === 'Ankara')?.mentionCount).toBe(1)
  })

  it('keeps a mention the analyst added from a selection, and refuses one outside the text', async () => {
    const s = tempServices()
    const id = await importText(s, 'raid.txt', ARTICLE)
    const text = s.articles.get(id).text
    const at = text.indexOf('Nordic Dawn')
    const ship = s.entities.addEntity('Nordic Dawn', 'org')
    s.entities.addMention(id, at, at + 'Nordic Dawn'.length, ship.id)
    await s.entityIndexer.extract(id, true)
    const after = s.entities.get(ship.id)
    expect(after.mentions).toEqual([{ articleId: id, start: at, end: at + 11, text: 'Nordic Dawn', origin: 'analyst' }])
    expect(() => s.entities.addMention(id, text.length, text.length + 5, ship.id)).toThrow(/outside the article's text/)
  })

  it('checks the watch list at import and reports the matches', async () => {
    const s = tempServices()
    s.watchList.add('Caspian Horizon')
    s.watchList.add('IMO\\s*939\\d{4}', true)
    expect(() => s.watchList.add('(unclosed', true)).toThrow(/not a valid regular expression/)
    const result = await s.articles.importFile('raid.txt', new TextEncoder().encode(ARTICLE))
    expect(result.message).toBe('Watch list: Caspian Horizon, IMO\\s*939\\d{4}.')
    expect(s.watchList.list().map((w) => w.articleCount)).toEqual([1, 1])
    expect(s.watchList.articlesMatching(s.watchList.list()[0]!.id)).toEqual([result.articleId])
  })

  it('extracts an existing library as a background job with progress, and stops on Cancel', async () => {
    const s = tempServices()
    for (let i = 0; i < 6; i++) await s.articles.importFile(`n${i}.txt`, new TextEncoder().encode(`Memo ${i}\n\nKaya met Maria Jansen in Rotterdam on 3 May 2024. Item ${i}.`))
    const job = s.entityIndexer.startLibrary(true)
    expect(job.total).toBe(6)
    s.entityIndexer.cancel(job.jobId)
    let status = s.entityIndexer.status(job.jobId)
    while (!status.finished) {
      await new Promise((r) => setTimeout(r, 5))
      status = s.entityIndexer.status(job.jobId)
    }
    expect(status.cancelled).toBe(true)
    expect(status.done).toBeLessThan(6)
    const full = s.entityIndexer.startLibrary(true)
    while (!s.entityIndexer.status(full.jobId).finished) await new Promise((r) => setTimeout(r, 5))
    expect(s.entityIndexer.status(full.jobId)).toMatchObject({ done: 6, cancelled: false, failed: 0 })
  })
})

describe('timeline', () => {
  it('lists dated events with their sentences; the analyst’s confirm, edit and delete survive re-extraction', async () => {
    const s = tempServices()
    const id = await importText(s, 'raid.txt', ARTICLE)
    const events = s.timeline.list({ articleId: id })
    const text = s.articles.get(id).text
    expect(events.map((e) => [e.date, e.dateEnd, e.precision])).toEqual(expect.arrayContaining([['2024-02', '2024-08', 'month'], ['2016', null, 'year']]))
    for (const e of events) expect(text.slice(e.start, e.end)).toBe(e.sentence)
    const [first, second, third] = events
    s.timeline.confirm(first!.id)
    s.timeline.edit(second!.id, { date: '2024-03', precision: 'month', label: 'Sailing' })
    s.timeline.delete(third!.id)
    expect(() => s.timeline.edit(second!.id, { date: '2024-3-1', precision: 'day' })).toThrow(/date: “2024-3-1” is not a day/)
    await s.entityIndexer.extract(id, true)
    const after = s.timeline.list({ articleId: id })
    expect(after.find((e) => e.id === first!.id)?.confirmed).toBe(true)
    expect(after.find((e) => e.id === second!.id)).toMatchObject({ date: '2024-03', precision: 'month', label: 'Sailing', confirmed: true })
    expect(after.some((e) => e.id === third!.id)).toBe(false)
  })

  it('adds an event from a highlight, dated from its passage or by the analyst', async () => {
    const s = tempServices()
    const id = await importText(s, 'raid.txt', ARTICLE)
    const text = s.articles.get(id).text
    const quote = 'The company was founded in Limassol, Cyprus, in 2016.'
    const start = text.indexOf(quote)
    const h = s.highlights.create(id, start, start + quote.length)
    const event = await s.timeline.addFromHighlight(h.id)
    expect(event).toMatchObject({ date: '2016', precision: 'year', origin: 'analyst', highlightId: h.id, confirmed: true })
    const plain = 'A spokeswoman for the FIOD declined to name the suspects.'
    const at = text.indexOf(plain)
    const h2 = s.highlights.create(id, at, at + plain.length)
    await expect(s.timeline.addFromHighlight(h2.id)).rejects.toThrow(/has no date/)
    expect((await s.timeline.addFromHighlight(h2.id, { date: '2025-03-10', precision: 'day' })).date).toBe('2025-03-10')
  })

  it('filters by case', async () => {
    const s = tempServices()
    const id = await importText(s, 'raid.txt', ARTICLE)
    await importText(s, 'other.txt', 'Other memo\n\nThe ferry sank on 4 June 2023.')
    const c = s.cases.create('Port raid', '')
    s.cases.addArticles(c.id, [id])
    expect(new Set(s.timeline.list({ caseId: c.id }).map((e) => e.articleId))).toEqual(new Set([id]))
    expect(() => s.timeline.list({ caseId: '00000000-0000-4000-8000-000000000000' })).toThrow(/No case/)
  })
})
