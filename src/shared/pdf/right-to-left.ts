/**
 * Arabic and Hebrew in a PDF's text layer. pdf.js reports the glyphs of many PDFs one by one, in
 * the order they stand on the page, left to right, and some fonts map Arabic glyphs to their
 * presentation forms (ﺗ ﻘ ﺮ, one code point per shape). Read that way a line comes out reversed and
 * in letters no search or quote can match. These turn a line as drawn into the text as written.
 */

/** Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko and their forms), not Arabic-Indic digits. */
const RTL = '\u0590-\u05FF\u0600-\u065F\u066A-\u06EF\u06FA-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF'
const RTL_LETTER = new RegExp(`[${RTL}]`, 'u')
const RTL_LETTERS = new RegExp(`[${RTL}]`, 'gu')
const OTHER_LETTERS = new RegExp(`(?![${RTL}])\\p{L}`, 'gu')
/** A letter or digit written left to right: Latin, Cyrillic, Greek…, and digits (Arabic-Indic too). */
const LEFT_TO_RIGHT = new RegExp(`[^\\s\\p{P}\\p{S}${RTL}]`, 'u')
/** Arabic presentation forms A and B. */
const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFF]+/gu
const MIRRORED: Readonly<Record<string, string>> = { '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«' }

/** More right-to-left letters than others: the line is read right to left. */
export function isRightToLeft(text: string): boolean {
  const rtl = text.match(RTL_LETTERS)?.length ?? 0
  return rtl > 0 && rtl > (text.match(OTHER_LETTERS)?.length ?? 0)
}

export function hasRightToLeft(text: string): boolean {
  return RTL_LETTER.test(text)
}

/** Presentation forms as the letters they shape (ﻻ is lām and alif): what the text means. */
export function unshapeArabic(text: string): string {
  return text.replace(PRESENTATION_FORMS, (forms) => forms.normalize('NFKC'))
}

/**
 * The runs of a right-to-left line as drawn (left to right), in reading order: taken from the
 * right, each as it is (pdf.js already orders the letters inside a run), except that a stretch
 * written left to right (Latin words, numbers, drawn one glyph at a time) keeps its order. Each
 * run's index, and whether it stands in such a stretch.
 */
function readRuns(runs: readonly string[]): { index: number; leftToRight: boolean }[] {
  const out: { index: number; leftToRight: boolean }[] = []
  for (let k = runs.length - 1; k >= 0; ) {
    if (!isLeftToRight(runs[k]!)) {
      out.push({ index: k--, leftToRight: false })
      continue
    }
    // The stretch runs on leftwards through spaces and punctuation to its last left-to-right run.
    let start = k
    for (let j = k - 1; j >= 0 && !hasRightToLeft(runs[j]!); j--) if (isLeftToRight(runs[j]!)) start = j
    for (let j = start; j <= k; j++) out.push({ index: j, leftToRight: true })
    k = start - 1
  }
  return out
}

/**
 * A right-to-left line as drawn, its runs (pdf.js's items, and the spaces between) left to right,
 * in reading order (readRuns), the brackets between its words mirrored as the page showed them.
 */
export function logicalFromVisual(runs: readonly string[]): string {
  return readRuns(runs)
    .map(({ index, leftToRight }) => (leftToRight || hasRightToLeft(runs[index]!) ? runs[index]! : mirror(runs[index]!)))
    .join('')
}

function isLeftToRight(run: string): boolean {
  return LEFT_TO_RIGHT.test(run) && !hasRightToLeft(run)
}

function mirror(text: string): string {
  return text.replace(/[()[\]{}<>«»]/gu, (c) => MIRRORED[c] ?? c)
}

/**
 * The order a page's text items are read in, as indices: each line as drawn, except a line that
 * is mostly right to left, whose items are taken from the right, with its left-to-right stretches
 * (numbers, Latin words) kept in their order, as logicalFromVisual reads a line. The Page view
 * matches its text layer in this order against the article's text, which is in reading order.
 */
export function readingOrder(items: readonly { str: string; y: number; hasEOL?: boolean }[]): number[] {
  const order: number[] = []
  let line: number[] = []
  const flush = () => {
    const strs = line.map((i) => items[i]!.str)
    if (line.length > 0 && isRightToLeft(strs.join(''))) order.push(...readRuns(strs).map((r) => line[r.index]!))
    else order.push(...line)
    line = []
  }
  items.forEach((item, i) => {
    const prev = line.at(-1)
    if (prev !== undefined && Math.abs(items[prev]!.y - item.y) > 1) flush()
    line.push(i)
    if (item.hasEOL) flush()
  })
  flush()
  return order
}
