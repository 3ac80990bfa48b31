import { placeBlocks, type ArticleDocument } from '../document/article-document'

/**
 * The Page view shows pdf.js's own text layer, whose text is the page's items in drawing order:
 * running heads still in, words broken at line ends, ligatures as single glyphs, columns maybe
 * interleaved. Highlights live in the canonical text the layout built from the same items. The
 * two are matched on a folded form that keeps only what both must agree on: NFKC letters and
 * digits (ﬁ → fi), without white space or hyphens, since the layout joins and splits exactly there,
 * and without brackets, which the layout puts around a raised note number (page-lines.ts).
 */
export interface FoldedText {
  text: string
  /** For each folded character, the UTF-16 offset in the source it came from. */
  origin: number[]
  /** For each folded character, the length of its source character (2 for a surrogate pair). */
  width: number[]
}

const SKIPPED = /[\s\u00ad\u200b-\u200d\u2060\ufeff\-\u2010\u2011\u2012\u2013\u00b7[\]]/u

export function fold(source: string): FoldedText {
  const text: string[] = []
  const origin: number[] = []
  const width: number[] = []
  let at = 0
  for (const ch of source) {
    if (!SKIPPED.test(ch)) {
      for (const out of ch.normalize('NFKC')) {
        if (SKIPPED.test(out)) continue
        text.push(out)
        origin.push(at)
        width.push(ch.length)
      }
    }
    at += ch.length
  }
  return { text: text.join(''), origin, width }
}

export interface Span {
  start: number
  end: number
}

/**
 * Where a page's text sits in the canonical text: from the first kept block on the page to the end
 * of the last, cut at the page breaks the layout recorded inside blocks. Null when no kept text is
 * on the page (a blank page, or only running heads).
 */
export function pageSpan(doc: ArticleDocument, page: number): Span | null {
  let span: Span | null = null
  for (const placed of placeBlocks(doc)) {
    const { block, start } = placed
    if (start === null || block.page === undefined) continue
    const last = block.pageEnd ?? block.page
    if (page < block.page || page > last) continue
    const breaks = block.pageBreaks ?? []
    const from = start + (page === block.page ? 0 : (breaks[page - block.page - 1] ?? 0))
    const to = start + (page === last ? block.text.length : (breaks[page - block.page] ?? block.text.length))
    span = span ? { start: Math.min(span.start, from), end: Math.max(span.end, to) } : { start: from, end: to }
  }
  return span
}

/**
 * pageSpan of every page at once, in one pass over the blocks: the Page view of a 500-page report
 * needs all of them on opening, and asking page by page walks every block once per page.
 */
export function pageSpans(doc: ArticleDocument): Map<number, Span> {
  const spans = new Map<number, Span>()
  for (const { block, start } of placeBlocks(doc)) {
    if (start === null || block.page === undefined) continue
    const last = block.pageEnd ?? block.page
    const breaks = block.pageBreaks ?? []
    for (let page = block.page; page <= last; page++) {
      const from = start + (page === block.page ? 0 : (breaks[page - block.page - 1] ?? 0))
      const to = start + (page === last ? block.text.length : (breaks[page - block.page] ?? block.text.length))
      const span = spans.get(page)
      spans.set(page, span ? { start: Math.min(span.start, from), end: Math.max(span.end, to) } : { start: from, end: to })
    }
  }
  return spans
}

/** Every start index of needle in haystack (overlapping ones too). */
function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = []
  if (!needle) return found
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) found.push(i)
  return found
}

/**
 * Of the places the passage occurs in the other text, the one that matches the occurrence chosen
 * here: the same ordinal when both texts have it as often, else the one at the nearest relative
 * position (the other text may hold a running head, or read columns in another order).
 */
function matchOccurrence(from: FoldedText, fromIndex: number, needle: string, to: FoldedText): number | null {
  const here = occurrences(from.text, needle)
  const there = occurrences(to.text, needle)
  if (there.length === 0) return null
  if (there.length === here.length) return there[here.indexOf(fromIndex)] ?? there[0]!
  const at = fromIndex / Math.max(1, from.text.length)
  return there.reduce((best, i) => (Math.abs(i / to.text.length - at) < Math.abs(best / to.text.length - at) ? i : best))
}

/** The folded range [first, last] of source offsets [start, end), or null when it holds nothing that folds. */
function foldedRange(folded: FoldedText, start: number, end: number): [number, number] | null {
  let first = -1
  let last = -1
  for (let i = 0; i < folded.origin.length; i++) {
    const o = folded.origin[i]!
    if (o >= end) break
    if (o >= start) {
      if (first === -1) first = i
      last = i
    }
  }
  return first === -1 ? null : [first, last]
}

function sourceSpan(folded: FoldedText, first: number, last: number, base = 0): Span {
  return { start: base + folded.origin[first]!, end: base + folded.origin[last]! + folded.width[last]! }
}

/**
 * The canonical offsets of a selection [start, end) in a page's text-layer text, or null when the
 * selected words are not in the article's kept text (a running head, a page number).
 */
export function pageToCanonical(canonical: string, span: Span, pageText: string, start: number, end: number): Span | null {
  const page = fold(pageText)
  const range = foldedRange(page, start, end)
  if (!range) return null
  const article = fold(canonical.slice(span.start, span.end))
  const found = longestFound(page.text.slice(range[0], range[1] + 1), article.text)
  if (!found) return null
  const at = matchOccurrence(page, range[0] + found.skip, found.needle, article)
  if (at === null) return null
  return sourceSpan(article, at, at + found.needle.length - 1, span.start)
}

/**
 * The selection as the article has it: whole if it is there, else its longest end that is, when
 * that is most of it. A drag that runs on into the page number or the running head below still
 * highlights the words of the article it covered.
 */
function longestFound(needle: string, haystack: string): { needle: string; skip: number } | null {
  if (haystack.includes(needle)) return { needle, skip: 0 }
  const least = Math.max(3, Math.ceil(needle.length / 2))
  for (let length = needle.length - 1; length >= least; length--) {
    if (haystack.includes(needle.slice(0, length))) return { needle: needle.slice(0, length), skip: 0 }
    const skip = needle.length - length
    if (haystack.includes(needle.slice(skip))) return { needle: needle.slice(skip), skip }
  }
  return null
}

/**
 * The part of canonical [start, end) that falls on a page, as offsets in the page's text-layer
 * text, or null when none of it is on this page or it cannot be found there.
 */
export function canonicalToPage(canonical: string, span: Span, pageText: string, start: number, end: number): Span | null {
  const from = Math.max(start, span.start)
  const to = Math.min(end, span.end)
  if (from >= to) return null
  const article = fold(canonical.slice(span.start, span.end))
  const range = foldedRange(article, from - span.start, to - span.start)
  if (!range) return null
  const needle = article.text.slice(range[0], range[1] + 1)
  const page = fold(pageText)
  const at = matchOccurrence(article, range[0], needle, page)
  if (at === null) return null
  return sourceSpan(page, at, at + needle.length - 1)
}
