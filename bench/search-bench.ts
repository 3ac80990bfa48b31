import Database from 'better-sqlite3'
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { createServices } from '../src/main/services/create-services'
import { openDatabase } from '../src/main/db/open-database'
import { statementCache } from '../src/main/db/statement-cache'
import { candidateQueries, findCandidates } from '../src/main/services/search/search-engine'
import { parseQuery } from '../src/shared/search/parse-query'
import { CORPUS_VERSION, seedLibrary } from './library-corpus'
import { median, row, type BenchContext, type Result } from './results'

const ARTICLES = Number(process.env.BENCH_SEARCH_ARTICLES ?? 100_000)
/** 7 highlights per article on average, a third with a note: about 1,000,000 highlights and notes at 100,000 articles. */
const HIGHLIGHTS_PER_ARTICLE = 7.5

/** The fixed mixed query set: rare, common and very common words, phrases, prefixes, filters. */
export const QUERIES = [
  'kaliningrad',
  'sanctions',
  'tanker',
  'insurers',
  'shipping',
  'the',
  'said the',
  '"grain corridor"',
  '"port authority"',
  '"icebreaker pact"',
  'sanct*',
  'ta*',
  'tanker OR sanctions',
  'shipping -tanker',
  'the tag:topic-3',
  'insurers label:claim',
  'shipping source:reuters',
  'the after:2024-01 before:2025',
  'tanker in:highlights',
  'the in:notes'
]

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0
}

/** Built once per generator version and size, under node_modules/.cache/dossier-bench. */
export function benchLibrary(ctx: BenchContext, articles: number): { path: string; seconds: number | null } {
  const dir = join(ctx.root, 'node_modules', '.cache', 'dossier-bench')
  mkdirSync(dir, { recursive: true })
  const path = join(dir, `library-g${CORPUS_VERSION}-${articles}.sqlite`)
  if (existsSync(path)) return { path, seconds: null }
  const started = performance.now()
  const partial = `${path}.partial`
  const db = openDatabase(partial)
  const counts = seedLibrary(db, { articles, highlightsPerArticle: HIGHLIGHTS_PER_ARTICLE, words: 150, trashed: 0.01 })
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  renameSync(partial, path)
  const seconds = (performance.now() - started) / 1000
  ctx.log(`generated ${counts.articles} articles, ${counts.highlights} highlights, ${counts.notes} notes in ${seconds.toFixed(0)} s`)
  return { path, seconds }
}

export async function searchGroup(ctx: BenchContext): Promise<Result[]> {
  const { path, seconds } = benchLibrary(ctx, ARTICLES)
  const sizeMb = statSync(path).size / 1024 / 1024
  const raw = new Database(path, { readonly: true })
  // The worker's connection settings (search-worker.ts), so the two differ only by the service around them.
  raw.pragma('cache_size = -65536')
  const counts = raw.prepare('SELECT (SELECT count(*) FROM articles) a, (SELECT count(*) FROM highlights) h, (SELECT count(*) FROM notes) n').get() as { a: number; h: number; n: number }
  ctx.log(`library: ${counts.a} articles, ${counts.h} highlights, ${counts.n} notes, ${sizeMb.toFixed(0)} MB`)
  const services = createServices({ dbPath: path, shell: 'web', version: 'bench', defaultExportDir: ctx.outDir, searchWorkerPath: join(ctx.outDir, 'search-worker.mjs') })
  const serviceTimes: number[] = []
  const rawTimes: number[] = []
  const perQuery = new Map<string, { service: number[]; raw: number[] }>(QUERIES.map((q) => [q, { service: [], raw: [] }]))
  const rounds = 9
  const prepareRaw = statementCache(raw)
  const runService = async (q: string) => {
    const t = performance.now()
    const reply = await services.dispatch('search.query', { query: q })
    if (!reply.ok) throw new Error(`${q}: ${reply.error.message}`)
    return performance.now() - t
  }
  // The same FTS5 statements, run raw on a connection of their own.
  const runRaw = (q: string) => {
    const t = performance.now()
    findCandidates(prepareRaw, candidateQueries(parseQuery(q)), 20)
    return performance.now() - t
  }
  // Warm both paths once (page cache, prepared statements, the worker's start).
  for (const q of QUERIES) {
    await runService(q)
    runRaw(q)
  }
  for (let r = 0; r < rounds; r++) {
    for (const q of QUERIES) {
      // Whichever runs second finds the pages the first just read: take turns.
      const first = r % 2 === 0 ? 'service' : 'raw'
      const times = { service: 0, raw: 0 }
      if (first === 'raw') times.raw = runRaw(q)
      times.service = await runService(q)
      if (first === 'service') times.raw = runRaw(q)
      serviceTimes.push(times.service)
      rawTimes.push(times.raw)
      perQuery.get(q)!.service.push(times.service)
      perQuery.get(q)!.raw.push(times.raw)
    }
  }
  for (const [q, t] of perQuery) ctx.log(`${q.padEnd(32)} service ${median(t.service).toFixed(1).padStart(6)} ms, raw ${median(t.raw).toFixed(1).padStart(6)} ms`)
  // A burst of searches while the main thread's event loop is watched.
  const histogram = monitorEventLoopDelay({ resolution: 1 })
  histogram.enable()
  await Promise.all(QUERIES.map((q) => services.dispatch('search.query', { query: q })))
  histogram.disable()
  const stall = histogram.max / 1e6
  await services.close()
  raw.close()
  const p50 = median(serviceTimes)
  const rawP50 = median(rawTimes)
  const results = [
    row('search', 'service p50', p50, 'ms', { goal: '' }),
    row('search', 'service p95', percentile(serviceTimes, 0.95), 'ms', { baseline: percentile(rawTimes, 0.95), goal: '≤50 ms' }),
    row('search', 'service max', Math.max(...serviceTimes), 'ms', { goal: '≤500 ms' }),
    row('search', 'raw FTS5 p50', rawP50, 'ms'),
    row('search', 'raw FTS5 p95', percentile(rawTimes, 0.95), 'ms'),
    row('search', 'raw FTS5 max', Math.max(...rawTimes), 'ms'),
    row('search', 'service/raw (p50)', p50 / rawP50, '×', { goal: '≤1.3' }),
    row('search', 'main-thread stall during a burst', stall, 'ms', { goal: '≤50 ms' }),
    row('search', 'database size', sizeMb, 'MB')
  ]
  if (seconds !== null) results.push(row('search', 'library generation', seconds, 's'))
  return results
}

export async function libraryGroup(ctx: BenchContext): Promise<Result[]> {
  const small = createServices({ dbPath: benchLibrary(ctx, 100).path, shell: 'web', version: 'bench', defaultExportDir: ctx.outDir })
  const large = createServices({ dbPath: benchLibrary(ctx, ARTICLES).path, shell: 'web', version: 'bench', defaultExportDir: ctx.outDir })
  // What the window asks for on opening: the first page of the list and the sidebar's counts.
  const firstPage = async (services: typeof small) => {
    const t = performance.now()
    const [page, facets] = await Promise.all([services.dispatch('library.query', {}), services.dispatch('library.facets', {})])
    if (!page.ok || !facets.ok) throw new Error('library query failed')
    return performance.now() - t
  }
  // Taking turns, so neither size gets a warmer JIT or cache; the first rounds warm both.
  const times = { small: [] as number[], large: [] as number[] }
  for (let i = 0; i < 400; i++) {
    const s = await firstPage(small)
    const l = await firstPage(large)
    if (i >= 50) {
      times.small.push(s)
      times.large.push(l)
    }
  }
  await small.close()
  await large.close()
  const atSmall = median(times.small)
  const atLarge = median(times.large)
  return [
    row('library', 'first page + facets at 100 articles', atSmall, 'ms'),
    row('library', `first page + facets at ${ARTICLES.toLocaleString('en')} articles`, atLarge, 'ms'),
    { group: 'library', name: `time at ${ARTICLES.toLocaleString('en')} / time at 100`, value: atLarge / atSmall, unit: '×', baseline: atSmall, ratio: atLarge / atSmall, goal: '≤1.2' }
  ]
}
