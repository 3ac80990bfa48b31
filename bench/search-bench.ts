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
import { cjkWriter } from './cjk-corpus'
import { random } from './corpus'
import { median, row, type BenchContext, type Result } from './results'

const ARTICLES = Number(process.env.BENCH_SEARCH_ARTICLES ?? 100_000)
/** Share of the search library's articles written in Chinese or Japanese (0 for the Latin-only library of earlier runs). */
const CJK_SHARE = Number(process.env.BENCH_SEARCH_CJK_SHARE ?? 0.1)
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

/**
 * CJK queries on the generated CJK share (bench/cjk-corpus.ts): one and two characters (the
 * commonest lengths of Chinese and Japanese queries), longer words, words at rare ranks, kanji
 * with kana, and the same mixes of filters and operators as the Latin set.
 */
export function cjkQueries(): string[] {
  const words = cjkWriter(random(20261202 + 1)).words
  return [
    '港',
    '円',
    '运价',
    '港口',
    '集装箱',
    '好望角',
    words.zh[3000]!,
    words.zh[15000]!,
    'タンカー',
    '半導体',
    'を発表',
    words.ja[9000]!,
    'tanker OR タンカー',
    '港 -上海',
    '出口 tag:topic-3',
    '政府 after:2024-01 before:2025',
    'タンカー in:highlights'
  ]
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0
}

/** Built once per generator version and size, under node_modules/.cache/dossier-bench. */
export function benchLibrary(ctx: BenchContext, articles: number, cjkShare = 0): { path: string; seconds: number | null; cjkIndexSeconds?: number } {
  const dir = join(ctx.root, 'node_modules', '.cache', 'dossier-bench')
  mkdirSync(dir, { recursive: true })
  const path = join(dir, `library-g${CORPUS_VERSION}${cjkShare ? `-cjk${Math.round(cjkShare * 100)}` : ''}-${articles}.sqlite`)
  if (existsSync(path)) return { path, seconds: null }
  const started = performance.now()
  const partial = `${path}.partial`
  const db = openDatabase(partial)
  const counts = seedLibrary(db, { articles, highlightsPerArticle: HIGHLIGHTS_PER_ARTICLE, words: 150, trashed: 0.01, cjkShare })
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  renameSync(partial, path)
  const seconds = (performance.now() - started) / 1000
  ctx.log(`generated ${counts.articles} articles (${counts.cjkArticles} in Chinese or Japanese), ${counts.highlights} highlights, ${counts.notes} notes in ${seconds.toFixed(0)} s`)
  ctx.log(`CJK side index built in ${counts.cjkIndexSeconds.toFixed(1)} s (migration 051's work on this library)`)
  return { path, seconds, cjkIndexSeconds: counts.cjkIndexSeconds }
}

export async function searchGroup(ctx: BenchContext): Promise<Result[]> {
  const { path, seconds, cjkIndexSeconds } = benchLibrary(ctx, ARTICLES, CJK_SHARE)
  const cjk = CJK_SHARE > 0 ? cjkQueries() : []
  const all = [...QUERIES, ...cjk]
  const sizeMb = statSync(path).size / 1024 / 1024
  const raw = new Database(path, { readonly: true })
  // The worker's connection settings (search-worker.ts), so the two differ only by the service around them.
  raw.pragma('cache_size = -65536')
  const counts = raw.prepare('SELECT (SELECT count(*) FROM articles) a, (SELECT count(*) FROM highlights) h, (SELECT count(*) FROM notes) n').get() as { a: number; h: number; n: number }
  ctx.log(`library: ${counts.a} articles, ${counts.h} highlights, ${counts.n} notes, ${sizeMb.toFixed(0)} MB`)
  const cjkMb = CJK_SHARE > 0 ? (raw.prepare("SELECT sum(pgsize) FROM dbstat WHERE name LIKE '%cjk_fts%'").pluck().get() as number) / 1024 / 1024 : 0
  const mainMb = (raw.prepare("SELECT sum(pgsize) FROM dbstat WHERE name LIKE '%fts%' AND name NOT LIKE '%cjk_fts%'").pluck().get() as number) / 1024 / 1024
  ctx.log(`full-text indexes: main ${mainMb.toFixed(0)} MB, CJK side ${cjkMb.toFixed(0)} MB`)
  const services = createServices({ dbPath: path, shell: 'web', version: 'bench', defaultExportDir: ctx.outDir, searchWorkerPath: join(ctx.outDir, 'search-worker.mjs') })
  const perQuery = new Map<string, { service: number[]; raw: number[]; mainOnly: number[] }>(all.map((q) => [q, { service: [], raw: [], mainOnly: [] }]))
  const rounds = 9
  const prepareRaw = statementCache(raw)
  const runService = async (q: string) => {
    const t = performance.now()
    const reply = await services.dispatch('search.query', { query: q })
    if (!reply.ok) throw new Error(`${q}: ${reply.error.message}`)
    return performance.now() - t
  }
  // The same FTS5 statements, run raw on a connection of their own.
  const runRaw = (q: string, cjkPath = true) => {
    const t = performance.now()
    findCandidates(prepareRaw, candidateQueries(parseQuery(q), { cjk: cjkPath }), 20)
    return performance.now() - t
  }
  // Warm both paths once (page cache, prepared statements, the worker's start).
  for (const q of all) {
    await runService(q)
    runRaw(q)
    if (cjk.includes(q)) runRaw(q, false)
  }
  // How many articles each CJK query finds with the side index, and with the main index alone (before 051).
  for (const q of cjk) {
    const articles = (cjkPath: boolean) => new Set(findCandidates(prepareRaw, candidateQueries(parseQuery(q), { cjk: cjkPath }), Infinity).candidates.map((c) => c.articleId)).size
    ctx.log(`${q.padEnd(32)} articles found: ${articles(true)} with the side index, ${articles(false)} from the main index alone`)
  }
  for (let r = 0; r < rounds; r++) {
    for (const q of all) {
      // Whichever runs second finds the pages the first just read: take turns.
      const first = r % 2 === 0 ? 'service' : 'raw'
      const times = { service: 0, raw: 0 }
      if (first === 'raw') times.raw = runRaw(q)
      times.service = await runService(q)
      if (first === 'service') times.raw = runRaw(q)
      perQuery.get(q)!.service.push(times.service)
      perQuery.get(q)!.raw.push(times.raw)
      // The CJK queries as the main index alone answers them (the prefix rule of decision 0009): the time it cost before.
      if (cjk.includes(q)) perQuery.get(q)!.mainOnly.push(runRaw(q, false))
    }
  }
  for (const [q, t] of perQuery) {
    const before = t.mainOnly.length ? `, main index alone ${median(t.mainOnly).toFixed(1).padStart(6)} ms` : ''
    ctx.log(`${q.padEnd(32)} service ${median(t.service).toFixed(1).padStart(6)} ms, raw ${median(t.raw).toFixed(1).padStart(6)} ms${before}`)
  }
  const times = (queries: readonly string[], which: 'service' | 'raw' | 'mainOnly') => queries.flatMap((q) => perQuery.get(q)![which])
  const serviceTimes = times(QUERIES, 'service')
  const rawTimes = times(QUERIES, 'raw')
  // A burst of searches while the main thread's event loop is watched.
  const histogram = monitorEventLoopDelay({ resolution: 1 })
  histogram.enable()
  await Promise.all(all.map((q) => services.dispatch('search.query', { query: q })))
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
  if (cjk.length) {
    const cjkService = times(cjk, 'service')
    results.push(
      row('search', 'CJK service p50', median(cjkService), 'ms'),
      row('search', 'CJK service p95', percentile(cjkService, 0.95), 'ms', { baseline: percentile(serviceTimes, 0.95), goal: '≤50 ms' }),
      row('search', 'CJK service max', Math.max(...cjkService), 'ms', { goal: '≤500 ms' }),
      row('search', 'CJK raw p95 (side index)', percentile(times(cjk, 'raw'), 0.95), 'ms', { baseline: percentile(times(cjk, 'mainOnly'), 0.95) }),
      row('search', 'full-text index size: main', mainMb, 'MB'),
      row('search', 'full-text index size: CJK side', cjkMb, 'MB')
    )
  }
  if (seconds !== null) results.push(row('search', 'library generation', seconds, 's'))
  if (cjkIndexSeconds !== undefined) results.push(row('search', 'CJK side index build (migration 051)', cjkIndexSeconds, 's'))
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
