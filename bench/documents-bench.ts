import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { chromium } from '@playwright/test'
import { strFromU8, unzipSync } from 'fflate'
import { JSDOM } from 'jsdom'
import mammoth from 'mammoth'
import { createServices, type Services } from '../src/main/services/create-services'
import { makeDocx, makeEpub, makePdf, para } from '../src/main/services/import/test-documents'
import { parsePdf } from '../src/main/services/import/pdf-document'
import { column, type LineSpec } from '../src/shared/pdf/test-pages'
import { startWebServer, stopWebServer } from '../test/support/web-server'
// @ts-expect-error a plain .mjs script without types
import { buildIfNeeded } from '../scripts/build-if-needed.mjs'
import { withStallProbe } from './import-bench'
import { median, row, type BenchContext, type Result } from './results'

const GROUP = 'documents'
const PAGES = Number(process.env.BENCH_DOC_PAGES ?? 100)
const LONG_PAGES = Number(process.env.BENCH_DOC_LONG_PAGES ?? 500)
const RUNS = Number(process.env.BENCH_DOC_RUNS ?? 5)
/**
 * `BENCH_DOC_ONLY=page-view`: only the Page view in Chromium (the 500-page report and the 2-page
 * paper are imported to build its library, nothing else is measured); about a minute. Its rows
 * replace the whole group's in bench/results.json, so do not commit that file after such a run.
 */
const ONLY_PAGE_VIEW = process.env.BENCH_DOC_ONLY === 'page-view'
/** Rounds of the Page view's opening, each alternated with the 2-page paper's. */
const PAGE_VIEW_ROUNDS = Number(process.env.BENCH_DOC_PAGE_ROUNDS ?? 5)
/** A path: a Chromium trace of one more opening of the 500-page report, for DevTools' Performance panel. */
const PAGE_VIEW_TRACE = process.env.BENCH_DOC_TRACE
/**
 * A path: a Chromium trace of all the measured rounds, each opening marked by a 'page view
 * opening' measure, to compare the threads' CPU time of each opening when wall times are noisy.
 */
const PAGE_VIEW_TRACE_ROUNDS = process.env.BENCH_DOC_TRACE_ROUNDS
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'blink.user_timing']

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')

/** Words of a made-up report: a fixed vocabulary, varied by page and line, so no two lines repeat. */
const WORDS = 'harbour patrol convoy escort winter ministry report straits anchorage insurers tanker budget committee officials vessels northern waters security review agreement'.split(' ')
function sentence(seed: number, words = 14): string {
  const out: string[] = []
  for (let i = 0; i < words; i++) out.push(WORDS[(seed * 7 + i * 13 + (seed >> 3)) % WORDS.length]!)
  out[0] = out[0]![0]!.toUpperCase() + out[0]!.slice(1)
  return `${out.join(' ')} ${seed}.`
}
const paragraph = (seed: number) => Array.from({ length: 5 }, (_, i) => sentence(seed * 5 + i)).join(' ')

/**
 * A text-layer report of `pages` pages as government papers are set: a running head and a page
 * number on every page, two columns of three paragraphs each, and a footnote at the foot. Made
 * with pdf-lib in the benchmark (no document is committed).
 */
export function reportPdf(pages: number, title = 'Northern waters security review'): Promise<Uint8Array> {
  const spec: LineSpec[][] = []
  for (let p = 0; p < pages; p++) {
    const left = column([0, 1, 2].map((k) => paragraph(p * 6 + k)), 72, 740, 40, 9).lines
    const right = column([3, 4, 5].map((k) => paragraph(p * 6 + k)), 316, 740, 40, 9).lines
    spec.push([
      { text: 'Northern Waters Security Review', x: 72, y: 800, size: 8 },
      ...left.filter((l) => l.y > 110),
      ...right.filter((l) => l.y > 110),
      { text: `${p + 1} ${sentence(p + 9000, 10)}`, x: 72, y: 80, size: 7 },
      { text: String(p + 1), x: 290, y: 40, size: 8 }
    ])
  }
  return makePdf({ pages: spec, title })
}

/** A Word memo as long as the PDF: a heading every ten paragraphs, a table every fifty. */
function memoDocx(paragraphs: number): Uint8Array {
  const body: string[] = []
  for (let i = 0; i < paragraphs; i++) {
    if (i % 10 === 0) body.push(para(`Section ${i / 10 + 1}: ${sentence(i, 4)}`, 'Heading1'))
    body.push(para(paragraph(i)))
    if (i % 50 === 49) {
      const cell = (t: string) => `<w:tc><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`
      body.push(`<w:tbl>${[0, 1, 2, 3].map((r) => `<w:tr>${cell(`Port ${r}`)}${cell(String(r * 7))}${cell(sentence(r + i, 3))}</w:tr>`).join('')}</w:tbl>`)
    }
  }
  return makeDocx({ body: body.join(''), core: { title: 'Memo on the harbour pact', creator: 'Desk Officer' } })
}

/** An EPUB book of `chapters` chapters of twenty paragraphs. */
function bookEpub(chapters: number): Uint8Array {
  return makeEpub({
    title: 'A Winter in the Straits',
    creators: ['Field Writer'],
    chapters: Array.from({ length: chapters }, (_, c) => ({
      file: `c${c + 1}.xhtml`,
      body: `<h1>Chapter ${c + 1}</h1>${Array.from({ length: 20 }, (_, k) => `<p>${paragraph(c * 20 + k)}</p>`).join('')}`
    }))
  })
}

/** The options the app's importer gives pdf.js (pdf-document.ts), so both sides do the same reading. */
function pdfOptions(bytes: Uint8Array) {
  const dir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))
  return {
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    enableXfa: false,
    useSystemFonts: false,
    disableFontFace: true,
    useWorkerFetch: false,
    standardFontDataUrl: join(dir, 'standard_fonts') + '/',
    cMapUrl: join(dir, 'cmaps') + '/',
    cMapPacked: true,
    verbosity: 0
  }
}

/** The baseline for PDFs: pdf.js's own text extraction of every page, nothing more. */
async function pdfjsText(lib: PdfJs, bytes: Uint8Array): Promise<number> {
  const doc = await lib.getDocument(pdfOptions(bytes)).promise
  let items = 0
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n)
    items += (await page.getTextContent()).items.length
    page.cleanup()
  }
  await doc.destroy()
  return items
}

/** The baseline for EPUB: unzip, and read each chapter's text with jsdom (no spine, no sanitizing, no blocks). */
function epubText(bytes: Uint8Array): number {
  let chars = 0
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (!name.endsWith('.xhtml')) continue
    const { window } = new JSDOM(strFromU8(data), { contentType: 'application/xhtml+xml' })
    chars += window.document.body?.textContent?.length ?? 0
    window.close()
  }
  return chars
}

async function timeMs(work: () => Promise<unknown> | unknown): Promise<number> {
  const t = performance.now()
  await work()
  return performance.now() - t
}

function services(dir: string, name: string, parseWorkerPath?: string): Services {
  return createServices({ dbPath: join(dir, `${name}.sqlite`), shell: 'web', version: 'bench', defaultExportDir: dir, ...(parseWorkerPath ? { parseWorkerPath } : {}) })
}

/**
 * Group "documents": a generated 100-page two-column report (PDF), a Word memo and an EPUB book
 * of about the same length, each imported by Dossier (parse, layout, clean, store in SQLite)
 * against its bare library in the same process, run by run side by side: pdf.js's getTextContent
 * over every page, mammoth's HTML conversion, unzip + jsdom. Then a 500-page report through the
 * app's parse worker pool with the main thread's longest stall, and pdf.js painting pages in Node
 * (@napi-rs/canvas) as a stand-in for the Page view's per-page cost.
 */
export async function documentsGroup(ctx: BenchContext): Promise<Result[]> {
  if (ONLY_PAGE_VIEW) return pageViewOnly(ctx)
  const lib = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const pdf = await reportPdf(PAGES)
  const docx = memoDocx(PAGES * 4)
  const epub = bookEpub(Math.round(PAGES / 5))
  ctx.log(`corpus: ${PAGES}-page PDF (${(pdf.length / 1024).toFixed(0)} KB), DOCX of ${PAGES * 4} paragraphs (${(docx.length / 1024).toFixed(0)} KB), EPUB of ${Math.round(PAGES / 5)} chapters (${(epub.length / 1024).toFixed(0)} KB); ${RUNS} runs`)
  const dir = mkdtempSync(join(tmpdir(), 'dossier-documents-bench-'))
  const s = services(dir, 'in-process')
  const times: Record<string, number[]> = { pdfjs: [], layout: [], pdfImport: [], mammoth: [], docxImport: [], epubBase: [], epubImport: [] }
  const results: Result[] = []
  try {
    // Warm-up: module loading and JIT on both sides.
    await pdfjsText(lib, pdf)
    await parsePdf(pdf, 'warm.pdf')
    await mammoth.convertToHtml({ buffer: Buffer.from(docx) })
    epubText(epub)
    for (let run = 0; run < RUNS; run++) {
      times.pdfjs!.push(await timeMs(() => pdfjsText(lib, pdf)))
      times.layout!.push(await timeMs(() => parsePdf(pdf, 'report.pdf')))
      times.pdfImport!.push(
        await timeMs(async () => {
          const r = await s.articles.importFile(`report-${run}.pdf`, pdf)
          if (r.status !== 'imported' || r.pages !== PAGES) throw new Error(`report.pdf: ${r.status} ${r.message ?? ''}`)
        })
      )
      times.mammoth!.push(await timeMs(() => mammoth.convertToHtml({ buffer: Buffer.from(docx) })))
      times.docxImport!.push(
        await timeMs(async () => {
          const r = await s.articles.importFile(`memo-${run}.docx`, docx)
          if (r.status !== 'imported') throw new Error(`memo.docx: ${r.status} ${r.message ?? ''}`)
        })
      )
      times.epubBase!.push(await timeMs(() => epubText(epub)))
      times.epubImport!.push(
        await timeMs(async () => {
          const r = await s.articles.importFile(`book-${run}.epub`, epub)
          if (r.status !== 'imported') throw new Error(`book.epub: ${r.status} ${r.message ?? ''}`)
        })
      )
      // Each run stores new copies: the same bytes again would be "already in the library".
      s.db.prepare('DELETE FROM articles').run()
      ctx.log(`run ${run + 1}: pdf.js ${times.pdfjs!.at(-1)!.toFixed(0)} ms, ours ${times.pdfImport!.at(-1)!.toFixed(0)} ms; mammoth ${times.mammoth!.at(-1)!.toFixed(0)} ms, ours ${times.docxImport!.at(-1)!.toFixed(0)} ms; epub ${times.epubBase!.at(-1)!.toFixed(0)} ms, ours ${times.epubImport!.at(-1)!.toFixed(0)} ms`)
    }
    const pagesPerSecond = (ms: number) => PAGES / (ms / 1000)
    const pdfjs = pagesPerSecond(median(times.pdfjs!))
    results.push(
      row(GROUP, `pdf: pdf.js getTextContent over ${PAGES} pages (baseline)`, pdfjs, 'pages/s'),
      row(GROUP, `pdf: parse + layout (pdf.js text, columns, heads, footnotes, hyphenation), ${PAGES} pages`, pagesPerSecond(median(times.layout!)), 'pages/s', { baseline: pdfjs }),
      row(GROUP, `pdf: import of ${PAGES} pages (parse, layout, clean, store)`, pagesPerSecond(median(times.pdfImport!)), 'pages/s', { baseline: pdfjs, goal: '≥0.67× baseline (≤1.5× its time)' }),
      row(GROUP, `docx: mammoth convertToHtml, ${PAGES * 4} paragraphs (baseline)`, median(times.mammoth!), 'ms'),
      row(GROUP, `docx: import of ${PAGES * 4} paragraphs (mammoth, sanitize, blocks, store)`, median(times.docxImport!), 'ms', { baseline: median(times.mammoth!) }),
      row(GROUP, `epub: unzip + jsdom text of ${Math.round(PAGES / 5)} chapters (baseline)`, median(times.epubBase!), 'ms'),
      row(GROUP, `epub: import of ${Math.round(PAGES / 5)} chapters (spine, sanitize, blocks, store)`, median(times.epubImport!), 'ms', { baseline: median(times.epubBase!) })
    )

    // A 500-page report as the app imports it: parsing in the worker pool, main storing it.
    const long = await reportPdf(LONG_PAGES)
    const pooled = services(dir, 'worker', join(ctx.outDir, 'parse-worker.mjs'))
    await pooled.articles.importFile('warm.pdf', await reportPdf(2, 'Warm-up paper'))
    let longMs = 0
    const stall = await withStallProbe(async () => {
      longMs = await timeMs(async () => {
        const r = await pooled.articles.importFile('long.pdf', long)
        if (r.status !== 'imported' || r.pages !== LONG_PAGES) throw new Error(`long.pdf: ${r.status} ${r.message ?? ''}`)
      })
    })
    await pooled.close()
    ctx.log(`${LONG_PAGES}-page report: ${(longMs / 1000).toFixed(1)} s, longest main-thread stall ${stall.toFixed(0)} ms`)
    results.push(
      row(GROUP, `pdf: import of a ${LONG_PAGES}-page report in the parse worker pool`, longMs, 'ms', { goal: '≤10,000 ms' }),
      row(GROUP, `pdf: longest main-thread stall during the ${LONG_PAGES}-page import`, stall, 'ms', { goal: '≤50 ms' })
    )

    // The Page view in Chromium, on the library just built: the long report against the 2-page warm-up paper.
    results.push(...(await pageViewRows(ctx, join(dir, 'worker.sqlite'))))

    // Painting: what the Page view costs per page, measured in Node with pdf.js's own canvas.
    const paint = await paintTimes(lib, pdf, 10)
    if (paint) {
      ctx.log(`paint: first page ${paint.first.toFixed(0)} ms after opening, median ${paint.median.toFixed(0)} ms a page`)
      results.push(
        row(GROUP, 'page view (Node stand-in): open + first page painted at 1.5×', paint.first, 'ms', { goal: '≤500 ms (in Chromium)' }),
        row(GROUP, 'page view (Node stand-in): paint + text content of one page at 1.5×, median of 10', paint.median, 'ms')
      )
    } else ctx.log('paint: no canvas in Node (@napi-rs/canvas missing); not measured')
  } finally {
    await s.close()
    rmSync(dir, { recursive: true, force: true })
  }
  return results
}

/** The Page view's row alone, on a library of the long report and the 2-page paper. */
async function pageViewOnly(ctx: BenchContext): Promise<Result[]> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-documents-bench-'))
  try {
    const s = services(dir, 'worker', join(ctx.outDir, 'parse-worker.mjs'))
    for (const [name, bytes] of [['warm.pdf', await reportPdf(2, 'Warm-up paper')], ['long.pdf', await reportPdf(LONG_PAGES)]] as const) {
      const r = await s.articles.importFile(name, bytes)
      if (r.status !== 'imported') throw new Error(`${name}: ${r.status} ${r.message ?? ''}`)
    }
    await s.close()
    return await pageViewRows(ctx, join(dir, 'worker.sqlite'))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function pageViewRows(ctx: BenchContext, dbPath: string): Promise<Result[]> {
  const chromiumPaint = await pageViewInChromium(ctx, dbPath)
  if (!chromiumPaint) return []
  const runs = (times: number[]) => `${times.map((t) => t.toFixed(0)).join(', ')} ms (fastest ${Math.min(...times).toFixed(0)})`
  ctx.log(`page view in Chromium: ${runs(chromiumPaint.long)}, ${LONG_PAGES} pages; ${runs(chromiumPaint.short)}, 2 pages`)
  return [
    row(GROUP, `page view in Chromium: click to first page painted, ${LONG_PAGES}-page report (baseline: 2-page paper)`, median(chromiumPaint.long), 'ms', {
      baseline: median(chromiumPaint.short),
      goal: '≤500 ms'
    })
  ]
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * The Page view as the analyst meets it, in Debian's Chromium against the web mode: from the click
 * on "Page" in the reader to the frame that shows page 1 painted by pdf.js (its canvas marked
 * painted, then a task queued from the next animation frame, which runs after that frame is
 * painted). Each switch back to Text unmounts the view, so every round fetches the PDF over the
 * contract and opens it again. Alternated with the same gesture on the 2-page paper, five rounds
 * (BENCH_DOC_PAGE_ROUNDS).
 */
async function pageViewInChromium(ctx: BenchContext, dbPath: string): Promise<{ long: number[]; short: number[] } | null> {
  const failure = (buildIfNeeded as (root: string, o: { quiet: boolean }) => string | null)(ctx.root, { quiet: true })
  if (failure) {
    ctx.log(`page view in Chromium: not measured (${failure})`)
    return null
  }
  // The bench's library was built without entity extraction: no background catch-up while it measures.
  const server = await startWebServer(dbPath, ['--no-catch-up'], ctx.root)
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-gpu'] })
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await page.goto(server.url)
    const once = async (title: string): Promise<number> => {
      await page.getByTestId('article-list').getByText(title, { exact: true }).click()
      await page.locator('.reader-title', { hasText: title }).waitFor()
      const text = page.getByRole('button', { name: 'Text', exact: true })
      if ((await text.getAttribute('aria-pressed')) !== 'true') await text.click()
      await page.getByTestId('reader-text').waitFor()
      await page.evaluate(() => {
        const w = window as unknown as { __painted?: number }
        w.__painted = undefined
        let t0 = 0
        document.addEventListener('click', (e) => (t0 = e.timeStamp), { capture: true, once: true })
        const observer = new MutationObserver(() => {
          if (t0 && document.querySelector('[data-page="1"] canvas[data-painted]')) {
            observer.disconnect()
            requestAnimationFrame(() =>
              setTimeout(() => {
                w.__painted = performance.now() - t0
                // For a trace of the rounds (BENCH_DOC_TRACE_ROUNDS): where each opening starts and ends.
                performance.measure('page view opening', { start: t0, end: performance.now() })
              }, 0)
            )
          }
        })
        observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-painted'] })
      })
      await page.getByTestId('page-view-button').click()
      const painted = await page.waitForFunction(() => (window as unknown as { __painted?: number }).__painted, undefined, { timeout: 60_000 })
      return (await painted.jsonValue()) as number
    }
    // One visit each first: the browser's cache of pdf.js and its worker is warm for both.
    await once('Warm-up paper')
    await once('Northern waters security review')
    const long: number[] = []
    const short: number[] = []
    if (PAGE_VIEW_TRACE_ROUNDS) await browser.startTracing(page, { path: PAGE_VIEW_TRACE_ROUNDS, categories: TRACE_CATEGORIES })
    for (let round = 0; round < PAGE_VIEW_ROUNDS; round++) {
      long.push(await once('Northern waters security review'))
      short.push(await once('Warm-up paper'))
    }
    if (PAGE_VIEW_TRACE_ROUNDS) {
      await browser.stopTracing()
      ctx.log(`trace of the rounds written to ${PAGE_VIEW_TRACE_ROUNDS} (each opening a 'page view opening' measure)`)
    }
    if (PAGE_VIEW_TRACE) {
      await browser.startTracing(page, { path: PAGE_VIEW_TRACE, categories: TRACE_CATEGORIES })
      const traced = await once('Northern waters security review')
      await browser.stopTracing()
      ctx.log(`trace of one opening (${traced.toFixed(0)} ms) written to ${PAGE_VIEW_TRACE}`)
    }
    return { long, short }
  } finally {
    await browser.close()
    await stopWebServer(server.child)
  }
}

/** Opening the PDF and painting its first page, then the median of painting `pages` more, each with its text content. */
async function paintTimes(lib: PdfJs, bytes: Uint8Array, pages: number): Promise<{ first: number; median: number } | null> {
  try {
    createRequire(import.meta.url).resolve('@napi-rs/canvas')
  } catch {
    return null
  }
  const paintPage = async (doc: Awaited<ReturnType<PdfJs['getDocument']>['promise']>, n: number) => {
    const page = await doc.getPage(n)
    const viewport = page.getViewport({ scale: 1.5 })
    const { canvas } = (doc.canvasFactory as { create(w: number, h: number): { canvas: HTMLCanvasElement } }).create(viewport.width, viewport.height)
    await page.render({ canvas, viewport }).promise
    await page.getTextContent()
    page.cleanup()
  }
  const t = performance.now()
  const doc = await lib.getDocument(pdfOptions(bytes)).promise
  await paintPage(doc, 1)
  const first = performance.now() - t
  const each: number[] = []
  for (let n = 2; n <= Math.min(doc.numPages, pages + 1); n++) each.push(await timeMs(() => paintPage(doc, n)))
  await doc.destroy()
  return { first, median: median(each) }
}
