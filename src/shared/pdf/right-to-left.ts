/**
 * Arabic and Hebrew in a PDF's text layer. pdf.js reports the glyphs of many PDFs one by one, in
 * the order they stand on the page, left to right, and some fonts map Arabic glyphs to their
 * presentation forms (ﺗ ﻘ ﺮ, one code point per shape). Read that way a line comes out reversed and
 * in letters no search or quote can match. These turn a line as drawn into the text as written.
 */

/** Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko and their forms), not Arabic-Indic digits. */
const RTL_LETTER = /[\u0590-\u05FF\u0600-\u065F\u066A-\u06EF\u06FA-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u
const RTL_LETTERS = /[\u0590-\u05FF\u0600-\u065F\u066A-\u06EF\u06FA-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/gu
const OTHER_LETTERS = /(?![\u0590-\u05FF\u0600-\u065F\u066A-\u06EF\u06FA-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF])\p{L}/gu
/** Arabic presentation forms A and B. */
const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFF]+/gu
const LEFT_TO_RIGHT = /[^\s\p{P}\p{S}\u0590-\u05FF\u0600-\u065F\u066A-\u06EF\u06FA-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u
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
 * A right-to-left line as drawn, its runs (pdf.js's items, and the spaces between) left to right,
 * in reading order: the runs taken from the right, each as pdf.js gave it (it already orders the
 * letters inside a run), except that a stretch written left to right (Latin words, numbers, drawn
 * one glyph at a time) keeps its order, and the brackets between are mirrored as the page showed them.
 */
export function logicalFromVisual(runs: readonly string[]): string {
  const reversed = [...runs].reverse()
  const out: string[] = []
  for (let i = 0; i < reversed.length; ) {
    if (!isLeftToRight(reversed[i]!)) {
      out.push(hasRightToLeft(reversed[i]!) ? reversed[i]! : mirror(reversed[i]!))
      i++
      continue
    }
    // The stretch runs on through spaces and punctuation to its last left-to-right run.
    let end = i
    for (let j = i + 1; j < reversed.length && !hasRightToLeft(reversed[j]!); j++) if (isLeftToRight(reversed[j]!)) end = j
    out.push(...reversed.slice(i, end + 1).reverse())
    i = end + 1
  }
  return out.join('')
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
    if (line.length > 0 && isRightToLeft(line.map((i) => items[i]!.str).join(''))) {
      const reversed = [...line].reverse()
      for (let k = 0; k < reversed.length; ) {
        if (!isLeftToRight(items[reversed[k]!]!.str)) {
          order.push(reversed[k++]!)
          continue
        }
        let end = k
        for (let j = k + 1; j < reversed.length && !hasRightToLeft(items[reversed[j]!]!.str); j++) if (isLeftToRight(items[reversed[j]!]!.str)) end = j
        order.push(...reversed.slice(k, end + 1).reverse())
        k = end + 1
      }
    } else order.push(...line)
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
