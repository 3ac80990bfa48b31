import { describe, expect, it } from 'vitest'
import { tempServices } from '../../../../test/support/temp-services'
import { entitiesRepo } from '../../db/repos/entities'

/**
 * An entity page is read one of two ways (entities.ts, articlesPage and related): walking the
 * library in import order, for an entity named in much of it, or from the entity's own articles,
 * for a rare one. The page chooses by counts; whichever it chooses, the analyst sees the same page.
 */
describe('the two ways of reading an entity page', () => {
  it('give the same articles, in the same order, and the same entities named with it, the Trash left out', async () => {
    const s = tempServices()
    const ids: string[] = []
    const names = ['Kaya', 'Maria Jansen', 'Rotterdam', 'Ankara', 'Europol']
    for (let i = 0; i < 8; i++) {
      const text = `Memo ${i}\n\n${names[i % 5]} met ${names[(i + 1) % 5]} in ${names[(i * 2) % 5]} on ${i + 1} May 2024.`
      ids.push((await s.articles.importFile(`memo-${i}.txt`, new TextEncoder().encode(text))).articleId!)
    }
    await s.entityIndexer.extractPending()
    s.trash.deleteArticle(ids[2]!)
    const repo = entitiesRepo(s.db)
    const entities = s.entities.list()
    expect(entities.length).toBeGreaterThanOrEqual(3)
    for (const e of entities) {
      for (const [limit, offset] of [[2, 0], [2, 2], [50, 0], [3, 1]] as const) {
        const walked = repo.articlesPage(e.id, limit, offset, true).map((a) => a.id)
        expect(walked).toEqual(repo.articlesPage(e.id, limit, offset, false).map((a) => a.id))
      }
      // Every article of the entity, in import order, over the pages.
      const all = repo.articlesPage(e.id, 50, 0, true).map((a) => a.id)
      expect(all).toEqual([...new Set(e.mentions.map((m) => m.articleId))].sort((x, y) => ids.indexOf(x) - ids.indexOf(y)))
      for (const sample of [1, 3, 2000]) expect(repo.related(e.id, sample, true)).toEqual(repo.related(e.id, sample, false))
      expect(repo.related(e.id, 2000, true).length).toBeGreaterThan(0)
    }
  })
})
