import Database from 'better-sqlite3'
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { createServices } from '../src/main/services/create-services'
import { openDatabase } from '../src/main/db/open-database'
import { candidateQueries } from '../src/main/services/search/search-engine'
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
  const counts = raw.prepare('SELECT (SELECT count(*) FROM articles) a, (SELECT count(*) FROM highlights) h, (SELECT count(*) FROM notes) n').get() as { a: number; h: number; n: number }
  ctx.log(`library: ${counts.a} articles, ${counts.h} highlights, ${counts.n} notes, ${sizeMb.toFixed(0)} MB`)
  const services = createServices({ dbPath: path, shell: 'web', version: 'bench', defaultExportDir: ctx.outDir, searchWorkerPath: join(ctx.outDir, 'search-worker.mjs') })
  const serviceTimes: number[] = []
  const rawTimes: number[] = []
  const rounds = 3
  // Warm both paths once (page cache, prepared statements, the worker's start).
  for (const q of QUERIES) await services.dispatch('search.query', { query: q })
  for (let r = 0; r < rounds; r++) {
    for (const q of QUERIES) {
      let t = performance.now()
      const reply = await services.dispatch('search.query', { query: q })
      serviceTimes.push(performance.now() - t)
      if (!reply.ok) throw new Error(`${q}: ${reply.error.message}`)
      // The same FTS5 statements, run raw on a connection of their own.
      t = performance.now()
      for (const plan of candidateQueries(parseQuery(q))) raw.prepare(plan.sql).all(plan.params)
      rawTimes.push(performance.now() - t)
    }
  }
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
  const small = benchLibrary(ctx, 100).path
  const large = benchLibrary(ctx, ARTICLES).path
  const firstPage = async (path: string) => {
    const services = createServices({ dbPath: path, shell: 'web', version: 'bench', defaultExportDir: ctx.outDir })
    const times: number[] = []
    for (let i = 0; i < 30; i++) {
      const t = performance.now()
      const [page, facets] = await Promise.all([services.dispatch('library.query', {}), services.dispatch('library.facets', {})])
      times.push(performance.now() - t)
      if (!page.ok || !facets.ok) throw new Error('library query failed')
    }
    await services.close()
    return median(times.slice(5))
  }
  const atSmall = await firstPage(small)
  const atLarge = await firstPage(large)
  return [
    row('library', 'first page + facets at 100 articles', atSmall, 'ms'),
    row('library', `first page + facets at ${ARTICLES} articles`, atLarge, 'ms', { baseline: atSmall, goal: '≤1.2× of 100' })
  ]
}
