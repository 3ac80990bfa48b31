import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { SearchGroup, SearchResults } from '../../../shared/search/search-types'
import { importText, plainNoteState, tempServices, type TempServices } from '../../../../test/support/temp-services'
import { parseQuery } from '../../../shared/search/parse-query'
import { candidateQueries, findCandidates, type Candidate } from './search-engine'

const CLAIM = '00000000-0000-4000-8000-000000000002'

/** A small library: three articles with metadata, highlights, notes, tags and a notebook. */
async function library() {
  const s = tempServices()
  const grain = await importText(
    s,
    'grain.txt',
    'Grain corridor reopens\n\nThe grain corridor through the strait reopened on Monday. Insurers raised premiums for tankers.\n\nPort officials said the <b>winter</b> schedule stays.'
  )
  s.articles.updateMetadata(grain, { source: 'Baltic Times', author: 'Jane Roe', publishedAt: '2024-02-10' })
  s.articles.setTags(grain, ['shipping'])
  const ports = await importText(
    s,
    'ports.txt',
    'Ports brace for strikes\n\nDock workers voted to strike. The corridor for grain was not mentioned. Café owners near the port worried.'
  )
  s.articles.updateMetadata(ports, { source: 'Harbour Daily', author: 'Ann Smith', publishedAt: '2023-06-01' })
  const world = await importText(
    s,
    'world.txt',
    'Мировые новости\n\nЭкспорт зерна вырос. Ο Müller είπε ότι η αγορά σιτηρών ανακάμπτει. 東京都の天気は晴れ。'
  )
  const text = s.articles.get(grain).text
  const at = (phrase: string) => {
    const start = text.indexOf(phrase)
    return [start, start + phrase.length] as const
  }
  const insurers = s.highlights.create(grain, ...at('Insurers raised premiums'), CLAIM)
  const officials = s.highlights.create(grain, ...at('Port officials said'))
  s.notes.save(insurers.id, plainNoteState('Check the Lloyd figures before quoting.'))
  s.highlights.setTags(officials.id, ['sourcing'])
  s.db
    .prepare('INSERT INTO notebooks (article_id, content, plain_text, updated_at) VALUES (?, ?, ?, ?)')
    .run(ports, plainNoteState('Assessment: strike risk is high.'), 'Assessment: strike risk is high.', '2026-01-01T00:00:00Z')
  return { s, grain, ports, world, insurers, officials }
}

async function search(s: TempServices, query: string, limit?: number): Promise<SearchResults> {
  const result = await s.dispatch('search.query', { query, ...(limit ? { limit } : {}) })
  if (!result.ok) throw new Error(result.error.message)
  return result.value as SearchResults
}

const titles = (r: SearchResults) => r.groups.map((g) => g.title)
const marked = (g: SearchGroup) => g.hits.flatMap((h) => h.snippet.parts.filter((p) => p.match).map((p) => p.text))

describe('search', () => {
  it('matches a "phrase" only where its words stand together', async () => {
    const { s } = await library()
    expect(titles(await search(s, '"grain corridor"'))).toEqual(['Grain corridor reopens'])
    expect(titles(await search(s, 'grain corridor')).sort()).toEqual(['Grain corridor reopens', 'Ports brace for strikes'])
  })

  it('finds words by their beginning with prefix*', async () => {
    const { s } = await library()
    const r = await search(s, 'insur*')
    expect(titles(r)).toEqual(['Grain corridor reopens'])
    expect(marked(r.groups[0]!)).toContain('Insurers')
  })

  it('groups matches by article and says where each one is: text, highlight or note', async () => {
    const { s, grain, insurers } = await library()
    const r = await search(s, 'insurers OR lloyd')
    expect(r.groups).toHaveLength(1)
    const group = r.groups[0]!
    expect(group.articleId).toBe(grain)
    expect(group.hits.map((h) => h.kind).sort()).toEqual(['highlight', 'note', 'text'])
    const highlight = group.hits.find((h) => h.kind === 'highlight')!
    expect(highlight).toMatchObject({ highlightId: insurers.id, start: insurers.start, end: insurers.end })
    const note = group.hits.find((h) => h.kind === 'note')!
    expect(note.highlightId).toBe(insurers.id)
    expect(marked(group)).toEqual(expect.arrayContaining(['Insurers', 'Lloyd']))
  })

  it('gives the text passage’s offsets, so the reader can scroll to it', async () => {
    const { s, grain } = await library()
    const hit = (await search(s, 'reopened')).groups[0]!.hits[0]!
    expect(hit.kind).toBe('text')
    expect(s.articles.get(grain).text.slice(hit.start!, hit.end!)).toBe('reopened')
  })

  it('returns snippets as plain text parts, never markup', async () => {
    const { s } = await library()
    const hit = (await search(s, 'winter')).groups[0]!.hits.find((h) => h.kind === 'text')!
    const text = hit.snippet.parts.map((p) => p.text).join('')
    expect(text).toContain('<b>winter</b>')
    expect(hit.snippet.parts.filter((p) => p.match)).toEqual([{ text: 'winter', match: true }])
  })

  it('ranks a title match above a passing mention', async () => {
    const { s } = await library()
    expect(titles(await search(s, 'strikes OR strike'))[0]).toBe('Ports brace for strikes')
  })

  it('excludes -words', async () => {
    const { s } = await library()
    expect(titles(await search(s, 'grain -insurers'))).toEqual(['Ports brace for strikes'])
  })

  it('filters by tag, label, source, author and kind of text', async () => {
    const { s } = await library()
    expect(titles(await search(s, 'corridor tag:shipping'))).toEqual(['Grain corridor reopens'])
    expect(titles(await search(s, 'port* tag:sourcing'))).toEqual(['Grain corridor reopens'])
    expect(titles(await search(s, 'corridor source:harbour'))).toEqual(['Ports brace for strikes'])
    expect(titles(await search(s, 'corridor author:"jane roe"'))).toEqual(['Grain corridor reopens'])
    const claims = await search(s, 'label:claim')
    // A label is a highlight's: its note comes along, the article's own text does not.
    expect(claims.groups.flatMap((g) => g.hits.map((h) => h.kind)).sort()).toEqual(['highlight', 'note'])
    expect((await search(s, 'strike in:notes')).groups.flatMap((g) => g.hits.map((h) => h.kind))).toEqual(['notebook'])
    expect((await search(s, 'premiums in:highlights')).groups.flatMap((g) => g.hits.map((h) => h.kind))).toEqual(['highlight'])
  })

  it('filters by case, source reliability (with the article override), credibility and ungraded', async () => {
    const { s, grain, ports, insurers } = await library()
    const bySource = new Map(s.sources.list().map((x) => [x.name, x.id]))
    s.grading.setSourceReliability(bySource.get('Baltic Times')!, 'B')
    s.grading.setSourceReliability(bySource.get('Harbour Daily')!, 'D')
    expect(titles(await search(s, 'corridor reliability:A-B'))).toEqual(['Grain corridor reopens'])
    expect(titles(await search(s, 'corridor reliability:c-f'))).toEqual(['Ports brace for strikes'])
    s.grading.setArticleReliability(ports, 'A', 'named dock workers, on the record')
    expect(titles(await search(s, 'corridor reliability:A-B')).sort()).toEqual(['Grain corridor reopens', 'Ports brace for strikes'])

    s.grading.setCredibility(insurers.id, 2)
    const graded = await search(s, 'credibility:1-2')
    // A credibility is a highlight's: its note comes along, article text and notebooks do not.
    expect(graded.groups.flatMap((g) => g.hits.map((h) => [h.kind, h.highlightId])).sort()).toEqual([
      ['highlight', insurers.id],
      ['note', insurers.id]
    ])
    expect((await search(s, 'credibility:3-6')).groups).toEqual([])
    const ungraded = await search(s, 'ungraded')
    expect(ungraded.groups.flatMap((g) => g.hits.map((h) => `${h.kind} ${h.snippet.parts.map((p) => p.text).join('')}`))).toEqual(['highlight Port officials said'])

    const baltic = s.cases.create('Baltic shipping')
    s.cases.addArticles(baltic.id, [grain])
    expect(titles(await search(s, 'corridor case:"baltic shipping"'))).toEqual(['Grain corridor reopens'])
    expect((await search(s, 'corridor case:"no such case"')).groups).toEqual([])
    // The app scopes its search box to the open case by id, so a name with quotes in it still works.
    const quoted = s.cases.create('The "Ice" file')
    s.cases.addArticles(quoted.id, [grain])
    expect(titles(await search(s, `case:${quoted.id} corridor`))).toEqual(['Grain corridor reopens'])
  })

  it('filters by date: published, else imported', async () => {
    const { s } = await library()
    expect(titles(await search(s, 'corridor before:2024'))).toEqual(['Ports brace for strikes'])
    expect(titles(await search(s, 'corridor after:2023-12'))).toEqual(['Grain corridor reopens'])
  })

  it('finds accented words without accents, and Cyrillic, Greek and CJK text', async () => {
    const { s } = await library()
    expect(titles(await search(s, 'cafe'))).toEqual(['Ports brace for strikes'])
    expect(titles(await search(s, 'зерна'))).toEqual(['Мировые новости'])
    expect(titles(await search(s, 'muller σιτηρών'))).toEqual(['Мировые новости'])
    expect(titles(await search(s, 'ΑΓΟΡΆ'))).toEqual(['Мировые новости'])
    const cjk = await search(s, '東京')
    expect(titles(cjk)).toEqual(['Мировые новости'])
    // Only the word: it is found inside the run (the CJK side index, decision 0031).
    expect(marked(cjk.groups[0]!)).toEqual(['東京'])
  })

  it('never shows trashed articles, nor their highlights and notes', async () => {
    const { s, grain } = await library()
    s.db.prepare("UPDATE articles SET deleted_at = '2026-02-01T00:00:00Z' WHERE id = ?").run(grain)
    expect(titles(await search(s, 'insurers OR lloyd OR grain'))).toEqual(['Ports brace for strikes'])
    expect((await search(s, 'label:claim')).groups).toEqual([])
    s.db.prepare('UPDATE articles SET deleted_at = NULL WHERE id = ?').run(grain)
    expect(titles(await search(s, 'lloyd'))).toEqual(['Grain corridor reopens'])
  })

  it('follows edits: new titles, re-saved notes and deleted highlights', async () => {
    const { s, grain, insurers, officials } = await library()
    s.articles.updateMetadata(grain, { title: 'Strait shipping update' })
    expect(titles(await search(s, 'strait shipping'))).toEqual(['Strait shipping update'])
    s.notes.save(insurers.id, plainNoteState('Ask the underwriters.'))
    expect((await search(s, 'lloyd')).groups).toEqual([])
    expect(titles(await search(s, 'underwriters'))).toEqual(['Strait shipping update'])
    s.highlights.delete(officials.id)
    expect((await search(s, 'officials in:highlights')).groups).toEqual([])
  })

  it('answers an empty or syntax-only query with no results and no error', async () => {
    const { s } = await library()
    for (const q of ['', '(', '"', '*', 'OR', ')(', '🙂']) expect((await search(s, q)).groups, q).toEqual([])
    expect((await search(s, '-grain')).notice).toMatch(/Add a word/)
    // FTS5's own operator is just a word to Dossier.
    expect(titles(await search(s, 'NEAR('))).toEqual(['Ports brace for strikes'])
  })

  it('accepts any string through the contract without an error', async () => {
    const { s } = await library()
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 60 }), async (q) => {
        const r = await s.dispatch('search.query', { query: q })
        expect(r.ok).toBe(true)
      }),
      { numRuns: 150 }
    )
  })

  it('limits the number of articles returned', async () => {
    const { s } = await library()
    expect((await search(s, 'the', 1)).groups).toHaveLength(1)
  })
})

describe('filtered searches walk matches window by window', () => {
  it('never lose a passing match, and fill the page whenever enough matches pass', async () => {
    const s = tempServices()
    const tagged: string[] = []
    // 40 articles and 40 highlights all matching "harbour"; every seventh article carries the tag.
    for (let i = 0; i < 40; i++) {
      const id = await importText(s, `a${i}.txt`, `Harbour report ${i}\n\nThe harbour master spoke about berth ${i}.`)
      const text = s.articles.get(id).text
      s.highlights.create(id, text.indexOf('harbour master'), text.indexOf('harbour master') + 14)
      if (i % 7 === 0) {
        s.articles.setTags(id, ['quay'])
        tagged.push(id)
      }
    }
    const prepare = (sql: string) => s.db.prepare(sql)
    const plans = candidateQueries(parseQuery('harbour tag:quay'))
    expect(plans.some((p) => p.windowSql)).toBe(true)
    const everything = findCandidates(prepare, plans, Infinity, Number.MAX_SAFE_INTEGER)
    const key = (c: Candidate) => `${c.source}:${c.rid}`
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 10 }), async (window, limit) => {
        // With no page limit, windows walk to the end and find exactly what one walk finds.
        const all = findCandidates(prepare, plans, Infinity, window)
        expect(all.candidates.map(key).sort()).toEqual(everything.candidates.map(key).sort())
        // With one, they stop once the page can be filled, and not before.
        const page = findCandidates(prepare, plans, limit, window)
        const articles = new Set(page.candidates.map((c) => c.articleId))
        expect(articles.size).toBeGreaterThanOrEqual(Math.min(limit, tagged.length))
        expect([...articles].every((id) => tagged.includes(id))).toBe(true)
      })
    )
    expect(new Set(everything.candidates.map((c) => c.articleId))).toEqual(new Set(tagged))
    s.close()
  }, 60_000)
})
