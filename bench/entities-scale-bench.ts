import type Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { loadavg } from 'node:os'
import { fork } from 'node:child_process'
import type { MainThreadReport } from './main-thread-monitor'
import type { ExtractChildReport, ExtractChildRequest } from './entities-extract-child'
import { createServices } from '../src/main/services/create-services'
import { paragraphsDocument } from '../src/shared/document/article-document'
import { openDatabase } from '../src/main/db/open-database'
import { EntityService } from '../src/main/services/entities/entity-service'
import { TimelineService } from '../src/main/services/entities/timeline-service'
import { entityKey } from '../src/shared/entities/decisions'
import { ENTITY_TYPES } from '../src/shared/entities/types'
import { seedLibrary } from './library-corpus'
import { median, row, type BenchContext, type Result } from './results'
import { random } from './corpus'

/** The issue's scale: "the entity index of a 100,000-article library opens in ≤ 200 ms". */
const ARTICLES = Number(process.env.BENCH_ENTITY_ARTICLES ?? 100_000)
const MENTIONS_PER_ARTICLE = 20
const EVENTS_PER_ARTICLE = 3
const ENTITIES = Math.max(100, Math.round(ARTICLES / 5))
const CASE_ARTICLES = 1000


/**
 * A generated library with an extracted entity index and timeline, written straight into the
 * tables (extraction itself is measured by the quality and throughput rows): 20 mentions and 3
 * dated events per article, entities drawn with a heavy head (a few named everywhere, most
 * rarely), a case of 1,000 articles. Kept under node_modules/.cache between runs.
 */
function entityLibrary(ctx: BenchContext): { path: string; caseId: string } {
  const dir = join(ctx.root, 'node_modules', '.cache', 'dossier-bench')
  mkdirSync(dir, { recursive: true })
  const path = join(dir, `entities-${ARTICLES}.sqlite`)
  const caseId = '00000000-0000-4000-8000-00000000ca5e'
  if (existsSync(path)) return { path, caseId }
  const started = performance.now()
  const partial = `${path}.partial`
  const db = openDatabase(partial, { backupBeforeMigration: false })
  seedLibrary(db, { articles: ARTICLES, highlightsPerArticle: 0, words: 40, trashed: 0.01 })
  const rnd = random(19)
  db.transaction(() => {
    const entities: { id: string; key: string; type: string; name: string }[] = []
    const addEntity = db.prepare('INSERT INTO entities (id, key, name, type) VALUES (?, ?, ?, ?)')
    for (let i = 0; i < ENTITIES; i++) {
      const type = ENTITY_TYPES[i % 4]!
      const name = `${type === 'person' ? 'Person' : type === 'org' ? 'Organisation' : type === 'place' ? 'Place' : 'Selector'} ${i + 1}`
      const e = { id: randomUUID(), key: entityKey(type, name), type, name }
      addEntity.run(e.id, e.key, e.name, e.type)
      entities.push(e)
    }
    const addMention = db.prepare(
      `INSERT INTO entity_mentions (article_id, start, end, text, type, origin, base_key, entity_id) VALUES (?, ?, ?, ?, ?, 'library', ?, ?)`
    )
    const addExtraction = db.prepare(`INSERT INTO entity_extractions (article_id, text_sha256, language, extracted_at) VALUES (?, 'x', 'en', '2025-01-01T00:00:00Z')`)
    const addEvent = db.prepare(
      `INSERT INTO timeline_events (id, article_id, key, date, date_end, precision, sentence, start, end, origin) VALUES (?, ?, ?, ?, NULL, ?, ?, 0, 40, 'extracted')`
    )
    const addMember = db.prepare(`INSERT INTO case_articles (case_id, article_id, added_at) VALUES (?, ?, '2025-01-01T00:00:00Z')`)
    db.prepare(`INSERT INTO cases (id, name, created_at) VALUES (?, 'Bench case', '2025-01-01T00:00:00Z')`).run(caseId)
    const ids = db.prepare('SELECT id FROM articles').pluck().all() as string[]
    ids.forEach((articleId, n) => {
      for (let k = 0; k < MENTIONS_PER_ARTICLE; k++) {
        // u³ puts most mentions on the first entities: a heavy head and a long tail.
        const e = entities[Math.floor(rnd() ** 3 * entities.length)]!
        addMention.run(articleId, k * 10, k * 10 + 8, e.name, e.type, e.key, e.id)
      }
      addExtraction.run(articleId)
      for (let k = 0; k < EVENTS_PER_ARTICLE; k++) {
        const year = 2000 + Math.floor(rnd() * 26)
        const month = String(1 + Math.floor(rnd() * 12)).padStart(2, '0')
        const day = String(1 + Math.floor(rnd() * 28)).padStart(2, '0')
        const precision = k === 0 ? 'day' : k === 1 ? 'month' : 'year'
        const date = precision === 'day' ? `${year}-${month}-${day}` : precision === 'month' ? `${year}-${month}` : `${year}`
        addEvent.run(randomUUID(), articleId, `k${k}`, date, precision, `Sentence ${k} of article ${n} with its date.`)
      }
      if (n < CASE_ARTICLES) addMember.run(caseId, articleId)
    })
  })()
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  renameSync(partial, path)
  ctx.log(`entity library: ${ARTICLES} articles, ${ARTICLES * MENTIONS_PER_ARTICLE} mentions, ${ENTITIES} entities, ${ARTICLES * EVENTS_PER_ARTICLE} events in ${((performance.now() - started) / 1000).toFixed(0)} s`)
  return { path, caseId }
}

/**
 * The index's first page as it was read before migration 063 (counts with the Trash in them, the
 * Trash subtracted at each opening from the trashed articles outwards), kept here as the
 * baseline: the people, most mentioned first, `limit` of them, with the counts per type.
 */
function indexSubtractingTrash(db: Database.Database, limit: number): { id: string; mentions: number }[] {
  const trashed = new Map<string, number>()
  for (const r of db
    .prepare(
      `SELECT c.entity_id, sum(c.n) AS mentions FROM articles a CROSS JOIN entity_article_counts c ON c.article_id = a.id WHERE a.deleted_at IS NOT NULL GROUP BY c.entity_id`
    )
    .all() as { entity_id: string; mentions: number }[])
    trashed.set(r.entity_id, r.mentions)
  const from = 'FROM entity_stats s JOIN entities e ON e.id = s.entity_id WHERE s.mentions > 0'
  const counts = new Map((db.prepare(`SELECT e.type, count(*) AS n ${from} GROUP BY e.type`).all() as { type: string; n: number }[]).map((r) => [r.type, r.n]))
  for (const r of db.prepare(`SELECT s.entity_id AS id, e.type, s.mentions ${from} AND s.entity_id IN (SELECT value FROM json_each(?))`).all(JSON.stringify([...trashed.keys()])) as {
    id: string
    type: string
    mentions: number
  }[])
    if (r.mentions - (trashed.get(r.id) ?? 0) <= 0) counts.set(r.type, (counts.get(r.type) ?? 0) - 1)
  const rows: { id: string; name: string; mentions: number }[] = []
  let threshold: number | null = null
  for (const r of db.prepare(`SELECT e.id, e.name, s.mentions ${from} AND e.type = 'person' ORDER BY s.mentions DESC, e.name COLLATE NOCASE, e.id`).iterate() as Iterable<{
    id: string
    name: string
    mentions: number
  }>) {
    if (rows.length >= limit) {
      threshold ??= rows.map((x) => x.mentions).sort((x, y) => y - x)[limit - 1]!
      if (r.mentions < threshold) break
    }
    const live = r.mentions - (trashed.get(r.id) ?? 0)
    if (live > 0) rows.push({ ...r, mentions: live })
  }
  rows.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || (a.id < b.id ? -1 : 1))
  const shown = rows.slice(0, limit)
  const aliases = db.prepare('SELECT text FROM entity_aliases WHERE entity_id = ? ORDER BY n DESC LIMIT 50').pluck()
  for (const r of shown) aliases.all(r.id)
  return shown
}

function timed(rounds: number, run: () => unknown): number {
  const times: number[] = []
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now()
    run()
    times.push(performance.now() - t0)
  }
  return median(times)
}

/**
 * The scale rows: opening the Entities view (its first call, `entity.list` for people, most
 * mentioned first, 500 shown, with the counts of every type) against the first version's
 * listing, which read every mention into memory and counted in JavaScript; an entity page; and
 * the timeline of the library and of a case.
 */
export function entityScaleRows(ctx: BenchContext, g: string): Result[] {
  const { path, caseId } = entityLibrary(ctx)
  const db = openDatabase(path, { backupBeforeMigration: false })
  const clock = () => new Date().toISOString()
  const entities = new EntityService(db, clock)
  const timeline = new TimelineService(db, clock)
  const results: Result[] = []
  const open = () => entities.index({ type: 'person', sort: 'mentions', limit: 500 })
  const before = () => indexSubtractingTrash(db, 500)
  open()
  before()
  // Interleaved, so both see the same load; CPU time beside wall time.
  const opened: number[] = []
  const openedCpu: number[] = []
  const previous: number[] = []
  const previousCpu: number[] = []
  for (let i = 0; i < 7; i++) {
    for (const [run, wall, cpu] of [[open, opened, openedCpu], [before, previous, previousCpu]] as const) {
      const c0 = process.cpuUsage()
      const t0 = performance.now()
      run()
      wall.push(performance.now() - t0)
      const c = process.cpuUsage(c0)
      cpu.push((c.user + c.system) / 1000)
    }
  }
  const same = open().items.map((e) => `${e.id}:${e.mentionCount}`).join()
  if (same !== before().map((e) => `${e.id}:${e.mentions}`).join()) ctx.log('warning: the index and its baseline list different people (ties ordered differently?)')
  ctx.log(
    `entity index at ${ARTICLES} articles: ${median(opened).toFixed(0)} ms wall, ${median(openedCpu).toFixed(0)} ms CPU; subtracting the Trash at opening (the previous index): ` +
      `${median(previous).toFixed(0)} ms wall, ${median(previousCpu).toFixed(0)} ms CPU; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`
  )
  results.push(row(g, `entity index opens (${ARTICLES} articles; baseline: the Trash subtracted at opening)`, median(opened), 'ms', { baseline: median(previous), goal: '≤200 ms' }))
  results.push(row(g, `entity index opens, CPU time (${ARTICLES} articles; baseline: the Trash subtracted at opening)`, median(openedCpu), 'ms', { baseline: median(previousCpu), goal: '≤200 ms' }))
  const filtered = timed(5, () => entities.index({ filter: 'Person 12', sort: 'mentions', limit: 500 }))
  results.push(row(g, `entity index filtered (${ARTICLES} articles)`, filtered, 'ms'))
  const top = open().items[0]!
  results.push(row(g, `entity page, most mentioned (${top.mentionCount} mentions in ${top.articleCount} articles), first page of 50 articles`, timed(3, () => entities.page(top.id)), 'ms', { goal: '≤200 ms' }))
  results.push(row(g, `entity page, most mentioned, page 100 (articles 4,951–5,000)`, timed(3, () => entities.page(top.id, { offset: 4950 })), 'ms'))
  // The whole list, as the view asked for it before paging: the baseline of the first page.
  const whole = timed(1, () => timeline.list())
  const all = timeline.page({}, { limit: 1 }).total
  results.push(row(g, `timeline of the library, first page of 1,000 (${all} events; baseline: the whole list)`, timed(3, () => timeline.page({}, { limit: 1000 })), 'ms', { baseline: whole, goal: '≤200 ms' }))
  const inCase = timeline.list({ caseId }).length
  results.push(row(g, `timeline of a case (${inCase} events)`, timed(5, () => timeline.list({ caseId })), 'ms', { goal: '≤200 ms' }))
  db.close()
  return results
}

/** The issue's scale for background extraction: "extracting a 10,000-article library". */
const EXTRACT_ARTICLES = Number(process.env.BENCH_ENTITY_EXTRACT_ARTICLES ?? 10_000)
/**
 * The baseline, storing on the main thread as before this session (analysis in the workers),
 * run first in the same process over fewer articles (its stall grows with the library, so a
 * smaller baseline flatters it); 0 skips it.
 */
const BASELINE_ARTICLES = Number(process.env.BENCH_ENTITY_EXTRACT_BASELINE ?? 1000)

interface ExtractionRun {
  articles: number
  words: number
  seconds: number
  monitor: MainThreadReport
  failed: number
  gc: ExtractChildReport['gc']
  heap: ExtractChildReport['heapMb']
}

/**
 * Background extraction as the app runs it, over a library of our labelled English news texts
 * repeated, with the main thread watched (main-thread-monitor.ts): the longest time the app could
 * not answer a click, in wall time and in CPU time. This process writes the library; a child
 * process (entities-extract-child.ts) then opens it as the desktop app's main process does
 * (createServices with the parse workers), runs the job and watches its own event loop, so what
 * is measured is the app's heap and work, not this harness's (the corpora and every group's
 * libraries, whose full collections were the longest blocks when the job ran in here).
 * `storeOnMain` is the baseline: the workers only analyse, and each article's mentions are
 * stored on the main thread's connection.
 */
async function extractLibrary(ctx: BenchContext, texts: readonly string[], articles: number, storeOnMain: boolean): Promise<ExtractionRun> {
  const dir = join(ctx.outDir, 'entities-extract')
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const dbPath = join(dir, 'library.sqlite')
  const parseWorkerPath = join(ctx.outDir, 'parse-worker.mjs')
  let words = 0
  {
    const services = createServices({ dbPath, shell: 'web', version: 'bench', defaultExportDir: dir })
    const insert = services.db.prepare(`INSERT INTO articles (id, title, imported_at, original_name, original_type, original, text, content_hash, document, language, published_at)
      VALUES (?, ?, ?, 'bench.txt', 'text', x'', ?, ?, ?, 'en', '2025-03-12')`)
    services.db.transaction(() => {
      for (let i = 0; i < articles; i++) {
        const text = `Article ${i + 1}\n\n${texts[i % texts.length]!}`
        words += text.split(/\s+/).length
        insert.run(randomUUID(), `Article ${i + 1}`, new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString(), text, `bench-${i}`, JSON.stringify(paragraphsDocument(text)))
      }
    })()
    services.db.pragma('wal_checkpoint(TRUNCATE)')
    await services.close()
  }
  // BENCH_ENTITY_CPUPROF=1: the child's main-thread CPU profile, beside the bundles, to see what a long block was.
  const cpuProfile = process.env.BENCH_ENTITY_CPUPROF ? join(ctx.outDir, `entities-extract${storeOnMain ? '-baseline' : ''}.cpuprofile`) : null
  const request: ExtractChildRequest = { dbPath, exportDir: dir, parseWorkerPath, storeOnMain, cpuProfile }
  const child = fork(join(ctx.outDir, 'entities-extract-child.mjs'), [JSON.stringify(request)], {
    // BENCH_ENTITY_TRACE_GC=1: V8 prints every collection of the child (main's isolate and the workers').
    execArgv: process.env.BENCH_ENTITY_TRACE_GC ? ['--trace-gc'] : [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc']
  })
  const report = await new Promise<ExtractChildReport>((resolve, reject) => {
    let answer: ExtractChildReport | null = null
    child.on('message', (m) => (answer = m as ExtractChildReport))
    child.on('error', reject)
    child.on('exit', (code) => (answer ? resolve(answer) : reject(new Error(`the extraction child exited with ${code} before reporting`))))
  })
  if (cpuProfile) ctx.log(`CPU profile of the main thread: ${cpuProfile}`)
  const m = report.monitor
  const { gc, heapMb: heap } = report
  ctx.log(
    `${storeOnMain ? 'baseline (stored on the main thread)' : 'stored in the workers'}: ${report.done} articles (${words} words, ${report.mentions} mentions) in ${report.seconds.toFixed(0)} s; ` +
      `event loop delay max ${m.maxDelayMs.toFixed(0)} ms, p99 ${m.p99DelayMs.toFixed(1)} ms; longest main-thread task ${m.maxTaskCpuMs?.toFixed(1) ?? '?'} ms CPU ` +
      `(${m.maxTaskWallMs?.toFixed(0) ?? '?'} ms wall, ${m.maxTaskRunQueueMs?.toFixed(0) ?? '?'} ms of it waiting for a core, ${((m.maxTaskAtMs ?? 0) / 1000).toFixed(1)} s into the job); ${report.failed} failed; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`
  )
  ctx.log(
    `  main's heap: ${heap.afterStart.toFixed(1)} MB used after start, peak ${heap.peakUsed.toFixed(1)} MB used (${heap.peakTotal.toFixed(1)} MB allocated), ${heap.atEnd.toFixed(1)} MB at the end; ` +
      `GC on main: ${gc.major.count} major (longest ${gc.major.longestMs.toFixed(1)} ms, ${(gc.major.longestAtMs / 1000).toFixed(1)} s into the job), ${gc.minor.count} minor (longest ${gc.minor.longestMs.toFixed(1)} ms), ` +
      `${gc.incremental.count} incremental steps (longest ${gc.incremental.longestMs.toFixed(1)} ms)`
  )
  rmSync(dir, { recursive: true, force: true })
  return { articles: report.done, words, seconds: report.seconds, monitor: m, failed: report.failed, gc, heap }
}

/** Background extraction of EXTRACT_ARTICLES articles, against storing on the main thread (BASELINE_ARTICLES) run first. */
export async function extractionLoopRows(ctx: BenchContext, g: string, texts: readonly string[]): Promise<Result[]> {
  const before = BASELINE_ARTICLES > 0 ? await extractLibrary(ctx, texts, BASELINE_ARTICLES, true) : null
  const after = await extractLibrary(ctx, texts, EXTRACT_ARTICLES, false)
  const n = `${EXTRACT_ARTICLES} articles${before ? `; baseline: stored on the main thread, ${BASELINE_ARTICLES} articles` : ''}`
  const cpu = after.monitor.maxTaskCpuMs
  return [
    row(g, `background extraction, main thread's longest block (${n})`, after.monitor.maxDelayMs, 'ms', { baseline: before?.monitor.maxDelayMs, goal: '≤50 ms' }),
    ...(cpu === null ? [] : [row(g, `background extraction, main thread's longest task in CPU time (${n})`, cpu, 'ms', { baseline: before?.monitor.maxTaskCpuMs ?? undefined, goal: '≤50 ms' })]),
    row(g, `background extraction, event-loop delay p99 (${n})`, after.monitor.p99DelayMs, 'ms', { baseline: before?.monitor.p99DelayMs }),
    row(g, `background extraction throughput (${n})`, after.words / after.seconds, 'words/s', { baseline: before ? before.words / before.seconds : undefined })
  ]
}
