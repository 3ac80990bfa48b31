import { chromium, type Browser, type Page } from '@playwright/test'
import { existsSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { MIGRATIONS } from '../src/main/db/migrations'
import { createServices, type Services } from '../src/main/services/create-services'
import { RATINGS } from '../src/shared/ach/ratings'
// @ts-expect-error a plain .mjs script without types
import { buildIfNeeded } from '../scripts/build-if-needed.mjs'
import { startWebServer, stopWebServer } from '../test/support/web-server'
import { random } from './corpus'
import { vocabulary } from './library-corpus'
import { median, row, type BenchContext, type Result } from './results'

/**
 * The hypotheses part of group "brief" (issue 20): rating a cell of a 200 × 10 matrix in
 * Debian's Chromium against the web mode, from the key press to the frame that shows the new
 * scores. Baseline: the same gesture, same page and run, in a 10 × 2 matrix.
 */
const GROUP = 'brief'
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const VERSION = `a1-s${MIGRATIONS.at(-1)!.version}`
const BIG = 'Bench matrix 200 x 10'
const SMALL = 'Bench matrix 10 x 2'

export async function achRatingBench(ctx: BenchContext): Promise<Result[]> {
  const failure = (buildIfNeeded as (root: string, o: { quiet: boolean }) => string | null)(ctx.root, { quiet: false })
  if (failure) throw new Error(`the brief group needs the built app: ${failure}`)
  const { path, caseId } = await matrixLibrary(ctx)
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu']
  })
  try {
    return await rating(browser, path, caseId, ctx)
  } finally {
    await browser.close()
  }
}

/** A case with the two matrices, rated about two cells in three, built once through the services. */
async function matrixLibrary(ctx: BenchContext): Promise<{ path: string; caseId: string }> {
  const path = join(ctx.outDir, `ach-${VERSION}.sqlite`)
  if (!existsSync(path)) {
    const partial = `${path}.partial`
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true })
    ctx.log('building the matrix library (kept for later runs)…')
    const s = createServices({ dbPath: partial, shell: 'web', version: 'bench', defaultExportDir: ctx.outDir })
    const c = s.cases.create('ACH bench', '')
    const highlights = await highlightsIn(s, 210)
    await fill(s, c.id, BIG, highlights.slice(0, 200), 10, 1)
    await fill(s, c.id, SMALL, highlights.slice(200), 2, 2)
    await s.close()
    renameSync(partial, path)
  }
  const s = createServices({ dbPath: path, shell: 'web', version: 'bench', defaultExportDir: ctx.outDir })
  const caseId = s.cases.list(true)[0]!.id
  await s.close()
  return { path, caseId }
}

/** `count` highlights spread over twenty articles of generated prose, each a few words. */
async function highlightsIn(s: Services, count: number): Promise<string[]> {
  const vocab = vocabulary(3_000)
  const rnd = random(11)
  const ids: string[] = []
  for (let a = 0; a < 21; a++) {
    const words = Array.from({ length: 1_200 }, () => vocab[Math.floor(rnd() * vocab.length)]!)
    const body = Array.from({ length: 20 }, (_, p) => `${words.slice(p * 60, p * 60 + 60).join(' ')}.`).join('\n\n')
    const result = await s.articles.importFile(`a${a}.md`, new TextEncoder().encode(`---\ntitle: Report ${a}\nsource: Outlet ${a % 7}\n---\n# Report ${a}\n\n${body}\n`))
    if (!result.articleId) throw new Error(`ach bench: article ${a} was not imported: ${result.message}`)
    const text = s.articles.get(result.articleId).text
    for (let h = 0; h < 10 && ids.length < count; h++) {
      const from = text.indexOf(' ', 200 + h * 300) + 1
      ids.push(s.highlights.create(result.articleId, from, text.indexOf(' ', from + 30)).id)
    }
  }
  return ids
}

async function fill(s: Services, caseId: string, name: string, highlights: string[], hypotheses: number, seed: number): Promise<void> {
  const m = s.ach.create(caseId, name)
  const hs = Array.from({ length: hypotheses }, (_, i) => s.ach.addHypothesis(m.id, `Hypothesis ${i + 1}`))
  const rows = s.ach.addRows(m.id, highlights.map((highlightId) => ({ highlightId }))).added
  const rnd = random(seed)
  s.db.transaction(() => {
    for (const r of rows) for (const h of hs) if (rnd() < 0.66) s.ach.rate(r.id, h.id, RATINGS[Math.floor(rnd() * RATINGS.length)]!)
  })()
}

/**
 * From a rating key's keydown to the frame that shows the changed scores: the footer's text
 * changing is seen by a MutationObserver, and a task queued from the next animation frame runs
 * after that frame is painted.
 */
const RATING_PROBE = `
  window.__latencies = [];
  let t0 = 0;
  document.addEventListener('keydown', (e) => { if (e.key === 'i' || e.key === 'c') t0 = e.timeStamp; }, true);
  new MutationObserver(() => {
    if (!t0 || !document.querySelector('[data-testid="ach-score-inconsistency"]')) return;
    const start = t0;
    t0 = 0;
    requestAnimationFrame(() => setTimeout(() => window.__latencies.push(performance.now() - start), 0));
  }).observe(document, { subtree: true, childList: true, characterData: true });
`

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

async function openMatrix(page: Page, name: string): Promise<void> {
  await page.getByTestId('ach-matrix-select').selectOption({ label: name })
  await page.getByTestId('ach-grid').waitFor()
  await page.locator('[data-testid="ach-cell"][data-r="0"][data-h="0"]').click()
}

/** Rates cells down the first columns, `keys` presses alternating i and c (each changes a score), 60 ms apart. */
async function rate(page: Page, keys: number): Promise<number[]> {
  await page.evaluate(() => ((window as unknown as { __latencies: number[] }).__latencies = []))
  for (let k = 0; k < keys; k++) {
    await page.keyboard.press(k % 2 === 0 ? 'i' : 'c')
    await page.waitForTimeout(60)
    if (k % 2 === 1) await page.keyboard.press(k % 8 === 7 ? 'ArrowRight' : 'ArrowDown')
  }
  await page.waitForTimeout(300)
  return page.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies)
}

async function rating(browser: Browser, db: string, caseId: string, ctx: BenchContext): Promise<Result[]> {
  ctx.log('rating cells of a 200 × 10 matrix and of a 10 × 2 one…')
  const server = await startWebServer(db, [], ctx.root)
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await page.addInitScript(RATING_PROBE)
    const url = new URL(server.url)
    await page.goto(`${url.origin}/hypotheses?case=${caseId}#token=${url.searchParams.get('token')}`)
    await page.getByTestId('ach-panel').waitFor()
    const big: number[] = []
    const small: number[] = []
    // Alternated, so a slow moment of the machine falls on both.
    for (let round = 0; round < 3; round++) {
      await openMatrix(page, BIG)
      big.push(...(await rate(page, 40)))
      await openMatrix(page, SMALL)
      small.push(...(await rate(page, 16)))
    }
    const trace = process.env.BENCH_ACH_TRACE
    if (trace) {
      // A Chromium trace of 16 ratings in the big matrix, for reading in DevTools' Performance panel.
      await openMatrix(page, BIG)
      await browser.startTracing(page, { path: trace, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'blink.user_timing'] })
      await rate(page, 16)
      await browser.stopTracing()
      ctx.log(`trace of 16 ratings written to ${trace}`)
    }
    await page.close()
    ctx.log(`ratings measured: ${big.length} (200 × 10), ${small.length} (10 × 2); medians ${median(big).toFixed(1)} / ${median(small).toFixed(1)} ms`)
    return [
      row(GROUP, 'rate a cell in a 200 × 10 matrix, key press to scores painted, p95 (baseline: 10 × 2 matrix)', percentile(big, 95), 'ms', { baseline: percentile(small, 95), goal: '≤16 ms' }),
      row(GROUP, 'rate a cell in a 200 × 10 matrix, median, same', median(big), 'ms', { baseline: median(small) })
    ]
  } finally {
    await stopWebServer(server.child)
  }
}
