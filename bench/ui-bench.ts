import { chromium, type Browser, type Page } from '@playwright/test'
import { createHeadlessEditor } from '@lexical/headless'
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical'
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openDatabase } from '../src/main/db/open-database'
import { MIGRATIONS } from '../src/main/db/migrations'
import { createServices, type Services } from '../src/main/services/create-services'
import { NOTE_NODES } from '../src/shared/notes/note-nodes'
// @ts-expect-error a plain .mjs script without types
import { buildIfNeeded } from '../scripts/build-if-needed.mjs'
import { keyInteractions, keyLatencyProbe, medianSplit, percentile, tracedEvents, type InteractionSplit } from '../test/support/event-timing'
import { startWebServer, stopWebServer, type WebServer } from '../test/support/web-server'
import { random } from './corpus'
import { CORPUS_VERSION, seedLibrary, vocabulary } from './library-corpus'
import { BARE_TEXTAREA, bareEditable, frameId, openBarePage, probeRecords, resetProbe, type BarePage } from './bare-page'
import { floorRows, latencyRows, median, row, type BenchContext, type Result } from './results'

/**
 * Group "ui": the shell in Debian's Chromium against the web mode, as an analyst meets it.
 * Each figure has a baseline measured in the same run on the same page: the same gesture on a
 * small article, or on a small library, so the ratio shows what size costs.
 */
const GROUP = 'ui'
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const VERSION = `u2-g${CORPUS_VERSION}-s${MIGRATIONS.at(-1)!.version}`

const BIG_TITLE = 'One megabyte report'
const READING_TITLE = 'Two hundred highlights'
const SMALL_TITLE = 'A short memo'

/**
 * Every page the bench opens is a new window of a headless Chromium, and each new window built
 * Chromium's own omnibox popup (a WebUI page in a renderer of its own): ≈ 0.8 s of CPU while the
 * shell loaded, on a 2-core machine, in a trace of one load. An analyst's window has no such
 * thing (Electron has no omnibox; a browser's is built once per window, long before the app's
 * tab loads), so the bench turns it off.
 */
const CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup'
] as const

const PARTS = ['typing', 'opening', 'shell'] as const
type Part = (typeof PARTS)[number]

/**
 * BENCH_UI_ROWS=typing,opening,shell (default: all) runs only those parts. BENCH_UI_TRACE=FILE
 * writes a Chromium trace (timeline, V8 compile and CPU profile) of one extra load of the
 * 100,000-article shell, to see where its first paint goes; BENCH_UI_TYPING_TRACE=FILE keeps the
 * typing part's trace (the Event Timing records its figures come from).
 */
function askedParts(): ReadonlySet<Part> {
  const asked = process.env.BENCH_UI_ROWS?.split(',').map((s) => s.trim()).filter(Boolean)
  if (!asked?.length) return new Set(PARTS)
  const unknown = asked.filter((p) => !(PARTS as readonly string[]).includes(p))
  if (unknown.length) throw new Error(`BENCH_UI_ROWS: unknown part ${unknown.join(', ')} (known: ${PARTS.join(', ')})`)
  return new Set(asked as Part[])
}

export async function uiGroup(ctx: BenchContext): Promise<Result[]> {
  const parts = askedParts()
  // The group drives the built app, as `npm run web` serves it.
  const failure = (buildIfNeeded as (root: string, o: { quiet: boolean }) => string | null)(ctx.root, { quiet: false })
  if (failure) throw new Error(`the ui group needs the built app: ${failure}`)
  const reading = parts.has('typing') || parts.has('opening') ? await readingLibrary(ctx) : ''
  const small = parts.has('shell') ? shellLibrary(ctx, 100) : ''
  const large = parts.has('shell') ? shellLibrary(ctx, 100_000) : ''
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] })
  const results: Result[] = []
  try {
    if (parts.has('typing')) results.push(...(await typing(browser, reading, ctx)))
    if (parts.has('opening')) results.push(...(await opening(browser, reading, ctx)))
    if (parts.has('shell')) results.push(...(await shellPaint(browser, small, large, ctx)))
  } finally {
    await browser.close()
  }
  return results
}

// ── The libraries ─────────────────────────────────────────────────────────────────────────────

/** Paragraphs of generated words, `words` in all. */
function prose(words: number, seed: number): string {
  const vocab = vocabulary(5_000)
  const out: string[] = []
  let paragraph: string[] = []
  const rnd = random(seed)
  for (let i = 0; i < words; i++) {
    paragraph.push(vocab[Math.floor(rnd() * vocab.length)]!)
    if (paragraph.length === 60) {
      out.push(`${paragraph.join(' ')}.`)
      paragraph = []
    }
  }
  if (paragraph.length) out.push(`${paragraph.join(' ')}.`)
  return out.join('\n\n')
}

/** A notebook's Lexical state of about `words` words, in paragraphs, as the editor saves one. */
function notebookState(words: number): string {
  const editor = createHeadlessEditor({ namespace: 'bench', nodes: [...NOTE_NODES], onError: (e) => { throw e } })
  const paragraphs = prose(words, 7).split('\n\n')
  editor.update(() => $getRoot().clear().append(...paragraphs.map((p) => $createParagraphNode().append($createTextNode(p)))), { discrete: true })
  return JSON.stringify(editor.getEditorState().toJSON())
}

/** `count` highlights spread evenly through the article, each a few words long. */
function spreadHighlights(s: Services, articleId: string, count: number): void {
  const text = s.articles.get(articleId).text
  const step = Math.floor(text.length / count)
  for (let i = 0; i < count; i++) {
    const from = text.indexOf(' ', i * step) + 1
    const to = text.indexOf(' ', from + 24)
    s.highlights.create(articleId, from, to)
  }
}

async function importText(s: Services, name: string, title: string, body: string): Promise<string> {
  const result = await s.articles.importFile(name, new TextEncoder().encode(`# ${title}\n\n${body}\n`))
  if (!result.articleId) throw new Error(`ui bench: ${name} was not imported: ${result.message}`)
  return result.articleId
}

/**
 * Three articles: 1 MB with 1,000 highlights; one of 200 highlights whose notebook holds 20,000
 * words; a short memo with an empty notebook (the baselines). Built once through the services.
 */
async function readingLibrary(ctx: BenchContext): Promise<string> {
  const path = join(ctx.outDir, `ui-reading-${VERSION}.sqlite`)
  if (existsSync(path)) return path
  const partial = `${path}.partial`
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true })
  ctx.log('building the reading library (kept for later runs)…')
  const s = createServices({ dbPath: partial, shell: 'web', version: 'bench', defaultExportDir: ctx.outDir })
  const big = await importText(s, 'big.md', BIG_TITLE, prose(160_000, 1))
  spreadHighlights(s, big, 1_000)
  const readingId = await importText(s, 'reading.md', READING_TITLE, prose(8_000, 2))
  spreadHighlights(s, readingId, 200)
  s.notes.saveNotebook(readingId, notebookState(20_000))
  const small = await importText(s, 'small.md', SMALL_TITLE, prose(600, 3))
  spreadHighlights(s, small, 5)
  await s.close()
  renameSync(partial, path)
  return path
}

function shellLibrary(ctx: BenchContext, articles: number): string {
  const path = join(ctx.outDir, `ui-shell-${articles}-${VERSION}.sqlite`)
  if (existsSync(path)) return path
  const partial = `${path}.partial`
  rmSync(partial, { force: true })
  ctx.log(`seeding a library of ${articles.toLocaleString('en')} articles (kept for later runs)…`)
  const db = openDatabase(partial)
  seedLibrary(db, { articles, highlightsPerArticle: 2, words: 400, documents: true })
  db.pragma('journal_mode = DELETE')
  db.close()
  renameSync(partial, path)
  return path
}

/** A copy of a template, so a run never changes the kept library. */
function copyOf(template: string, ctx: BenchContext, name: string): string {
  const dir = join(ctx.outDir, 'ui-run')
  mkdirSync(dir, { recursive: true })
  const path = join(dir, name)
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true })
  copyFileSync(template, path)
  return path
}

async function withServer<T>(ctx: BenchContext, db: string, run: (server: WebServer) => Promise<T>): Promise<T> {
  // No background entity extraction: the generated libraries have none, and the job it would start
  // 3 s after opening is not what an analyst's first paint or first keys compete with.
  const server = await startWebServer(db, ['--no-catch-up'], ctx.root)
  try {
    return await run(server)
  } finally {
    await stopWebServer(server.child)
  }
}

// ── In the page ───────────────────────────────────────────────────────────────────────────────

async function openArticle(page: Page, title: string): Promise<void> {
  await page.getByTestId('article-list').getByText(title, { exact: true }).click()
  await page.locator('.reader-title', { hasText: title }).waitFor()
}

interface Typed {
  /** Each key's keydown timeStamp, to find its interaction in the trace. */
  keys: number[]
  /** The old measure: keydown → a task queued from the next animation frame. */
  frame: number[]
  /** The Event Timing API's entries of 16 ms or more, by interaction. */
  slow: number
}

/** Types `chars` characters into the open notebook, one every 40 ms. */
async function typeInNotebook(page: Page, chars: number, delay: number): Promise<Typed> {
  await page.bringToFront()
  await page.getByRole('tab', { name: 'Notebook', exact: true }).click()
  const editor = page.getByTestId('notebook-input')
  await editor.waitFor()
  await editor.click()
  await page.keyboard.press('ControlOrMeta+End')
  return typeKeys(page, chars, delay)
}

/** Types into the bare page's textarea, the same keys at the same pace. */
async function typeInBare(page: Page, chars: number, delay: number, field = 'textarea'): Promise<Typed> {
  await page.bringToFront()
  await page.locator(field).click()
  await page.keyboard.press('ControlOrMeta+End')
  if (field !== 'textarea') await caretOnScreen(page)
  return typeKeys(page, chars, delay)
}

/**
 * Ctrl+End in the bare contenteditable leaves its last paragraph off screen: the scroll is worked
 * out from the skipped paragraphs' placeholder heights (`content-visibility: auto`), and keys
 * typed there draw nothing, so their Event Timing runs to some later frame (seconds). The app's
 * editor scrolls the caret into view after each update; the bare page is scrolled to its end
 * until the caret is seen.
 */
async function caretOnScreen(page: Page): Promise<void> {
  for (let tries = 0; tries < 10; tries++) {
    const seen = await page.evaluate(() => {
      const pane = document.querySelector('.pane')
      if (pane) pane.scrollTop = pane.scrollHeight
      const selection = getSelection()
      const rect = selection?.rangeCount ? selection.getRangeAt(0).getBoundingClientRect() : null
      return !!rect && rect.height > 0 && rect.top >= 0 && rect.bottom <= innerHeight
    })
    if (seen) return
    await page.waitForTimeout(100)
  }
  throw new Error('bare contenteditable: the caret is not on screen after Ctrl+End')
}

/** The bench's typing pace: 40 ms a key (≈ 300 words a minute), which keeps the compositor drawing frame after frame. */
const BURST_MS = 40
/** A fast typist's pace: 120 ms a key, ≈ 100 words a minute (a word counted as 5 keys). */
const TYPIST_MS = 120
/**
 * Chromium with its frames not held to the display's beat: a frame is begun as soon as one is
 * needed instead of at the next 60 Hz tick, so a key's figure no longer holds a random part of
 * a 16.7 ms interval. What is left is the work per key: the page's, and the browser's own.
 */
const UNTHROTTLED_ARGS = ['--disable-frame-rate-limit', '--disable-gpu-vsync'] as const

async function typeKeys(page: Page, chars: number, delay: number): Promise<Typed> {
  await resetProbe(page)
  const text = 'the escort fee rose again in march '.repeat(Math.ceil(chars / 35)).slice(0, chars)
  await page.keyboard.type(text, { delay })
  await page.waitForTimeout(200)
  return probeRecords(page)
}

type Surface = 'loaded' | 'empty' | 'bare' | 'editable'

interface Session {
  typed: Record<Surface, Typed[]>
  /** Each surface's keys as Chromium's trace split them (Event Timing, exact). */
  split: Record<Surface, InteractionSplit[]>
  trace: Buffer
}

/**
 * Three rounds of 80 keys at `delay` ms a key on each of `surfaces`, alternated so a slow
 * moment of the machine falls on each, in one trace: Chromium's own Event Timing records of every
 * key, exact and not only those over 16 ms.
 */
async function typingSession(
  browser: Browser,
  app: { page: Page; frame: string },
  bare: BarePage,
  surfaces: readonly Surface[],
  delay: number,
  options: { profiled?: boolean; editable?: BarePage } = {}
): Promise<Session> {
  const typed: Record<Surface, Typed[]> = { loaded: [], empty: [], bare: [], editable: [] }
  const { profiled = false, editable } = options
  await browser.startTracing(app.page, { categories: ['devtools.timeline', 'blink.user_timing', ...(profiled ? ['disabled-by-default-v8.cpu_profiler'] : [])] })
  for (let round = 0; round < 3; round++) {
    for (const surface of surfaces) {
      if (surface === 'bare') typed.bare.push(await typeInBare(bare.page, 80, delay))
      else if (surface === 'editable') typed.editable.push(await typeInBare(editable!.page, 80, delay, '[contenteditable]'))
      else {
        await openArticle(app.page, surface === 'loaded' ? READING_TITLE : SMALL_TITLE)
        typed[surface].push(await typeInNotebook(app.page, 80, delay))
      }
    }
  }
  const trace = await browser.stopTracing()
  const parsed: unknown = JSON.parse(trace.toString('utf8'))
  // Each page has its own clock: its keys are matched among its own frame's records.
  const appEvents = tracedEvents(parsed, app.frame)
  const bareEvents = tracedEvents(parsed, bare.frame)
  const keysOf = (s: Surface) => typed[s].flatMap((t) => t.keys)
  return {
    typed,
    split: {
      loaded: keyInteractions(appEvents, keysOf('loaded')),
      empty: keyInteractions(appEvents, keysOf('empty')),
      bare: keyInteractions(bareEvents, keysOf('bare')),
      editable: editable ? keyInteractions(tracedEvents(parsed, editable.frame), keysOf('editable')) : []
    },
    trace
  }
}

const keyCount = (typed: Typed[]) => typed.reduce((n, t) => n + t.keys.length, 0)
const slowCount = (typed: Typed[]) => typed.reduce((n, t) => n + t.slow, 0)
const durations = (s: readonly InteractionSplit[]) => s.map((x) => x.duration)
const fmtSplit = (s: ReturnType<typeof medianSplit>) =>
  `input delay ${s.inputDelay.toFixed(1)}, handlers ${s.processing.toFixed(1)}, to frame committed ${s.rendering.toFixed(1)}, to presented ${s.presentation.toFixed(1)} ms`
const fmtFigures = (s: readonly InteractionSplit[]) => `median ${median(durations(s)).toFixed(1)}, p95 ${percentile(durations(s), 95).toFixed(1)} ms`

/**
 * How many frames the page draws in half a second while a box changes size at every frame: about
 * 30 when frames are held to 60 Hz, hundreds when they are not (the check that the flags took
 * effect in this Chromium; with nothing changing, frames stay on the 60 Hz beat either way).
 */
async function framesPerHalfSecond(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const box = document.body.appendChild(document.createElement('div'))
        box.style.cssText = 'position: fixed; top: 0; left: 0; height: 4px; background: gray'
        let frames = 0
        const t0 = performance.now()
        const tick = () => {
          frames++
          box.style.width = `${frames % 50}px`
          if (performance.now() - t0 < 500) requestAnimationFrame(tick)
          else {
            box.remove()
            resolve(frames)
          }
        }
        requestAnimationFrame(tick)
      })
  )
}

async function typing(browser: Browser, template: string, ctx: BenchContext): Promise<Result[]> {
  ctx.log('typing in a 20,000-word notebook beside a 200-highlight article, in an empty one, and in a bare textarea…')
  return withServer(ctx, copyOf(template, ctx, 'typing.sqlite'), async (server) => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await page.addInitScript(keyLatencyProbe())
    await page.goto(server.url)
    const app = { page, frame: await frameId(page) }
    // The browser's floor: a page with none of our code, typed into the same way.
    const bare = await openBarePage(browser, BARE_TEXTAREA, keyLatencyProbe())
    // BENCH_UI_TYPING_PROFILE=1 adds V8's sampling profile to the kept trace, to see which script
    // runs per key (build with DOSSIER_PROFILE_BUILD=1 for readable names); it slows the pages.
    const profiled = Boolean(process.env.BENCH_UI_TYPING_TRACE) && process.env.BENCH_UI_TYPING_PROFILE === '1'
    const burst = await typingSession(browser, app, bare, ['loaded', 'empty', 'bare'], BURST_MS, { profiled })
    if (process.env.BENCH_UI_TYPING_TRACE) {
      writeFileSync(process.env.BENCH_UI_TYPING_TRACE, burst.trace)
      ctx.log(`typing trace written to ${process.env.BENCH_UI_TYPING_TRACE}`)
    }
    const { typed, split } = burst
    ctx.log(`keystrokes: ${split.loaded.length} of ${keyCount(typed.loaded)} found in the trace (empty notebook: ${split.empty.length} of ${keyCount(typed.empty)}; bare textarea: ${split.bare.length} of ${keyCount(typed.bare)})`)
    ctx.log(`  Event Timing medians, 20,000 words: ${fmtSplit(medianSplit(split.loaded))}`)
    ctx.log(`  Event Timing medians, empty:        ${fmtSplit(medianSplit(split.empty))}`)
    ctx.log(`  Event Timing medians, bare textarea: ${fmtSplit(medianSplit(split.bare))}`)
    ctx.log(`  Event Timing API entries over 16 ms: ${slowCount(typed.loaded)} of ${keyCount(typed.loaded)} keys (empty: ${slowCount(typed.empty)} of ${keyCount(typed.empty)}; bare: ${slowCount(typed.bare)} of ${keyCount(typed.bare)})`)
    const frame = (t: Typed[]) => t.flatMap((x) => x.frame)
    ctx.log(`  old measure (keydown → task after the next animation frame): median ${median(frame(typed.loaded)).toFixed(1)} ms (empty notebook ${median(frame(typed.empty)).toFixed(1)} ms)`)

    // The same keys at a fast typist's pace: between keys the compositor falls idle, and a key's
    // frame is begun at once rather than at the next tick of a beat it keeps while busy.
    ctx.log(`typing at ${TYPIST_MS} ms a key (≈ 100 words a minute) in the 20,000-word notebook and the bare textarea…`)
    const paced = await typingSession(browser, app, bare, ['loaded', 'bare'], TYPIST_MS)
    ctx.log(`  20,000 words: ${fmtFigures(paced.split.loaded)}; ${fmtSplit(medianSplit(paced.split.loaded))} (${paced.split.loaded.length} of ${keyCount(paced.typed.loaded)} keys)`)
    ctx.log(`  bare textarea: ${fmtFigures(paced.split.bare)}; ${fmtSplit(medianSplit(paced.split.bare))} (${paced.split.bare.length} of ${keyCount(paced.typed.bare)} keys)`)
    await bare.page.bringToFront()
    const heldFrames = await framesPerHalfSecond(bare.page)
    await page.close()
    await bare.page.close()

    // The same keys at the bench's pace in a Chromium whose frames are not held to 60 Hz.
    ctx.log(`typing at ${BURST_MS} ms a key in a Chromium not held to 60 Hz (${UNTHROTTLED_ARGS.join(' ')})…`)
    const unthrottled = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...UNTHROTTLED_ARGS] })
    let free: Session
    try {
      const freePage = await unthrottled.newPage({ viewport: { width: 1440, height: 900 } })
      await freePage.addInitScript(keyLatencyProbe())
      await freePage.goto(server.url)
      const freeApp = { page: freePage, frame: await frameId(freePage) }
      const freeBare = await openBarePage(unthrottled, BARE_TEXTAREA, keyLatencyProbe())
      // Chromium's own editing of the same 20,000 words, with none of our code.
      const freeEditable = await openBarePage(unthrottled, bareEditable(prose(20_000, 7).split('\n\n')), keyLatencyProbe())
      await freeBare.page.bringToFront()
      ctx.log(`  animation frames in 0.5 s, bare page: ${heldFrames} held to 60 Hz; ${await framesPerHalfSecond(freeBare.page)} not held`)
      free = await typingSession(unthrottled, freeApp, freeBare, ['loaded', 'bare', 'editable'], BURST_MS, { editable: freeEditable })
    } finally {
      await unthrottled.close()
    }
    ctx.log(`  20,000 words: ${fmtFigures(free.split.loaded)}; ${fmtSplit(medianSplit(free.split.loaded))} (${free.split.loaded.length} of ${keyCount(free.typed.loaded)} keys)`)
    ctx.log(`  bare textarea: ${fmtFigures(free.split.bare)}; ${fmtSplit(medianSplit(free.split.bare))} (${free.split.bare.length} of ${keyCount(free.typed.bare)} keys)`)
    ctx.log(`  bare contenteditable, the same 20,000 words: ${fmtFigures(free.split.editable)}; ${fmtSplit(medianSplit(free.split.editable))} (${free.split.editable.length} of ${keyCount(free.typed.editable)} keys)`)

    return [
      ...latencyRows(
        GROUP,
        {
          p95: 'keystroke to next paint (Event Timing), p95, 20,000-word notebook + 200-highlight article (baseline: empty notebook, short memo)',
          median: 'keystroke to next paint (Event Timing), median, same',
          earlierP95: 'keystroke to a task after the next animation frame (the earlier measure), p95, same',
          earlierMedian: 'keystroke to a task after the next animation frame (the earlier measure), median, same'
        },
        { value: durations(split.loaded), baseline: durations(split.empty) },
        { value: frame(typed.loaded), baseline: frame(typed.empty) },
        percentile
      ),
      ...floorRows(
        GROUP,
        {
          p95: "keystroke to next paint (Event Timing), p95, empty notebook (baseline: a bare page's textarea, the browser's floor)",
          median: 'keystroke to next paint (Event Timing), median, empty notebook against the bare textarea'
        },
        { value: durations(split.empty), bare: durations(split.bare) },
        percentile
      ),
      ...floorRows(
        GROUP,
        {
          p95: "keystroke to next paint (Event Timing), p95, 20,000-word notebook, keys 120 ms apart (≈ 100 words a minute) (baseline: a bare page's textarea at the same pace)",
          median: 'keystroke to next paint (Event Timing), median, 20,000-word notebook, keys 120 ms apart, against the bare textarea'
        },
        { value: durations(paced.split.loaded), bare: durations(paced.split.bare) },
        percentile
      ),
      ...floorRows(
        GROUP,
        {
          p95: "keystroke to next paint (Event Timing), p95, 20,000-word notebook, keys 40 ms apart, Chromium's frames not held to 60 Hz (baseline: a bare page's textarea in the same browser)",
          median: 'keystroke to next paint (Event Timing), median, 20,000-word notebook, frames not held to 60 Hz, against the bare textarea'
        },
        { value: durations(free.split.loaded), bare: durations(free.split.bare) },
        percentile
      ),
      ...floorRows(
        GROUP,
        {
          p95: "keystroke to next paint (Event Timing), p95, 20,000-word notebook, frames not held to 60 Hz (baseline: a bare page's contenteditable holding the same 20,000 words, same browser)",
          median: 'keystroke to next paint (Event Timing), median, 20,000-word notebook against the bare contenteditable, frames not held to 60 Hz'
        },
        { value: durations(free.split.loaded), bare: durations(free.split.editable) },
        percentile
      )
    ]
  })
}

/**
 * From the click on a library row to the frame that shows the article's text with its marks:
 * `inView` when the reader's screen is filled (a long article is drawn from its top in steps,
 * each block with its marks), `whole` when every mark is drawn.
 */
async function timeOpen(page: Page, title: string, marks: number): Promise<{ inView: number; whole: number }> {
  const row = page.getByTestId('article-list').getByText(title, { exact: true })
  await row.scrollIntoViewIfNeeded()
  const box = (await row.boundingBox())!
  // Armed before the click, and awaited: the click must not reach the page first.
  await page.evaluate(
    ({ title, marks }) => {
      const w = window as unknown as { __opened?: { inView?: number; whole?: number } }
      const opened: { inView?: number; whole?: number } = {}
      w.__opened = opened
      let t0 = 0
      let screenFilled = false
      const painted = (key: 'inView' | 'whole') => requestAnimationFrame(() => setTimeout(() => (opened[key] = performance.now() - t0), 0))
      document.addEventListener('click', (e) => (t0 = e.timeStamp), { capture: true, once: true })
      const observer = new MutationObserver(() => {
        const shown = document.querySelector('.reader-title')?.textContent?.includes(title)
        const text = document.querySelector('[data-testid="reader-text"]')
        if (!t0 || !shown || !text) return
        const all = text.querySelectorAll('mark').length >= marks
        if (!screenFilled && text.querySelector('mark')) {
          const reader = document.querySelector('.reader')!.getBoundingClientRect()
          const last = text.lastElementChild?.getBoundingClientRect()
          if (all || (last && last.top >= reader.bottom)) {
            screenFilled = true
            painted('inView')
          }
        }
        if (all) {
          observer.disconnect()
          painted('whole')
        }
      })
      observer.observe(document.body, { childList: true, subtree: true, characterData: true })
    },
    { title, marks }
  )
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
  await page.waitForFunction(() => (window as unknown as { __opened: { whole?: number } }).__opened.whole, undefined, { timeout: 120_000 })
  return page.evaluate(() => (window as unknown as { __opened: { inView: number; whole: number } }).__opened)
}

async function opening(browser: Browser, template: string, ctx: BenchContext): Promise<Result[]> {
  ctx.log('opening a 1 MB article with 1,000 highlights, and a short memo…')
  return withServer(ctx, copyOf(template, ctx, 'opening.sqlite'), async (server) => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await page.goto(server.url)
    await openArticle(page, READING_TITLE)
    const big: number[] = []
    const bigWhole: number[] = []
    const memo: number[] = []
    for (let round = 0; round < 7; round++) {
      const opened = await timeOpen(page, BIG_TITLE, 1_000)
      big.push(opened.inView)
      bigWhole.push(opened.whole)
      await openArticle(page, READING_TITLE)
      memo.push((await timeOpen(page, SMALL_TITLE, 5)).whole)
      await openArticle(page, READING_TITLE)
    }
    await page.close()
    ctx.log(`open 1 MB, screen shown: ${big.map((t) => t.toFixed(0)).join(', ')} ms; every mark drawn: ${bigWhole.map((t) => t.toFixed(0)).join(', ')} ms`)
    return [
      row(GROUP, 'open a 1 MB article with 1,000 highlights, click to first paint of the screen with its marks (baseline: 600-word memo)', median(big), 'ms', { baseline: median(memo), goal: '≤300 ms' }),
      row(GROUP, 'open the same, click until all 1,000 marks are drawn (baseline: 600-word memo)', median(bigWhole), 'ms', { baseline: median(memo) })
    ]
  })
}

/**
 * From navigation start to the frame that first shows the library's rows with their titles. The
 * time comes out as a console message: waiting with `page.waitForFunction` would have Playwright
 * evaluate its injected script (≈ 180 ms of the page's main thread under load) in the middle of
 * the start it measures.
 */
const SHELL_PAINTED = 'dossier-shell-painted '
const SHELL_PROBE = `
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid="article-list"] .article-title:not(.loading)')) {
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => console.debug(${JSON.stringify(SHELL_PAINTED)} + performance.now()), 0));
    }
  }).observe(document, { childList: true, subtree: true });
`

async function shellOnce(browser: Browser, url: string, tracePath?: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  await page.addInitScript(SHELL_PROBE)
  if (tracePath) await browser.startTracing(page, { path: tracePath, categories: TRACE_CATEGORIES })
  const painted = page.waitForEvent('console', { predicate: (m) => m.text().startsWith(SHELL_PAINTED), timeout: 60_000 })
  await page.goto(url)
  const time = Number((await painted).text().slice(SHELL_PAINTED.length))
  if (tracePath) await browser.stopTracing()
  await page.close()
  return time
}

const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.compile',
  'disabled-by-default-v8.cpu_profiler',
  'blink',
  'loading',
  'netlog',
  'toplevel'
]

async function shellPaint(browser: Browser, small: string, large: string, ctx: BenchContext): Promise<Result[]> {
  ctx.log('first paint of the shell with 100 and with 100,000 articles…')
  return withServer(ctx, copyOf(small, ctx, 'shell-100.sqlite'), (a) =>
    withServer(ctx, copyOf(large, ctx, 'shell-100k.sqlite'), async (b) => {
      // One visit each first, so the server's and the database's caches are warm for both. Each
      // load is a new browser context, so the page's own files are never in the browser's cache:
      // every load is a first visit, as an Electron window's start is.
      await shellOnce(browser, a.url)
      await shellOnce(browser, b.url)
      const hundred: number[] = []
      const hundredK: number[] = []
      for (let round = 0; round < 7; round++) {
        hundred.push(await shellOnce(browser, a.url))
        hundredK.push(await shellOnce(browser, b.url))
      }
      ctx.log(`shell, 100 articles: ${hundred.map((t) => t.toFixed(0)).join(', ')} ms; 100,000: ${hundredK.map((t) => t.toFixed(0)).join(', ')} ms`)
      const trace = process.env.BENCH_UI_TRACE
      if (trace) {
        await shellOnce(browser, b.url, trace)
        ctx.log(`trace of one 100,000-article load written to ${trace}`)
      }
      return [
        row(GROUP, 'shell first paint, 100,000 articles (baseline: 100 articles)', median(hundredK), 'ms', { baseline: median(hundred), goal: '≤1,000 ms and ≤1.2× the 100-article time' })
      ]
    })
  )
}
