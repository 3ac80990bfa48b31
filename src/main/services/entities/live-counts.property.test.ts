import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { tempServices, type TempServices } from '../../../../test/support/temp-services'
import { migration063 } from '../../db/migrations/063-entity-live-counts'

/**
 * The index's counts without the Trash are kept by triggers (migration 063). Whatever the analyst
 * does, in any order (Trash, Restore, Empty Trash, decisions, Undo, re-extraction, a new
 * article), the index must show what counting every live mention shows.
 */

const NAMES = ['Kaya', 'Maria Jansen', 'Rotterdam', 'Ankara', 'Europol', 'Lisbon']
const memo = (i: number) => `Memo ${i}\n\n${NAMES[i % 6]} met ${NAMES[(i + 1) % 6]} in ${NAMES[(i + 2) % 6]} on ${(i % 27) + 1} May 2024, with ${NAMES[(i + 3) % 6]}.`

type Op =
  | { kind: 'trash' | 'restore' | 'reextract'; a: number }
  | { kind: 'empty' | 'import' | 'undo' }
  | { kind: 'merge'; a: number; b: number }
  | { kind: 'stop'; a: number }

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constantFrom('trash' as const, 'restore' as const, 'reextract' as const), a: fc.nat() }),
  fc.record({ kind: fc.constantFrom('empty' as const, 'import' as const, 'undo' as const) }),
  fc.record({ kind: fc.constant('merge' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('stop' as const), a: fc.nat() })
)

/** The index as the view reads it must equal the listing that counts every live mention. */
function expectCountsTrue(s: TempServices): void {
  const listed = s.entities.list()
  const line = (e: { type: string; name: string; mentionCount: number; articleCount: number }) => `${e.type}|${e.name}|${e.mentionCount}|${e.articleCount}`
  expect(s.entities.index().items.map(line).sort()).toEqual(listed.map(line).sort())
  for (const type of ['person', 'org', 'place', 'selector'] as const) expect(s.entities.index().counts[type]).toBe(listed.filter((e) => e.type === type).length)
  const top = s.entities.index({ limit: 2 }).items.map((e) => e.mentionCount)
  expect(top).toEqual(listed.map((e) => e.mentionCount).sort((x, y) => y - x).slice(0, 2))
  for (const e of listed.slice(0, 3)) expect(s.entities.page(e.id).entity).toMatchObject({ mentionCount: e.mentionCount, articleCount: e.articleCount })
}

describe('entity counts without the Trash, kept by triggers', () => {
  it('agree with counting every live mention after any sequence of Trash, Restore, Empty Trash, decisions, Undo and re-extraction', { timeout: 60_000 }, async () => {
    const s = tempServices()
    const ids: string[] = []
    let imported = 0
    const importOne = async () => {
      ids.push((await s.articles.importFile(`memo-${imported}.txt`, new TextEncoder().encode(memo(imported)))).articleId!)
      imported++
      await s.entityIndexer.extractPending()
    }
    for (let i = 0; i < 4; i++) await importOne()
    const decisions: number[] = []
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 5 }), async (ops) => {
        for (const o of ops) {
          const live = () => ids.filter((id) => s.db.prepare('SELECT deleted_at IS NULL FROM articles WHERE id = ?').pluck().get(id) === 1)
          const entities = s.entities.list()
          switch (o.kind) {
            case 'trash':
              if (ids.length) s.trash.deleteArticle(ids[o.a % ids.length]!)
              break
            case 'restore':
              if (ids.length) s.db.prepare('UPDATE articles SET deleted_at = NULL WHERE id = ?').run(ids[o.a % ids.length]!)
              break
            case 'reextract': {
              const some = live()
              if (some.length) await s.entityIndexer.extract(some[o.a % some.length]!, true)
              break
            }
            case 'empty': {
              s.trash.empty()
              const left = new Set(s.db.prepare('SELECT id FROM articles').pluck().all() as string[])
              ids.splice(0, ids.length, ...ids.filter((id) => left.has(id)))
              break
            }
            case 'import':
              await importOne()
              break
            case 'undo':
              if (decisions.length) s.entities.undo(decisions.pop()!)
              break
            case 'merge':
              if (entities.length > 1) {
                const from = entities[o.a % entities.length]!
                const into = entities[o.b % entities.length]!
                if (from.id !== into.id) decisions.push(s.entities.merge(from.id, into.id).decisionId!)
              }
              break
            case 'stop':
              if (entities.length) decisions.push(s.entities.stop(entities[o.a % entities.length]!.id))
              break
          }
          expectCountsTrue(s)
        }
      }),
      { numRuns: 8 }
    )
    // A live article deleted outright (not through the Trash) takes its counts with it.
    await importOne()
    const outright = ids.at(-1)!
    expect(s.db.prepare('SELECT count(*) FROM entity_mentions WHERE article_id = ?').pluck().get(outright)).toBeGreaterThan(0)
    s.db.prepare('DELETE FROM articles WHERE id = ?').run(outright)
    expectCountsTrue(s)
  })

  it('are computed for a library that had Trash before the migration', async () => {
    const s = tempServices()
    const ids: string[] = []
    for (let i = 0; i < 5; i++) ids.push((await s.articles.importFile(`memo-${i}.txt`, new TextEncoder().encode(memo(i)))).articleId!)
    await s.entityIndexer.extractPending()
    s.trash.deleteArticle(ids[0]!)
    s.trash.deleteArticle(ids[3]!)
    // As a library counted by migration 033 only: no live counts yet, the old triggers.
    s.db.exec('UPDATE entity_stats SET live_mentions = 0, live_articles = 0')
    const up = migration063.up as (db: typeof s.db) => void
    up(s.db)
    expectCountsTrue(s)
    // And run again (a library whose version was set back): still true.
    up(s.db)
    expectCountsTrue(s)
  })
})
