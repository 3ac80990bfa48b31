import { endsBroken, Hyphenation } from '../pdf/hyphenation'
import { isRunningReason } from '../pdf/running-heads'
import type { LineRole } from './line-roles'
import { endsSentence } from './line-shape'
import type { SourceLine } from './source-lines'

/**
 * Text wrapped by hand at a fixed width: a plain-text e-mail (72 columns), `pdftotext`'s output
 * of a report, a wire story from a terminal. Each paragraph arrives as lines of about the same
 * length, and shown as they are they leave a ragged edge inside the reader's column and "sec-" /
 * "ond" where a word was broken. Such paragraphs are read as running text: their lines joined
 * with a space, and a word broken at a line end joined as the document itself writes it
 * (hyphenation.ts, shared with PDFs).
 *
 * A paragraph whose lines stop short of the width (an address, a contact block, verse, a list of
 * short lines) keeps its line breaks: a line that ends well before the width was ended by its
 * writer, not by the wrapping.
 */
export interface HardWraps {
  /** Indexes of lines that carry on the line before them as running text. */
  carriesOn: ReadonlySet<number>
  /** Indexes of lines that open a paragraph of their own, though no blank line comes before them. */
  startsBlock: ReadonlySet<number>
  /**
   * Indexes of lines that carry on the last paragraph before a page's running head or number:
   * a sentence the page broke ("…the closure of" / page 4 / "the rail spur at Kalenko…").
   */
  acrossPages: ReadonlySet<number>
  hyphenation: Hyphenation
}

/** Fewer wrapped lines than this is too little to tell a wrap width from chance. */
const MIN_WRAPPED_LINES = 2
/** Widths a text is wrapped at, in columns: e-mail's 72, a terminal's 80, pdftotext's ~100. */
const MIN_WIDTH = 40
const MAX_WIDTH = 160
/** A line that carries on to the next one reaches at least this share of the width. */
const FULL_SHARE = 0.6
/** In a wrapped text, most lines that carry on end this close to the width… */
const NEAR_SHARE = 0.75
const MOSTLY_NEAR = 0.6
/**
 * …and many of the lines they carry on to start in lower case, in the middle of a sentence
 * (a list of headlines, one to a line, never does). German capitalises its nouns: a third is
 * still far from none.
 */
const SOME_LOWER = 0.3

const columns = (line: SourceLine) => line.indent + line.text.length
/** Scripts written without spaces between words: their lines are not joined with one. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u
const CASED_START = /^["“‘'(«]?[\p{Lu}\p{Ll}]/u
const LOWER_START = /^["“‘'(«]?\p{Ll}/u

/**
 * The text's wrap width, when it has one: lines that carry on to another line of their
 * paragraph are, for the most part, within a quarter of the longest of them (its 90th
 * percentile, so one long address does not set it), and the lines they carry on to often
 * start mid-sentence.
 */
export function wrapWidth(lines: readonly SourceLine[]): number | null {
  const carrying = lines.filter((line) => !line.last).map(columns)
  if (carrying.length < MIN_WRAPPED_LINES) return null
  const sorted = [...carrying].sort((a, b) => a - b)
  const width = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))]!
  if (width < MIN_WIDTH || width > MAX_WIDTH) return null
  const near = carrying.filter((n) => n >= width * NEAR_SHARE).length
  if (near < carrying.length * MOSTLY_NEAR) return null
  const carried = lines.filter((line) => !line.first && CASED_START.test(line.text))
  const lower = carried.filter((line) => LOWER_START.test(line.text)).length
  return lower >= carried.length * SOME_LOWER ? width : null
}

/**
 * Which lines carry on the line before them, in a hard-wrapped text: every line after the first
 * of a stretch of lines that the wrapping ended (each reaches most of the width and the next word
 * would not have fitted) and that breaks mid-sentence at least once; which lines open a paragraph
 * with no blank line before them; and which carry a paragraph on over a page break. Null when
 * there is none of these, so a scraped article (one line per paragraph) or a text of short lines
 * is left alone.
 */
export function hardWraps(lines: readonly SourceLine[], roles: readonly LineRole[]): HardWraps | null {
  const width = wrapWidth(lines)
  const carriesOn = new Set<number>()
  const startsBlock = new Set<number>()
  let start = 0
  for (let i = 0; i < lines.length && width !== null; i++) {
    // A stretch of lines ends at its paragraph's end or at a line the wrapping did not end: a short
    // one, or a sentence's end where the next word would have fitted. Text copied from a PDF
    // viewer has no blank lines, only such lines, between its paragraphs.
    const next = lines[i + 1]
    const short = columns(lines[i]!) < width * FULL_SHARE || (next !== undefined && endedByWriter(lines[i]!, next, width))
    if (!lines[i]!.last && !short) continue
    const stretch = lines.slice(start, i + 1)
    const midSentence = stretch.slice(0, -1).some((line) => !endsSentence(line.text)) || stretch.slice(1).some((line) => LOWER_START.test(line.text))
    if (stretch.length > 1 && midSentence && !stretch.some((line) => UNSPACED.test(line.text))) {
      for (let k = start + 1; k <= i; k++) carriesOn.add(k)
      // A paragraph of running text that ends a sentence on a short line: the next line opens another.
      if (!lines[i]!.last && endsSentence(lines[i]!.text)) startsBlock.add(i + 1)
    }
    start = i + 1
  }
  const acrossPages = sentencesAcrossPages(lines, roles)
  if (carriesOn.size === 0 && acrossPages.size === 0) return null
  // Each line that is carried on, by the next line or over a page break, and the line it carries on.
  const carried = new Map<number, number>()
  for (const i of carriesOn) carried.set(i, i - 1)
  for (const i of acrossPages) carried.set(i, lastBefore(roles, i))
  const carrying = new Set(carried.values())
  const hyphenation = new Hyphenation()
  lines.forEach((line, i) => {
    const from = carried.get(i)
    hyphenation.addLine(line.text, from !== undefined && endsBroken(lines[from]!.text), carrying.has(i))
  })
  return { carriesOn, startsBlock, acrossPages, hyphenation }
}

/** The last line before `i` that is not a page's running head or number. */
function lastBefore(roles: readonly LineRole[], i: number): number {
  let j = i - 1
  while (j >= 0 && isPageFurniture(roles[j]!)) j--
  return j
}

const isPageFurniture = (role: LineRole) => role.kind === 'removed' && isRunningReason(role.reason)

/** How the rest of a sentence a page broke opens: in lower case, or with a number ("40 per cent…"). */
const CARRIED_START = /^[\p{Ll}\p{N}]/u

/**
 * Paragraphs that open mid-sentence right after a page's running head or number, below a body
 * line that ends mid-sentence: the page broke one paragraph in two.
 */
function sentencesAcrossPages(lines: readonly SourceLine[], roles: readonly LineRole[]): Set<number> {
  const found = new Set<number>()
  lines.forEach((line, i) => {
    if (!line.first || roles[i]!.kind !== 'body' || !CARRIED_START.test(line.text) || i === 0 || !isPageFurniture(roles[i - 1]!)) return
    const j = lastBefore(roles, i)
    if (j >= 0 && roles[j]!.kind === 'body' && !endsSentence(lines[j]!.text) && !/[:;]$/u.test(lines[j]!.text)) found.add(i)
  })
  return found
}

/**
 * A sentence ends the line, the next line opens another, and that line's first word would have
 * fitted after it: the wrapping did not end this line, its writer did.
 */
function endedByWriter(line: SourceLine, next: SourceLine, width: number): boolean {
  const word = /^\S+/u.exec(next.text)?.[0] ?? ''
  return endsSentence(line.text) && CASED_START.test(next.text) && !LOWER_START.test(next.text) && columns(line) + 1 + word.length <= width
}

/** `text` with `next`, the line that carries it on, joined as running text. */
export function joinWrapped(text: string, next: string, wraps: HardWraps): string {
  return endsBroken(text) ? wraps.hyphenation.join(text, next) : `${text} ${next}`
}
