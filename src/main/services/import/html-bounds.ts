/**
 * Bounds on the work one HTML page can cause. jsdom's parser slows down with depth (10,000
 * nested `<div>`s took 71 s to parse, 50,000 overflow its stack) and Readability's cleaning is
 * worse than quadratic in it (a 33 KB page with `<div>`s 3,000 deep did not finish in 13
 * minutes). Real pages nest a few dozen levels; Chromium itself stops nesting at 512.
 */

/** Elements nested deeper than this are flattened before the page is parsed. */
export const MAX_NESTING = 64

/**
 * A page with more elements than this is refused as too complex to import, before jsdom builds
 * it: every element costs tens of microseconds in jsdom and DOMPurify, and a page of 100,000
 * took 19–47 s to import (BENCHMARKS.md, import-hostile). A long news page has a few thousand;
 * a very long reference page a few tens of thousands.
 */
export const MAX_ELEMENTS = 60_000

/** Readability gives up on a page with more elements than this; the whole body is read instead. */
export const MAX_ELEMENTS_TO_EXTRACT = 60_000

/**
 * Readability's cleaning reads each candidate's whole subtree (its text, its links, its images),
 * so its work grows with the sum of every element's depth, not with the element count: 10,000
 * paragraphs inside 64 nested wrappers (what 10,000 unclosed `<div>`s flatten to) cost minutes.
 * Past this much nesting work the whole body is read instead, as for a page with too many
 * elements. An ordinary long news page is well under a tenth of it.
 */
export const MAX_EXTRACTION_WORK = 300_000

/**
 * Whether Readability may read the page under `root`: at most MAX_ELEMENTS_TO_EXTRACT elements
 * and MAX_EXTRACTION_WORK nesting work (the sum of every element's depth). One walk without
 * jsdom's collections, stopping as soon as either bound is passed; decided before the page is
 * copied for Readability, so a page it would refuse is not copied either.
 */
export function withinExtractionBounds(root: Element): boolean {
  return extractionCost(root).withinBounds
}

export function extractionCost(root: Element): { elements: number; work: number; withinBounds: boolean } {
  let elements = 0
  let work = 0
  let depth = 1
  let el: Element | null = root.firstElementChild
  while (el) {
    elements++
    work += depth
    if (elements > MAX_ELEMENTS_TO_EXTRACT || work > MAX_EXTRACTION_WORK) return { elements, work, withinBounds: false }
    const child: Element | null = el.firstElementChild
    if (child) {
      el = child
      depth++
      continue
    }
    while (el && el !== root && !el.nextElementSibling) {
      el = el.parentElement
      depth--
    }
    el = el && el !== root ? el.nextElementSibling : null
  }
  return { elements, work, withinBounds: true }
}

/** Text only: their content is never markup, so a tag inside is not counted. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes'])

/** No content, so never opened. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'frame'])

/**
 * End tags a parser may infer (`<li>a<li>b` are siblings): not counted, so a long list never
 * looks deep. A nested list still counts its `ul`/`ol`.
 */
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption', 'rb', 'rt', 'rp', 'rtc', 'html', 'head', 'body'])

/** Tags whose loss would run two paragraphs together: a flattened one leaves a line break. */
const BREAKING = /^(?:address|article|aside|blockquote|center|dd|details|dialog|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hgroup|li|main|nav|ol|p|pre|section|summary|table|ul)$/

/** A comment, or a start or end tag with its attributes (quoted values may hold `>`). */
const TOKEN = /<!--[\s\S]*?(?:--!?>|$)|<(\/?)([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g

export interface BoundedHtml {
  html: string
  /** How many tags were taken out because they nested too deeply. */
  flattened: number
  /** How many start tags the source has: the elements a parser will build, near enough. */
  elements: number
}

/**
 * The page's source with every tag nested deeper than `limit` taken out (a block-level one
 * leaves a `<p>`, so its text stays a paragraph of its own): the text is all kept, only structure
 * past the limit is lost. One pass over the source, linear in its length; a page within the
 * limit comes back unchanged. Only a guard on the parser's work: the page is parsed and
 * sanitized as usual afterwards, so a tag this scan misreads is still parsed safely.
 */
export function boundNesting(source: string, limit = MAX_NESTING): BoundedHtml {
  const open: { name: string; dropped: boolean }[] = []
  // How many of each name are open, so an end tag with no start is ignored without a search.
  const openCount = new Map<string, number>()
  let real = 0
  let flattened = 0
  const out: string[] = []
  let copied = 0
  let lower: string | null = null
  let elements = 0
  // A dropped block-level tag leaves a paragraph start, so its text stays a paragraph of its
  // own; one for a run of them with only white space between (thousands of `<br>`s in a row
  // made Readability crawl).
  let gap = false
  const drop = (from: number, to: number, name: string) => {
    const between = source.slice(copied, from)
    if (between.trim() !== '') gap = false
    out.push(between)
    if (BREAKING.test(name) && !gap) {
      out.push('<p>')
      gap = true
    }
    copied = to
    flattened++
  }
  TOKEN.lastIndex = 0
  for (let m = TOKEN.exec(source); m; m = TOKEN.exec(source)) {
    const name = m[2]?.toLowerCase()
    if (!name) continue // a comment
    const end = m[1] === '/'
    if (!end) elements++
    if (!end && RAW_TEXT.has(name)) {
      // Skip to the element's end tag: what is inside is text.
      lower ??= source.toLowerCase()
      const close = lower.indexOf(`</${name}`, TOKEN.lastIndex)
      TOKEN.lastIndex = close === -1 ? source.length : close
      continue
    }
    if (!end && name === 'plaintext') break
    if (VOID.has(name) || OPTIONAL_END.has(name)) continue
    if (!end) {
      const dropped = real >= limit
      if (dropped) drop(m.index, TOKEN.lastIndex, name)
      else real++
      open.push({ name, dropped })
      openCount.set(name, (openCount.get(name) ?? 0) + 1)
      if (m[3]?.trimEnd().endsWith('/')) {
        // A self-closed foreign element (`<path/>`): nothing stays open.
        open.pop()
        openCount.set(name, openCount.get(name)! - 1)
        if (!dropped) real--
      }
      continue
    }
    if (!openCount.get(name)) continue
    // As a parser does: an end tag closes its element and whatever was left open inside it.
    let matched: { name: string; dropped: boolean } | undefined
    while (!matched) {
      const top = open.pop()!
      openCount.set(top.name, openCount.get(top.name)! - 1)
      if (!top.dropped) real--
      if (top.name === name) matched = top
    }
    if (matched.dropped) drop(m.index, TOKEN.lastIndex, name)
  }
  if (flattened === 0) return { html: source, flattened: 0, elements }
  out.push(source.slice(copied))
  return { html: out.join(''), flattened, elements }
}
