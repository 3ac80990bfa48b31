import { describe, expect, it } from 'vitest'
import { LibraryQueryInput, type LibraryFacets, type LibraryPage, type LibraryQueryInput as Input } from '../../shared/library/library-types'
import { pageSql } from './library-query'
import { importText, tempServices, type TempServices } from '../../../test/support/temp-services'

const KEY_FACT = '00000000-0000-4000-8000-000000000001'
const CLAIM = '00000000-0000-4000-8000-000000000002'

async function page(s: TempServices, input: Input = {}): Promise<LibraryPage> {
  const r = await s.dispatch('library.query', input)
  if (!r.ok) throw new Error(r.error.message)
  return r.value as LibraryPage
}

async function facets(s: TempServices): Promise<LibraryFacets> {
  const r = await s.dispatch('library.facets', {})
  if (!r.ok) throw new Error(r.error.message)
  return r.value as LibraryFacets
}

async function library() {
  const s = tempServices()
  const ids: Record<string, string> = {}
  const rows = [
    ['beta', 'Beta report', 'Reuters', '2024-05-01', ['energy']],
    ['alpha', 'alpha brief', 'AP', '2022-01-01', ['energy', 'baltic']],
    ['gamma', 'Gamma notes', 'Reuters', null, []]
  ] as const
  for (const [key, title, source, published, tags] of rows) {
    const id = await importText(s, `${key}.txt`, `${title}\n\nBody of ${key} with enough words to be a paragraph.`)
    s.articles.updateMetadata(id, { title, source, publishedAt: published })
    s.articles.setTags(id, [...tags])
    ids[key] = id
  }
  const text = s.articles.get(ids.beta!).text
  s.highlights.create(ids.beta!, 0, 4, CLAIM)
  s.highlights.create(ids.beta!, 5, 7, CLAIM)
  s.highlights.create(ids.gamma!, 0, 4, KEY_FACT)
  void text
  return { s, ids }
}

const titles = (p: LibraryPage) => p.items.map((i) => i.title)

describe('library pages', () => {
  it('sorts by date imported, date published, title and source, both ways', async () => {
    const { s } = await library()
    expect(titles(await page(s))).toEqual(['Gamma notes', 'alpha brief', 'Beta report'])
    expect(titles(await page(s, { sort: 'title', direction: 'asc' }))).toEqual(['alpha brief', 'Beta report', 'Gamma notes'])
    // Without a published date, the imported date stands in.
    expect(titles(await page(s, { sort: 'published', direction: 'desc' }))).toEqual(['Gamma notes', 'Beta report', 'alpha brief'])
    expect(titles(await page(s, { sort: 'source', direction: 'asc' }))).toEqual(['alpha brief', 'Beta report', 'Gamma notes'])
  })

  it('pages with offset and limit, and reports the total', async () => {
    const { s } = await library()
    const p = await page(s, { sort: 'title', direction: 'asc', offset: 1, limit: 1 })
    expect(p).toMatchObject({ total: 3, items: [{ title: 'Beta report', highlightCount: 2 }] })
  })

  it('filters by tag, label and source, with the filtered total', async () => {
    const { s, ids } = await library()
    expect(await page(s, { filter: { tag: 'energy' }, sort: 'title', direction: 'asc' })).toMatchObject({ total: 2, items: [{ id: ids.alpha }, { id: ids.beta }] })
    expect(await page(s, { filter: { labelId: CLAIM } })).toMatchObject({ total: 1, items: [{ id: ids.beta }] })
    expect(await page(s, { filter: { source: 'Reuters', tag: 'energy' } })).toMatchObject({ total: 1, items: [{ id: ids.beta }] })
    expect((await page(s, { filter: { source: 'Reuters' } })).total).toBe(2)
  })

  it('filters by case, alone or with other filters, with the filtered total', async () => {
    const { s, ids } = await library()
    const c = s.cases.create('Energy security')
    s.cases.addArticles(c.id, [ids.alpha!, ids.gamma!])
    expect(await page(s, { filter: { caseId: c.id }, sort: 'title', direction: 'asc' })).toMatchObject({ total: 2, items: [{ id: ids.alpha }, { id: ids.gamma }] })
    expect(await page(s, { filter: { caseId: c.id, source: 'Reuters' } })).toMatchObject({ total: 1, items: [{ id: ids.gamma }] })
    s.trash.deleteArticle(ids.gamma!)
    expect((await page(s, { filter: { caseId: c.id } })).total).toBe(1)
  })

  it('filters by a watch-list entry, alone or with other filters, and lists the entries with their live articles', async () => {
    const { s, ids } = await library()
    const watched = s.watchList.add('Body of beta')
    const either = s.watchList.add('Body of (alpha|gamma)', true)
    expect(await page(s, { filter: { watchId: watched.id } })).toMatchObject({ total: 1, items: [{ id: ids.beta }] })
    expect(await page(s, { filter: { watchId: either.id, source: 'Reuters' } })).toMatchObject({ total: 1, items: [{ id: ids.gamma }] })
    s.trash.deleteArticle(ids.gamma!)
    expect((await page(s, { filter: { watchId: either.id } })).total).toBe(1)
    expect((await facets(s)).watch).toEqual([
      { id: either.id, name: 'Body of (alpha|gamma)', count: 1 },
      { id: watched.id, name: 'Body of beta', count: 1 }
    ])
  })

  it('reads every sort from an index instead of sorting the library', () => {
    for (const sort of ['imported', 'published', 'title', 'source'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const s = tempServices()
        const { sql, params } = pageSql(LibraryQueryInput.parse({ sort, direction }))
        const plan = (s.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params, 10, 0) as { detail: string }[]).map((r) => r.detail)
        expect(plan.join('\n'), `${sort} ${direction}`).not.toMatch(/TEMP B-TREE|SCAN a\b(?! USING)/)
      }
    }
  })
})

describe('library facets', () => {
  it('counts articles, sources, tags and highlights per label', async () => {
    const { s } = await library()
    const f = await facets(s)
    expect(f.total).toBe(3)
    expect(f.sources).toEqual([
      { name: 'Reuters', count: 2 },
      { name: 'AP', count: 1 }
    ])
    expect(f.tags).toEqual([
      { name: 'energy', count: 2 },
      { name: 'baltic', count: 1 }
    ])
    expect(f.labels.find((l) => l.id === CLAIM)?.count).toBe(2)
    expect(f.labels.find((l) => l.id === KEY_FACT)?.count).toBe(1)
  })

  it('leaves trashed articles out of every count and list, and brings them back on restore', async () => {
    const { s, ids } = await library()
    const before = await facets(s)
    s.db.prepare("UPDATE articles SET deleted_at = '2026-03-01T00:00:00Z' WHERE id = ?").run(ids.beta)
    const trashed = await facets(s)
    expect(trashed.total).toBe(2)
    expect(trashed.sources).toEqual([
      { name: 'AP', count: 1 },
      { name: 'Reuters', count: 1 }
    ])
    expect(trashed.tags).toEqual([
      { name: 'baltic', count: 1 },
      { name: 'energy', count: 1 }
    ])
    expect(trashed.labels.find((l) => l.id === CLAIM)?.count).toBe(0)
    expect((await page(s)).items.map((i) => i.id)).not.toContain(ids.beta)
    expect((await page(s, { filter: { labelId: CLAIM } })).total).toBe(0)
    s.db.prepare('UPDATE articles SET deleted_at = NULL WHERE id = ?').run(ids.beta)
    expect(await facets(s)).toEqual(before)
  })

  it('follows edits: tags, sources, labels, deleted highlights and deleted articles', async () => {
    const { s, ids } = await library()
    s.articles.setTags(ids.gamma!, ['energy'])
    s.articles.updateMetadata(ids.alpha!, { source: 'Reuters' })
    const beta = s.highlights.list(ids.beta!)
    s.highlights.setLabel(beta[0]!.id, KEY_FACT)
    s.highlights.delete(beta[1]!.id)
    let f = await facets(s)
    expect(f.tags).toEqual([
      { name: 'energy', count: 3 },
      { name: 'baltic', count: 1 }
    ])
    expect(f.sources).toEqual([{ name: 'Reuters', count: 3 }])
    expect(f.labels.find((l) => l.id === CLAIM)?.count).toBe(0)
    expect(f.labels.find((l) => l.id === KEY_FACT)?.count).toBe(2)
    s.db.prepare('DELETE FROM articles WHERE id = ?').run(ids.beta)
    f = await facets(s)
    expect(f.total).toBe(2)
    expect(f.labels.find((l) => l.id === KEY_FACT)?.count).toBe(1)
    expect(f.tags.find((t) => t.name === 'energy')?.count).toBe(2)
  })

  it('counts a library that existed before the counts did', async () => {
    const { s } = await library()
    const expected = await facets(s)
    s.db.exec("DELETE FROM library_facets; PRAGMA user_version = 9;")
    const { migration010 } = await import('../db/migrations/010-library-facets')
    s.db.exec(`DROP TRIGGER IF EXISTS facets_article_insert; DROP TRIGGER IF EXISTS facets_article_delete; DROP TRIGGER IF EXISTS facets_article_trash;
      DROP TRIGGER IF EXISTS facets_article_restore; DROP TRIGGER IF EXISTS facets_article_source; DROP TRIGGER IF EXISTS facets_article_tag_insert;
      DROP TRIGGER IF EXISTS facets_article_tag_delete; DROP TRIGGER IF EXISTS facets_highlight_insert; DROP TRIGGER IF EXISTS facets_highlight_delete;
      DROP TRIGGER IF EXISTS facets_highlight_update; DROP TABLE library_facets; DROP INDEX articles_live_imported; DROP INDEX articles_live_published;
      DROP INDEX articles_live_title; DROP INDEX articles_live_source; DROP INDEX highlights_article_label;`)
    s.db.exec(migration010.up as string)
    expect(await facets(s)).toEqual(expected)
  })
})
