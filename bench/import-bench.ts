import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServices, type Services } from '../src/main/services/create-services'
import { parseTextFile } from '../src/main/services/import/parse-document'
import { bareReadability } from './bare-readability'
import { cliImportGroup } from './cli-import-bench'
import { htmlArticle, textArticle, type HtmlCase } from './corpus'
import { median, row, type BenchContext, type Result } from './results'

const GROUP = 'import'
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 1000)
/** Articles per timed run; the reported rate is the median over the runs. */
const RUN = Math.max(10, Math.round(ARTICLES / 10))
const GOAL_SPEED = '≥2× baseline'
const GOAL_STALL = '≤50 ms'

const utf8 = (s: string) => new TextEncoder().encode(s)

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0
}

interface Quality {
  sentences: number
  sentencesKept: number
  chrome: number
  chromeRemoved: number
}

const quality = (): Quality => ({ sentences: 0, sentencesKept: 0, chrome: 0, chromeRemoved: 0 })

function score(q: Quality, text: string, c: HtmlCase): void {
  const flat = text.replace(/\s+/g, ' ')
  q.sentences += c.body.length
  q.sentencesKept += c.body.filter((s) => flat.includes(s)).length
  q.chrome += c.chrome.length
  q.chromeRemoved += c.chrome.filter((s) => !flat.includes(s)).length
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Longest main-thread stall while `work` runs: a 2 ms interval timer records how late each tick
 * comes. (perf_hooks' monitorEventLoopDelay misses a stall that starts before its first tick.)
 */
export async function withStallProbe(work: () => Promise<void>): Promise<number> {
  const every = 2
  let last = performance.now()
  let worst = 0
  const probe = setInterval(() => {
    const now = performance.now()
    worst = Math.max(worst, now - last - every)
    last = now
  }, every)
  await sleep(10)
  worst = 0
  await work()
  // One more tick after the work, so a stall at its very end is counted too.
  await sleep(10)
  clearInterval(probe)
  return worst
}

function services(dir: string, name: string, parseWorkerPath?: string): Services {
  return createServices({ dbPath: join(dir, `${name}.sqlite`), shell: 'web', version: 'bench', defaultExportDir: dir, ...(parseWorkerPath ? { parseWorkerPath } : {}) })
}

/**
 * Group "import": 1,000 generated news pages and 1,000 scraped text files. Side by side, run by
 * run: bare Readability on a new jsdom per page (the baseline, in a process of its own:
 * bare-readability-child.ts says why); our whole HTML pipeline
 * (decode, parse, extract, sanitize, blocks); and imports through createServices into temporary
 * SQLite files, once parsing on the main thread and once in the app's parse
 * worker pool, with the main thread's longest event-loop stall for each.
 */
export async function importGroup(ctx: BenchContext): Promise<Result[]> {
  const pages = Array.from({ length: ARTICLES }, (_, i) => htmlArticle(i))
  const texts = Array.from({ length: ARTICLES }, (_, i) => textArticle(i))
  const pageBytes = pages.map((c) => utf8(c.html))
  const textBytes = texts.map((c) => utf8(c.text))
  const words = pages.reduce((n, c) => n + c.body.join(' ').split(' ').length, 0) / pages.length
  ctx.log(`corpus: ${ARTICLES} pages (${(pageBytes.reduce((n, b) => n + b.length, 0) / ARTICLES / 1024).toFixed(1)} KB, ~${words.toFixed(0)} words of story each) and ${ARTICLES} text files; runs of ${RUN}`)

  const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-'))
  const inProcess = services(dir, 'in-process')
  const pooled = services(dir, 'worker', join(ctx.outDir, 'parse-worker.mjs'))
  const rates: Record<string, number[]> = { baseline: [], parse: [], importMain: [], importWorker: [], textMain: [], textWorker: [] }
  const stall = { main: 0, worker: 0, textMain: 0, textWorker: 0 }
  const parseMs: number[] = []
  const ours = quality()
  const theirs = quality()
  const failures: string[] = []

  const timed = async (key: string, count: number, work: () => Promise<void> | void) => {
    const t = performance.now()
    await work()
    rates[key]!.push(count / ((performance.now() - t) / 1000))
  }
  // As the app imports a folder: as many files in flight as the parser can use, each stored on arrival.
  const importAll = async (s: Services, names: string[], bytes: Uint8Array[]) => {
    const results = await s.articles.importMany(names.map((name, k) => ({ name, bytes: bytes[k]! })))
    for (const r of results) if (r.status !== 'imported') failures.push(`${r.name}: ${r.status} ${r.message ?? ''}`)
  }

  try {
    // Warm-up on pages outside the corpus: JIT, module loading, the worker's first jsdom window.
    // (The baseline warms up in its own process.)
    for (let i = 0; i < 10; i++) {
      const c = htmlArticle(ARTICLES + i)
      parseTextFile(c.name, utf8(c.html))
      await inProcess.articles.importFile(`warm-${c.name}`, utf8(c.html))
      await pooled.articles.importFile(`warm-${c.name}`, utf8(c.html))
    }

    for (let start = 0; start < ARTICLES; start += RUN) {
      const run = pages.slice(start, start + RUN)
      const bytes = pageBytes.slice(start, start + RUN)
      const folder = join(dir, `baseline-${start}`)
      mkdirSync(folder)
      for (const c of run) writeFileSync(join(folder, c.name), c.html)
      const bare = await bareReadability(ctx.outDir, folder, true)
      rates.baseline!.push(bare.perSecond)
      run.forEach((c, k) => score(theirs, bare.texts?.[k] ?? '', c))
      await timed('parse', run.length, () => {
        run.forEach((c, k) => {
          const t = performance.now()
          const parsed = parseTextFile(c.name, bytes[k]!)
          parseMs.push(performance.now() - t)
          score(ours, parsed.article.text, c)
        })
      })
      stall.main = Math.max(stall.main, await withStallProbe(() => timed('importMain', run.length, () => importAll(inProcess, run.map((c) => c.name), bytes))))
      stall.worker = Math.max(stall.worker, await withStallProbe(() => timed('importWorker', run.length, () => importAll(pooled, run.map((c) => c.name), bytes))))
      const textRun = texts.slice(start, start + RUN)
      const textRunBytes = textBytes.slice(start, start + RUN)
      stall.textMain = Math.max(stall.textMain, await withStallProbe(() => timed('textMain', textRun.length, () => importAll(inProcess, textRun.map((c) => c.name), textRunBytes))))
      stall.textWorker = Math.max(stall.textWorker, await withStallProbe(() => timed('textWorker', textRun.length, () => importAll(pooled, textRun.map((c) => c.name), textRunBytes))))
      ctx.log(`run ${start / RUN + 1}: baseline ${rates.baseline!.at(-1)!.toFixed(0)}/s, ours ${rates.parse!.at(-1)!.toFixed(0)}/s, import main ${rates.importMain!.at(-1)!.toFixed(0)}/s, import worker ${rates.importWorker!.at(-1)!.toFixed(0)}/s`)
    }
  } finally {
    await inProcess.close()
    await pooled.close()
    rmSync(dir, { recursive: true, force: true })
  }
  if (failures.length) ctx.log(`${failures.length} imports not stored, e.g. ${failures.slice(0, 3).join('; ')}`)

  const cli = await cliImportGroup(ctx)
  const base = median(rates.baseline!)
  const pct = (a: number, b: number) => (100 * a) / b
  return [
    row(GROUP, 'html: bare Readability, new JSDOM per page (baseline)', base, 'articles/s'),
    row(GROUP, 'html: our pipeline (decode+parse+extract+sanitize+blocks), main thread', median(rates.parse!), 'articles/s', { baseline: base, goal: GOAL_SPEED }),
    row(GROUP, 'html: import + store, parsing on the main thread (in-process parser)', median(rates.importMain!), 'articles/s', { baseline: base, goal: GOAL_SPEED }),
    row(GROUP, 'html: import + store, parsing in the worker pool (app)', median(rates.importWorker!), 'articles/s', { baseline: base, goal: GOAL_SPEED }),
    row(GROUP, 'text: import + store, parsing on the main thread', median(rates.textMain!), 'articles/s'),
    row(GROUP, 'text: import + store, parsing in the worker pool', median(rates.textWorker!), 'articles/s'),
    row(GROUP, 'html: longest main-thread stall, main-thread import (whole run blocks)', stall.main, 'ms', { goal: GOAL_STALL }),
    row(GROUP, 'html: single-page parse, median (main-thread stall per page at best)', percentile(parseMs, 0.5), 'ms', { goal: GOAL_STALL }),
    row(GROUP, 'html: single-page parse, 99th percentile', percentile(parseMs, 0.99), 'ms', { goal: GOAL_STALL }),
    row(GROUP, 'html: single-page parse, longest', Math.max(...parseMs), 'ms', { goal: GOAL_STALL }),
    row(GROUP, 'html: longest main-thread stall, worker-pool import', stall.worker, 'ms', { goal: GOAL_STALL }),
    row(GROUP, 'text: longest main-thread stall, worker-pool import', stall.textWorker, 'ms', { goal: GOAL_STALL }),
    row(GROUP, 'quality: body sentences kept, ours', pct(ours.sentencesKept, ours.sentences), '%', { baseline: pct(theirs.sentencesKept, theirs.sentences) }),
    row(GROUP, 'quality: body sentences kept, Readability', pct(theirs.sentencesKept, theirs.sentences), '%'),
    row(GROUP, 'quality: chrome lines removed, ours', pct(ours.chromeRemoved, ours.chrome), '%', { baseline: pct(theirs.chromeRemoved, theirs.chrome) }),
    row(GROUP, 'quality: chrome lines removed, Readability', pct(theirs.chromeRemoved, theirs.chrome), '%'),
    ...cli
  ]
}
