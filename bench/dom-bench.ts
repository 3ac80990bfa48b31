import { Readability } from '@mozilla/readability'
import createDOMPurify, { type DOMPurify } from 'dompurify'
// happy-dom is not a dependency of ours: it comes with @lexical/headless and vitest. It is
// measured here only to answer "would a faster DOM make the 2× goal?", never used by the app.
import { Window as HappyWindow } from 'happy-dom'
import { JSDOM } from 'jsdom'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { extractArticle } from '../src/main/services/import/html-extract'
import { readMetadata } from '../src/main/services/import/html-metadata'
import { PURIFY_CONFIG, removeInert, unwrapNoscript } from '../src/main/services/import/html-sanitize'
import { BlockWriter } from '../src/main/services/import/html-to-blocks'
import { htmlArticle } from './corpus'
import { median, row, type BenchContext, type Result } from './results'

const GROUP = 'dom'
const PAGES = 200
const RUN = 50

/**
 * Group "dom": where the time of an HTML import goes, stage by stage, and what other ways of
 * getting a DOM would save: a shared jsdom window instead of one per page, and happy-dom (a
 * faster, non-standard DOM; DOMPurify warns against such DOMs) with Readability and DOMPurify
 * on it, including whether DOMPurify still holds on the hostile fixture.
 */
export async function domGroup(ctx: BenchContext): Promise<Result[]> {
  const pages = Array.from({ length: PAGES }, (_, i) => htmlArticle(i + 5000).html)
  const perPage = (fn: (html: string) => void): number => {
    for (const h of pages.slice(0, 5)) fn(h)
    const runs: number[] = []
    for (let s = 0; s < PAGES; s += RUN) {
      const t = performance.now()
      for (const h of pages.slice(s, s + RUN)) fn(h)
      runs.push((performance.now() - t) / RUN)
    }
    return median(runs)
  }

  // A fresh window every 32 pages, as html-dom.ts does, so the shared window's leak stays bounded.
  let jsWindow = new JSDOM('').window
  let jsPages = 0
  let purify: DOMPurify = createDOMPurify(jsWindow as never)
  purify.setConfig(PURIFY_CONFIG)
  const jsParse = (html: string): Document => {
    if (++jsPages % 32 === 0) {
      jsWindow.close()
      jsWindow = new JSDOM('').window
      purify = createDOMPurify(jsWindow as never)
      purify.setConfig(PURIFY_CONFIG)
    }
    return new jsWindow.DOMParser().parseFromString(html, 'text/html')
  }
  const happy = new HappyWindow({ settings: { disableJavaScriptFileLoading: true, disableCSSFileLoading: true, navigation: { disableChildFrameNavigation: true, disableMainFrameNavigation: true } } } as never)
  const happyParser = new happy.DOMParser()
  const happyParse = (html: string) => happyParser.parseFromString(html, 'text/html') as unknown as Document
  const happyPurify = createDOMPurify(happy as never)

  const results: Result[] = []
  const add = (name: string, ms: number, baseline?: number) => {
    results.push(row(GROUP, name, ms, 'ms/page', baseline === undefined ? {} : { baseline }))
    ctx.log(`${name}: ${ms.toFixed(2)} ms`)
  }

  const fresh = perPage((h) => new JSDOM(h).window.close())
  add('parse: new JSDOM per page', fresh)
  const shared = perPage(jsParse)
  add('parse: shared jsdom window, DOMParser', shared, fresh)
  add('parse: happy-dom, DOMParser', perPage(happyParse), fresh)

  const baseline = perPage((h) => {
    const { window } = new JSDOM(h)
    new Readability(window.document).parse()
    window.close()
  })
  add('Readability: new JSDOM per page (baseline)', baseline)
  add('Readability: shared jsdom window', perPage((h) => new Readability(jsParse(h), { serializer: (n) => n }).parse()), baseline)
  add('Readability: happy-dom', perPage((h) => new Readability(happyParse(h), { serializer: (n) => n }).parse()), baseline)

  // Our pipeline stage by stage, each measured as the cumulative time up to and including it.
  const stages = (h: string, upTo: number) => {
    const doc = jsParse(h)
    const meta = readMetadata(doc)
    if (upTo === 1) return
    unwrapNoscript(doc)
    removeInert(doc)
    if (upTo === 2) return
    const { root } = extractArticle(doc)
    if (upTo === 3) return
    purify.sanitize(root)
    if (upTo === 4) return
    new BlockWriter(meta.url).write(root)
  }
  const names = ['+ metadata', '+ noscript and inert removal', '+ Readability', '+ DOMPurify in place', '+ blocks (= our pipeline)']
  let previous = shared
  names.forEach((name, k) => {
    const ms = perPage((h) => stages(h, k + 1))
    add(`ours, cumulative: ${name} (Δ ${(ms - previous).toFixed(2)} ms)`, ms, baseline)
    previous = ms
  })

  // Does DOMPurify still hold on happy-dom? Count hostile payloads left in its output.
  const hostile = readFileSync(join(ctx.root, 'src/main/services/import/fixtures/hostile.html'), 'utf8')
  const leftovers = (p: DOMPurify, doc: Document) => {
    const out = p.sanitize(doc.body, { RETURN_DOM: true, ADD_FORBID_CONTENTS: ['nav', 'button', 'select', 'textarea'] }) as unknown as Element
    const html = out.innerHTML
    return (html.match(/on\w+=|javascript:|<script|<iframe|<svg|<math|<style/gi) ?? []).length
  }
  results.push(row(GROUP, 'DOMPurify on jsdom: dangerous markup left in hostile.html', leftovers(purify, jsParse(hostile)), 'count'))
  let happyLeft = -1
  try {
    happyLeft = leftovers(happyPurify, happyParse(hostile))
  } catch (err) {
    ctx.log(`DOMPurify on happy-dom threw: ${(err as Error).message}`)
  }
  results.push(row(GROUP, 'DOMPurify on happy-dom: dangerous markup left in hostile.html (-1: threw)', happyLeft, 'count'))

  // Does Readability find the same article on happy-dom?
  let same = 0
  for (const h of pages.slice(0, 50)) {
    const a = new Readability(jsParse(h)).parse()?.textContent?.replace(/\s+/g, ' ').trim()
    const b = new Readability(happyParse(h)).parse()?.textContent?.replace(/\s+/g, ' ').trim()
    if (a === b) same++
  }
  results.push(row(GROUP, 'Readability on happy-dom: same article text as on jsdom', (100 * same) / 50, '%'))

  jsWindow.close()
  await happy.happyDOM.close()
  return results
}
