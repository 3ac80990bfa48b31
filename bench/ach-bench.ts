import { chromium, type Browser, type Page } from '@playwright/test'
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { MIGRATIONS } from '../src/main/db/migrations'
import { createServices, type Services } from '../src/main/services/create-services'
import { RATINGS } from '../src/shared/ach/ratings'
// @ts-expect-error a plain .mjs script without types
import { buildIfNeeded } from '../scripts/build-if-needed.mjs'
import { keyInteractions, keyLatencyProbe, medianSplit, percentile, tracedEvents, type InteractionSplit } from '../test/support/event-timing'
import { startWebServer, stopWebServer } from '../test/support/web-server'
import { random } from './corpus'
import { vocabulary } from './library-corpus'
import { BARE_CELL, frameId, openBarePage, probeRecords, resetProbe } from './bare-page'
import { floorRows, latencyRows, median, row, type BenchContext, type Result } from './results'

/**
 * The hypotheses part of group "brief" (issue 20): rating a cell of a 200 × 10 matrix in
 * Debian's Chromium against the web mode, from the key press to the frame that shows the new
 * scores. Baseline: the same gesture, same page and run, in a 10 × 2 matrix. The same matrix is
 * rated again with the side panel widened over the workspace (all ten hypotheses in view), against
 * the default panel.
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
 * The earlier measure, kept beside the Event Timing one: from a rating key's keydown to the frame
 * that shows the changed scores: the footer's text changing is seen by a MutationObserver, and a
 * task queued from the next animation frame runs after that frame is painted.
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

async function openMatrix(page: Page, name: string): Promise<void> {
  await page.bringToFront()
  await page.getByTestId('ach-matrix-select').selectOption({ label: name })
  await page.getByTestId('ach-grid').waitFor()
  await page.locator('[data-testid="ach-cell"][data-r="0"][data-h="0"]').click()
}

interface Rated {
  /** The old measure, per rating. */
  latencies: number[]
  /** Each rating key's keydown timeStamp, to find its interaction in the trace. */
  keys: number[]
  /** Ratings the Event Timing API itself reported over 16 ms (its entries start at 16 ms). */
  slow: number
}

/** Rates cells down the first columns, `keys` presses alternating i and c (each changes a score), 60 ms apart. */
async function rate(page: Page, keys: number): Promise<Rated> {
  await page.evaluate(() => {
    const w = window as unknown as { __latencies: number[]; __keys: number[]; __slowEvents: unknown[] }
    w.__latencies = []
    w.__keys = []
    w.__slowEvents = []
  })
  for (let k = 0; k < keys; k++) {
    await page.keyboard.press(k % 2 === 0 ? 'i' : 'c')
    await page.waitForTimeout(60)
    if (k % 2 === 1) await page.keyboard.press(k % 8 === 7 ? 'ArrowRight' : 'ArrowDown')
  }
  await page.waitForTimeout(300)
  return page.evaluate(() => {
    const w = window as unknown as { __latencies: number[]; __keys: number[]; __slowEvents: { id: number; start: number; duration: number }[] }
    // The API's entries of the rating keys only (not the arrows between them).
    const rating = (start: number) => w.__keys.some((k) => Math.abs(k - start) < 0.5)
    return { latencies: w.__latencies, keys: w.__keys, slow: new Set(w.__slowEvents.filter((e) => e.duration > 16 && rating(e.start)).map((e) => e.id)).size }
  })
}

/** The same keys at the same pace in the bare page's one cell (bench/bare-page.ts): the browser's floor. */
async function rateBare(page: Page, keys: number): Promise<number[]> {
  await page.bringToFront()
  await page.locator('#cell').focus()
  await resetProbe(page)
  for (let k = 0; k < keys; k++) {
    await page.keyboard.press(k % 2 === 0 ? 'i' : 'c')
    await page.waitForTimeout(60)
    if (k % 2 === 1) await page.keyboard.press(k % 8 === 7 ? 'ArrowRight' : 'ArrowDown')
  }
  await page.waitForTimeout(300)
  return (await probeRecords(page)).keys
}

async function rating(browser: Browser, db: string, caseId: string, ctx: BenchContext): Promise<Result[]> {
  ctx.log('rating cells of a 200 × 10 matrix (in the side panel and widened) and of a 10 × 2 one…')
  // The bench's library was built without entity extraction: no background catch-up while it measures.
  const server = await startWebServer(db, ['--no-catch-up'], ctx.root)
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await page.addInitScript(RATING_PROBE)
    await page.addInitScript(keyLatencyProbe(['i', 'c']))
    const url = new URL(server.url)
    await page.goto(`${url.origin}/hypotheses?case=${caseId}#token=${url.searchParams.get('token')}`)
    await page.getByTestId('ach-panel').waitFor()
    const appFrame = await frameId(page)
    const bare = await openBarePage(browser, BARE_CELL, keyLatencyProbe(['i', 'c']))
    const big: Rated[] = []
    const small: Rated[] = []
    const wide: Rated[] = []
    const plain: number[] = []
    // Chromium's own Event Timing records of every key, exact and not only those over 16 ms.
    // BENCH_ACH_TRACE also keeps the trace for DevTools' Performance panel; BENCH_ACH_PROFILE adds
    // the CPU profile (which slows every script it samples: the trace's figures grow with it).
    const keep = process.env.BENCH_ACH_TRACE
    const categories = ['devtools.timeline', 'blink.user_timing', ...(keep ? ['disabled-by-default-devtools.timeline', ...(process.env.BENCH_ACH_PROFILE ? ['v8.execute', 'disabled-by-default-v8.cpu_profiler'] : [])] : [])]
    await browser.startTracing(page, { categories })
    // Alternated, so a slow moment of the machine falls on each.
    for (let round = 0; round < 3; round++) {
      await openMatrix(page, BIG)
      big.push(await rate(page, 40))
      await openMatrix(page, SMALL)
      small.push(await rate(page, 16))
      plain.push(...(await rateBare(bare.page, 16)))
      // The same matrix with the side panel widened over the workspace: ten hypotheses in view.
      await page.bringToFront()
      await page.getByTestId('rail-widen').click()
      await openMatrix(page, BIG)
      wide.push(await rate(page, 40))
      // The next round opens the big matrix afresh, at its first row.
      await openMatrix(page, SMALL)
      await page.getByTestId('rail-widen').click()
    }
    const trace = await browser.stopTracing()
    if (keep) {
      writeFileSync(keep, trace)
      ctx.log(`trace of the ratings written to ${keep}`)
    }
    await page.close()
    await bare.page.close()
    const parsed: unknown = JSON.parse(trace.toString('utf8'))
    // Each page has its own clock: its keys are matched among its own frame's records.
    const events = tracedEvents(parsed, appFrame)
    const floor = keyInteractions(tracedEvents(parsed, bare.frame), plain)
    const split = (rated: Rated[]) => keyInteractions(events, rated.flatMap((r) => r.keys))
    const bigSplit = split(big)
    const smallSplit = split(small)
    const wideSplit = split(wide)
    const durations = (s: InteractionSplit[]) => s.map((x) => x.duration)
    const count = (rated: Rated[], pick: (r: Rated) => number) => rated.reduce((n, r) => n + pick(r), 0)
    const fmt = (s: ReturnType<typeof medianSplit>) =>
      `input delay ${s.inputDelay.toFixed(1)}, handlers ${s.processing.toFixed(1)}, to frame committed ${s.rendering.toFixed(1)}, to presented ${s.presentation.toFixed(1)} ms`
    ctx.log(`ratings found in the trace: ${bigSplit.length} of ${count(big, (r) => r.keys.length)} (200 × 10), ${smallSplit.length} of ${count(small, (r) => r.keys.length)} (10 × 2)`)
    ctx.log(`  Event Timing medians, 200 × 10: ${fmt(medianSplit(bigSplit))}`)
    ctx.log(`  Event Timing medians, 10 × 2:   ${fmt(medianSplit(smallSplit))}`)
    ctx.log(`  Event Timing medians, 200 × 10 widened (${wideSplit.length} of ${count(wide, (r) => r.keys.length)}): ${fmt(medianSplit(wideSplit))}`)
    ctx.log(`  Event Timing medians, bare cell (${floor.length} of ${plain.length} keys found): ${fmt(medianSplit(floor))}`)
    ctx.log(`  Event Timing API entries over 16 ms: ${count(big, (r) => r.slow)} of ${count(big, (r) => r.keys.length)} ratings (10 × 2: ${count(small, (r) => r.slow)} of ${count(small, (r) => r.keys.length)})`)
    // Every second rating key is pressed right after an arrow, with no pause (the bench's pace):
    // its frame also draws the arrow's move. Split, to tell the tail of the one from the other's.
    const afterArrow = big.flatMap((r) => r.keys.filter((_, k) => k > 0 && k % 2 === 0))
    const isAfterArrow = (s: InteractionSplit) => afterArrow.some((t) => Math.abs(t - s.start) < 0.5)
    const part = (s: InteractionSplit[]) => `${percentile(durations(s), 95).toFixed(1)} / ${percentile(durations(s), 50).toFixed(1)} ms (${s.length})`
    ctx.log(`  200 × 10, p95 / median, ratings right after an arrow: ${part(bigSplit.filter(isAfterArrow))}; after a 60 ms pause: ${part(bigSplit.filter((s) => !isAfterArrow(s)))}`)
    const old = (rated: Rated[]) => rated.flatMap((r) => r.latencies)
    ctx.log(`  old measure (keydown → task after the frame showing the scores): medians ${median(old(big)).toFixed(1)} / ${median(old(small)).toFixed(1)} ms`)
    return [
      ...latencyRows(
        GROUP,
        {
          p95: 'rate a cell in a 200 × 10 matrix, key press to next paint (Event Timing), p95 (baseline: 10 × 2 matrix)',
          median: 'rate a cell in a 200 × 10 matrix, key press to next paint (Event Timing), median, same',
          earlierP95: 'rate a cell in a 200 × 10 matrix, key press to a task after the frame showing the scores (the earlier measure), p95, same',
          earlierMedian: 'rate a cell in a 200 × 10 matrix, the earlier measure, median, same'
        },
        { value: durations(bigSplit), baseline: durations(smallSplit) },
        { value: old(big), baseline: old(small) },
        percentile
      ),
      row(GROUP, 'rate a cell in a 200 × 10 matrix, side panel widened over the workspace, key press to next paint (Event Timing), p95 (baseline: the default panel)', percentile(durations(wideSplit), 95), 'ms', {
        baseline: percentile(durations(bigSplit), 95),
        goal: '≤16 ms'
      }),
      row(GROUP, 'rate a cell in a 200 × 10 matrix, side panel widened, median, same', median(durations(wideSplit)), 'ms', { baseline: median(durations(bigSplit)) }),
      ...floorRows(
        GROUP,
        {
          p95: "rate a cell, key press to next paint (Event Timing), p95, 10 × 2 matrix (baseline: a bare page's one-cell table, the browser's floor)",
          median: 'rate a cell, key press to next paint (Event Timing), median, 10 × 2 matrix against the bare cell'
        },
        { value: durations(smallSplit), bare: durations(floor) },
        percentile
      )
    ]
  } finally {
    await stopWebServer(server.child)
  }
}
