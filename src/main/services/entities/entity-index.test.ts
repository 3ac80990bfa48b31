import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { PORT_RAID } from '../../../shared/entities/fixtures/news-en'
import { tempServices, type TempServices } from '../../../../test/support/temp-services'
import { entitiesRepo } from '../../db/repos/entities'
import { timelineCsv, timelineMarkdown } from './timeline-export'
import { countMatches } from './watch-list'

const ARTICLE = `Port raid in Rotterdam\n\nPublished 12 March 2025\n\n${PORT_RAID.text}`

async function importText(s: TempServices, name: string, text: string): Promise<string> {
  const result = await s.articles.importFile(name, new TextEncoder().encode(text))
  await s.entityIndexer.extractPending()
  return result.articleId!
}

const find = (s: TempServices, name: string) => s.entities.index().items.find((e) => e.name === name || e.aliases.includes(name))

describe('the entity index as the view reads it', () => {
  it('counts in SQL what the full listing counts, per type, with the filter', async () => {
    const s = tempServices()
    const raid = await importText(s, 'raid.txt', ARTICLE)
    const memo = await importText(s, 'memo.txt', 'Memo\n\nKaya met Maria Jansen in Rotterdam on 3 May 2024 and again in Ankara.')
    const full = s.entities.list()
    const { items, counts } = s.entities.index()
    expect(items.map((e) => [e.name, e.mentionCount, e.articleCount]).sort()).toEqual(full.map((e) => [e.name, e.mentionCount, e.articleCount]).sort())
    for (const type of ['person', 'org', 'place', 'selector'] as const) {
      expect(counts[type]).toBe(full.filter((e) => e.type === type).length)
      expect(s.entities.index({ type }).items.every((e) => e.type === type)).toBe(true)
    }
    // Sorted by mentions, most first; the filter finds an entity by an alias.
    expect(items.map((e) => e.mentionCount)).toEqual([...items.map((e) => e.mentionCount)].sort((a, b) => b - a))
    expect(s.entities.index({ filter: 'fiod' }).items.map((e) => e.name)).toContain('Fiscal Information and Investigation Service')
    expect(s.entities.index({ filter: '100%_' }).items).toEqual([])
    // The counts kept by triggers follow a merge, a re-extraction and the Trash as the full listing does.
    const same = () => {
      const listed = s.entities.list().map((e) => [e.name, e.mentionCount, e.articleCount].join('|')).sort()
      expect(s.entities.index().items.map((e) => [e.name, e.mentionCount, e.articleCount].join('|')).sort()).toEqual(listed)
      expect(s.entities.index({ limit: 3 }).items.map((e) => e.mentionCount)).toEqual(s.entities.list().slice(0, 3).map((e) => e.mentionCount))
    }
    s.entities.merge(find(s, 'Kaya')!.id, find(s, 'Maria Jansen')!.id)
    same()
    await s.entityIndexer.extract(raid, true)
    same()
    s.db.prepare("UPDATE articles SET deleted_at = '2026-01-01T00:00:00Z' WHERE id = ?").run(memo)
    same()
    expect(s.entities.index().counts.person).toBe(s.entities.list({ type: 'person' }).length)
  })

  it('counts the articles not extracted yet from kept counts, through extraction, the Trash and deletion', async () => {
    const s = tempServices()
    const entities = entitiesRepo(s.db)
    const pending = () => {
      const shown = s.entities.index().pending
      expect(shown).toBe(entities.pendingCountScanned())
      return shown
    }
    expect(pending()).toBe(0)
    const ids: string[] = []
    const texts = [
      'Maria Jansen met the port authority in Rotterdam about the convoy.',
      'Ömer Faruk Kaya flew from Ankara to Brussels for the customs talks.',
      'The ministry in Lisbon published its grain figures on Monday.',
      'Analysts at Europol in The Hague traced the shipping containers.'
    ]
    for (const [i, text] of texts.entries()) ids.push((await s.articles.importFile(`memo-${i}.txt`, new TextEncoder().encode(`Memo ${i}\n\n${text}`))).articleId!)
    expect(pending()).toBe(4)
    await s.entityIndexer.extract(ids[0]!, true)
    await s.entityIndexer.extract(ids[1]!, true)
    expect(pending()).toBe(2)
    // Trashed articles are not waiting, extracted or not; restored ones count again.
    s.db.prepare("UPDATE articles SET deleted_at = '2026-01-01T00:00:00Z' WHERE id IN (?, ?)").run(ids[0], ids[2])
    expect(pending()).toBe(1)
    s.db.prepare('UPDATE articles SET deleted_at = NULL WHERE id = ?').run(ids[2])
    expect(pending()).toBe(2)
    // Emptying the Trash and deleting a live article that was extracted.
    s.db.prepare('DELETE FROM articles WHERE deleted_at IS NOT NULL').run()
    s.db.prepare('DELETE FROM articles WHERE id = ?').run(ids[1])
    expect(pending()).toBe(2)
    await s.entityIndexer.extractPending()
    expect(pending()).toBe(0)
  })

  it('shows an entity page: every mention with the words around it, related entities, highlights', async () => {
    const s = tempServices()
    const id = await importText(s, 'raid.txt', ARTICLE)
    const text = s.articles.get(id).text
    const kaya = find(s, 'Ömer Faruk Kaya')!
    const quote = text.slice(text.indexOf('Kaya') - 10, text.indexOf('Kaya') + 4)
    s.highlights.create(id, text.indexOf(quote), text.indexOf(quote) + quote.length)
    const page = s.entities.page(kaya.id)
    expect(page.entity.name).toBe('Ömer Faruk Kaya')
    expect(page.articles).toHaveLength(1)
    expect(page.articles[0]!.title).toBe('Port raid in Rotterdam')
    for (const m of page.articles[0]!.mentions) {
      expect(text.slice(m.start, m.end)).toBe(m.text)
      expect(text.slice(0, m.start).replace(/\s+/g, ' ').endsWith(m.before)).toBe(true)
    }
    expect(page.related.length).toBeGreaterThan(0)
    expect(page.related.some((r) => r.id === kaya.id)).toBe(false)
    expect(page.highlights.map((h) => h.exact)).toEqual([quote])
    // What the reader marks: each mention with its entity, in text order, its words in the text.
    const marks = s.entities.mentionsIn(id)
    expect(marks.map((m) => m.start)).toEqual([...marks.map((m) => m.start)].sort((a, b) => a - b))
    expect(marks.filter((m) => m.entityId === kaya.id).map((m) => text.slice(m.start, m.end))).toEqual(expect.arrayContaining(['Ömer Faruk Kaya', 'Kaya']))
    expect(marks.find((m) => m.entityId === kaya.id)).toMatchObject({ type: 'person', name: 'Ömer Faruk Kaya' })
  })

  it('pages an entity page by article, with the totals of the whole library less the Trash', async () => {
    const s = tempServices()
    const ids: string[] = []
    for (let i = 1; i <= 3; i++) ids.push(await importText(s, `memo-${i}.txt`, `Memo ${i}\n\nMaria Jansen met the port authority in Rotterdam about convoy ${i}.`))
    const jansen = find(s, 'Maria Jansen')!
    const first = s.entities.page(jansen.id, { limit: 2 })
    expect(first).toMatchObject({ offset: 0, articleTotal: 3, truncated: true, relatedSample: null })
    expect(first.entity).toMatchObject({ mentionCount: 3, articleCount: 3 })
    expect(first.articles.map((a) => a.articleId)).toEqual(ids.slice(0, 2))
    const rest = s.entities.page(jansen.id, { offset: 2, limit: 2 })
    expect(rest.articles.map((a) => a.articleId)).toEqual([ids[2]])
    expect(rest.truncated).toBe(false)
    expect(rest.articles[0]!.mentions.map((m) => m.text)).toEqual(['Maria Jansen'])
    // The places named with her are counted over every article she is in.
    expect(first.related.find((r) => r.name === 'Rotterdam')?.articleCount).toBe(3)
    s.trash.deleteArticle(ids[0]!)
    const after = s.entities.page(jansen.id)
    expect(after.entity).toMatchObject({ mentionCount: 2, articleCount: 2 })
    expect(after.articles.map((a) => a.articleId)).toEqual(ids.slice(1))
  })

  it('pages the timeline in date order, the pages together being the whole list', async () => {
    const s = tempServices()
    await importText(s, 'a.txt', 'Talks\n\nThe talks opened on 3 May 2024. A second round followed on 9 June 2023. The pact was signed on 1 March 2025.')
    await importText(s, 'b.txt', 'Ports\n\nThe port closed on 12 January 2022 and reopened on 30 August 2024.')
    const all = s.timeline.list()
    expect(all.map((e) => e.date)).toEqual([...all.map((e) => e.date)].sort())
    const first = s.timeline.page({}, { limit: 2 })
    const rest = s.timeline.page({}, { offset: 2, limit: 100 })
    expect(first.total).toBe(all.length)
    expect(rest.total).toBe(all.length)
    expect([...first.items, ...rest.items].map((e) => e.id)).toEqual(all.map((e) => e.id))
    expect(first.items).toHaveLength(2)
  })

  it('takes back a merge, a rename and "not an entity" with Undo', async () => {
    const s = tempServices()
    await importText(s, 'raid.txt', ARTICLE)
    const before = s.entities.index().items
    const ankara = find(s, 'Ankara')!
    const turkey = find(s, 'Türkiye')!
    const merged = s.entities.merge(ankara.id, turkey.id)
    expect(merged.aliases).toContain('Ankara')
    const renamed = s.entities.rename(turkey.id, 'Republic of Türkiye')
    const stopped = s.entities.stop(find(s, 'Limassol')!.id)
    expect(find(s, 'Limassol')).toBeUndefined()
    s.entities.undo(stopped)
    s.entities.undo(renamed.decisionId!)
    s.entities.undo(merged.decisionId!)
    expect(s.entities.index().items).toEqual(before)
    expect(() => s.entities.undo(merged.decisionId!)).toThrow(/already taken back/)
  })
})

describe('watch-list patterns cannot hang an import', () => {
  it('runs a catastrophic pattern in linear time and refuses what only backtracking can do', () => {
    const s = tempServices()
    // (a+)+$ against a long run of a's and a stop takes exponential time in a backtracking engine.
    const hostile = `${'a'.repeat(50_000)}!`
    const t0 = performance.now()
    expect(countMatches('(a+)+$', true, hostile)).toBe(0)
    expect(countMatches('(x|x?)+y', true, 'x'.repeat(50_000))).toBe(0)
    // A generous bound that a backtracking engine misses by hours; not a timing test of our speed.
    expect(performance.now() - t0).toBeLessThan(10_000)
    expect(() => s.watchList.add('(a)\\1', true)).toThrow(/pattern: “\(a\)\\1” is not a valid regular expression.*Back-references and look-around/)
    expect(() => s.watchList.add('(?<!x)kaya', true)).toThrow(/not a valid regular expression/)
    expect(() => s.watchList.add('x*', true)).toThrow(/matches an empty text/)
    expect(countMatches('caspian\\s+horizon', true, 'CASPIAN  Horizon and caspian horizon')).toBe(2)
    expect(countMatches('Kaya', false, 'Kaya, Kayak, kaya')).toBe(2)
  })
})

describe('timeline export', () => {
  it('writes CSV and Markdown with ISO dates at their precision, citations, and inert cells', async () => {
    const s = tempServices()
    const id = await importText(s, 'raid.txt', ARTICLE)
    const events = s.timeline.list()
    expect(events.length).toBeGreaterThan(2)
    const rows = parse(timelineCsv(events), { bom: true, columns: true }) as Record<string, string>[]
    expect(rows).toHaveLength(events.length)
    for (const [i, row] of rows.entries()) {
      const e = events[i]!
      expect(row.date).toBe(e.date)
      expect(row.date).toMatch(e.precision === 'day' ? /^\d{4}-\d{2}-\d{2}$/ : e.precision === 'month' ? /^\d{4}-\d{2}$/ : /^\d{4}$/)
      expect(row.article).toBe('Port raid in Rotterdam')
      expect(row.link).toBe(`dossier://article/${id}`)
    }
    expect(rows.some((r) => r.date === '2024-02' && r.date_end === '2024-08' && r.precision === 'month')).toBe(true)
    const hostile = { ...events[0]!, sentence: '=HYPERLINK("x")', label: null }
    expect((parse(timelineCsv([hostile]), { bom: true, columns: true }) as Record<string, string>[])[0]!.sentence).toBe(`'=HYPERLINK("x")`)
    const md = timelineMarkdown(events, 'Timeline: Library')
    expect(md.split('\n')[0]).toBe('# Timeline: Library')
    expect(md).toContain(`- **2024-02–2024-08** `)
    expect(md).toContain(`(Port raid in Rotterdam, `)
    expect(md).toContain(`<dossier://article/${id}>`)
  })

  it('brings a deleted event back with Undo', async () => {
    const s = tempServices()
    await importText(s, 'raid.txt', ARTICLE)
    const [first] = s.timeline.list()
    s.timeline.delete(first!.id)
    expect(s.timeline.list().some((e) => e.id === first!.id)).toBe(false)
    expect(s.timeline.restore(first!.id).id).toBe(first!.id)
  })
})
