import { describe, expect, it, onTestFinished } from 'vitest'
import { tempServices, type TempServices } from '../../../../test/support/temp-services'
import { articlesRepo, BEFORE_ANY_IMPORT, type ImportKey } from '../../db/repos/articles'
import { entitiesRepo } from '../../db/repos/entities'
import { EntityIndexer, type ExtractElsewhere } from './entity-indexer'
import { extractionWriter } from './extraction-writer'

/**
 * Extraction stored as the app's parse workers store it: on a connection of the worker's own
 * (extractionWriter), while the app's connection reads, decides and cancels. Run here on this
 * thread: what differs from the app's connection is the connection, not the thread.
 */

// Short texts: the analysis is not what is tested, and runs on this thread here.
const MEMOS = Array.from({ length: 6 }, (_, i) => `Memo ${i}\n\nKaya met Maria Jansen in Rotterdam on ${i + 1} May 2024 and again in Ankara. Item ${i}.`)

async function library(): Promise<{ s: TempServices; ids: string[] }> {
  const s = tempServices()
  const ids: string[] = []
  for (const [i, text] of MEMOS.entries()) ids.push((await s.articles.importFile(`memo-${i}.txt`, new TextEncoder().encode(text))).articleId!)
  return { s, ids }
}

/** An indexer of the app's services whose extractions are stored by a writer on its own connection (closed with the test). */
function offMainIndexer(s: TempServices, around: (extract: ExtractElsewhere) => ExtractElsewhere = (x) => x, idsPerRead?: number): EntityIndexer {
  const writer = extractionWriter({ dbPath: s.dbPath })
  onTestFinished(() => writer.close())
  const analyse = () => Promise.reject(new Error('the app thread must not analyse when a writer stores'))
  return new EntityIndexer(s.db, analyse, { entities: s.entities, timeline: s.timeline, watch: s.watchList, jobs: s.jobs }, 2, around((id, force) => writer.extract(id, force)), idsPerRead)
}

async function finish(indexer: EntityIndexer, jobId: string) {
  let status = indexer.status(jobId)
  while (!status.finished) {
    await new Promise((r) => setTimeout(r, 5))
    status = indexer.status(jobId)
  }
  return status
}

/** The index as the view shows it, and as counted mention by mention: they must agree. */
function snapshot(s: TempServices) {
  const listed = s.entities.list().map((e) => `${e.type}|${e.name}|${e.mentionCount}|${e.articleCount}|${e.aliases.join(',')}`).sort()
  const indexed = s.entities.index().items.map((e) => `${e.type}|${e.name}|${e.mentionCount}|${e.articleCount}|${e.aliases.join(',')}`).sort()
  expect(indexed).toEqual(listed)
  const pending = entitiesRepo(s.db).pendingCountScanned()
  expect(s.entities.index().pending).toBe(pending)
  return { entities: listed, pending, events: s.timeline.list().map((e) => `${e.articleId}|${e.date}|${e.sentence}`).sort() }
}

describe('extraction stored on a connection of its own (the parse workers’)', () => {
  it('leaves the index, the counts and the timeline the app’s own connection leaves, the analyst’s decisions applied', async () => {
    const { s } = await library()
    await s.entityIndexer.extractPending()
    const kaya = s.entities.index({ filter: 'Kaya' }).items.find((e) => e.name === 'Kaya')!
    const jansen = s.entities.index({ filter: 'Jansen' }).items.find((e) => e.name === 'Maria Jansen')!
    s.entities.merge(kaya.id, jansen.id)
    const ankara = s.entities.index({ filter: 'Ankara' }).items.find((e) => e.name === 'Ankara')!
    s.entities.stop(ankara.id)
    const before = snapshot(s)
    expect(before.entities.some((e) => e.includes('|Kaya|'))).toBe(false)

    const indexer = offMainIndexer(s)
    const job = indexer.startLibrary(true)
    expect(await finish(indexer, job.jobId)).toMatchObject({ done: MEMOS.length, failed: 0, cancelled: false })
    const after = snapshot(s)
    expect(after).toEqual(before)
    // Merged and stopped still, after a re-extraction written elsewhere.
    expect(after.entities.find((e) => e.includes('|Maria Jansen|'))).toContain('Kaya')
    expect(after.entities.some((e) => e.includes('|Ankara|'))).toBe(false)
  })

  it('catches up on opening: articles stored without extraction (a `dossier import`) are extracted, and nothing starts when none wait', async () => {
    const { s, ids } = await library()
    expect(snapshot(s).pending).toBe(ids.length)
    const indexer = offMainIndexer(s)
    const job = indexer.catchUp()
    expect(job).not.toBeNull()
    expect(await finish(indexer, job!.jobId)).toMatchObject({ done: ids.length, failed: 0, cancelled: false })
    expect(snapshot(s).pending).toBe(0)
    expect(s.entities.index({ filter: 'Jansen' }).items.find((e) => e.name === 'Maria Jansen')?.articleCount).toBe(ids.length)
    expect(indexer.catchUp()).toBeNull()
  })

  it('runs one library job at a time: a second start follows the running one, which the view finds and can stop', async () => {
    const { s, ids } = await library()
    let release = () => {}
    const gate = new Promise<void>((r) => (release = r))
    const indexer = offMainIndexer(s, (extract) => async (id, force) => {
      await gate
      return extract(id, force)
    })
    expect(indexer.running()).toEqual({ job: null, queued: 0 })
    const first = indexer.catchUp()!
    const second = indexer.startLibrary()
    expect(second.jobId).toBe(first.jobId)
    expect(indexer.running().job).toMatchObject({ jobId: first.jobId, total: ids.length, finished: false })
    indexer.cancel(first.jobId)
    release()
    expect(await finish(indexer, first.jobId)).toMatchObject({ cancelled: true })
    expect(indexer.running().job).toBeNull()
    // Stopped, the articles still wait, and a new start picks them up.
    expect(snapshot(s).pending).toBeGreaterThan(0)
    const again = indexer.startLibrary()
    expect(again.jobId).not.toBe(first.jobId)
    await finish(indexer, again.jobId)
    expect(snapshot(s).pending).toBe(0)
  })

  it('stops between articles when cancelled, each article whole: the counts agree and a second run finishes the rest', async () => {
    const { s, ids } = await library()
    let stored = 0
    const cancelAfter = 3
    let jobId = ''
    const indexer = offMainIndexer(s, (extract) => async (id, force) => {
      const done = await extract(id, force)
      if (++stored === cancelAfter) indexer.cancel(jobId)
      return done
    })
    jobId = indexer.startLibrary().jobId
    const status = await finish(indexer, jobId)
    expect(status.cancelled).toBe(true)
    expect(status.done).toBeLessThan(ids.length)
    const partial = snapshot(s)
    // What was stored is there; the rest is counted as waiting, and nothing half-written is left.
    const extracted = s.db.prepare('SELECT count(*) FROM entity_extractions').pluck().get() as number
    expect(extracted).toBeGreaterThanOrEqual(cancelAfter)
    expect(partial.pending).toBe(ids.length - extracted)
    const orphans = s.db.prepare('SELECT count(*) FROM entity_mentions m WHERE NOT EXISTS (SELECT 1 FROM entity_extractions x WHERE x.article_id = m.article_id)').pluck().get()
    expect(orphans).toBe(0)

    const rest = offMainIndexer(s)
    const second = rest.startLibrary()
    expect(await finish(rest, second.jobId)).toMatchObject({ cancelled: false, failed: 0 })
    expect(snapshot(s).pending).toBe(0)
  })

  it('applies a decision the analyst takes on the app’s connection while the job runs, to the articles stored before and after it', async () => {
    const { s } = await library()
    let stored = 0
    const indexer = offMainIndexer(s, (extract) => async (id, force) => {
      const done = await extract(id, force)
      // Between two articles, as a click would come in.
      if (++stored === 2) {
        const kaya = s.entities.index({ filter: 'Kaya' }).items.find((e) => e.name === 'Kaya')
        const jansen = s.entities.index({ filter: 'Jansen' }).items.find((e) => e.name === 'Maria Jansen')
        if (kaya && jansen) s.entities.merge(kaya.id, jansen.id)
      }
      return done
    })
    const job = indexer.startLibrary(true)
    expect(await finish(indexer, job.jobId)).toMatchObject({ done: MEMOS.length, failed: 0 })
    const after = snapshot(s)
    expect(s.entities.decisions().map((d) => d.kind)).toEqual(['merge'])
    expect(after.entities.some((e) => e.includes('|Kaya|'))).toBe(false)
    // Every mention reading "Kaya", in the articles stored before the merge and after it, is Maria Jansen's.
    const jansen = s.entities.index({ filter: 'Jansen' }).items.find((e) => e.name === 'Maria Jansen')!
    const kayas = s.db.prepare(`SELECT entity_id FROM entity_mentions WHERE text = 'Kaya'`).pluck().all()
    expect(kayas).toHaveLength(MEMOS.length)
    expect(new Set(kayas)).toEqual(new Set([jansen.id]))
  })

  it('reads the library a page at a time from the articles live at the start: one trashed before its page is read is not extracted, and the job still ends complete', async () => {
    const { s, ids } = await library()
    const lastImported = ids.at(-1)!
    let stored = 0
    const extracted: string[] = []
    const indexer = offMainIndexer(s, (extract) => async (id, force) => {
      extracted.push(id)
      const done = await extract(id, force)
      // Between two articles, as a click would come in: the last article goes to the Trash.
      if (++stored === 1) s.trash.deleteArticle(lastImported)
      return done
    }, 2)
    const job = indexer.startLibrary(true)
    expect(job.total).toBe(ids.length)
    const status = await finish(indexer, job.jobId)
    expect(status).toMatchObject({ finished: true, cancelled: false, failed: 0, done: ids.length - 1, total: ids.length - 1 })
    expect(extracted).toEqual(ids.slice(0, -1))
    expect(s.db.prepare('SELECT count(*) FROM entity_extractions WHERE article_id = ?').pluck().get(lastImported)).toBe(0)
  })
})

describe('the walk of the library in import order, a page at a time', () => {
  it('gives every live article once, ties in the import instant ordered by id, never past where the walk was told to end', async () => {
    const { s, ids } = await library()
    // Four of six imported in the same instant (a folder import can do that), one in the Trash.
    s.db.prepare(`UPDATE articles SET imported_at = '2026-02-01T00:00:00.000Z' WHERE id IN (?, ?, ?, ?)`).run(ids[1], ids[2], ids[3], ids[4])
    s.trash.deleteArticle(ids[2]!)
    const articles = articlesRepo(s.db)
    const expected = s.db.prepare('SELECT id FROM articles WHERE deleted_at IS NULL ORDER BY imported_at, id').pluck().all() as string[]
    expect(expected).toHaveLength(ids.length - 1)
    const walk = (upTo: ImportKey, limit: number) => {
      const seen: string[] = []
      let after = BEFORE_ANY_IMPORT
      for (;;) {
        const page = articles.liveByImportBetween(after, upTo, limit)
        expect(page.length).toBeLessThanOrEqual(limit)
        if (!page.length) return seen
        seen.push(...page.map((k) => k.id))
        after = page.at(-1)!
      }
    }
    const last = articles.lastLiveByImport()!
    expect(last.id).toBe(expected.at(-1))
    for (const limit of [1, 2, 4, 500]) expect(walk(last, limit)).toEqual(expected)
    // Ended at the third: an article imported after the walk began is not in it.
    const third = s.db.prepare('SELECT imported_at AS importedAt, id FROM articles WHERE id = ?').get(expected[2]) as ImportKey
    expect(walk(third, 2)).toEqual(expected.slice(0, 3))
  })
})
