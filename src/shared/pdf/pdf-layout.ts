import type { Block } from '../document/article-document'
import { findFootnotes } from './footnotes'
import { endsBroken, Hyphenation } from './hyphenation'
import { pageLines, type PageLine } from './page-lines'
import { findRunningHeads } from './running-heads'
import type { PdfPageText } from './text-items'

export interface PdfLayout {
  blocks: Block[]
  /** The text most of the body is set in, in points. */
  bodySize: number
  /** The biggest text on the first pages, a title candidate when the PDF's metadata has none. */
  largestHeading: string | null
}

/** A line this much bigger than the body is a heading. */
const HEADING_RATIO = 1.15
const BULLET = /^(?:[•▪◦●○■□–—‣⁃∙·*-]\s+|\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)]\s+)/u

type LineKind = 'body' | 'heading' | 'list-item' | 'table-row'

interface Classified {
  line: PageLine
  kind: LineKind
  /** For headings: the font size, so a run of same-size lines joins into one heading. */
  size: number
}

/**
 * pdf.js text content to blocks: lines in reading order (page-lines.ts), running heads and
 * footnotes set apart, then lines joined into paragraphs, headings, list items and tables.
 * Footnotes follow the body, each with its page. Every word of the text layer lands in a block,
 * kept or removed, so nothing is lost silently.
 */
export function layoutPdf(pages: readonly PdfPageText[]): PdfLayout {
  const lines = pages.flatMap((p) => pageLines(p))
  const heights = new Map(pages.map((p) => [p.number, p.height]))
  const { reasons } = findRunningHeads(lines, heights)
  const bodySize = dominantSize(lines.filter((_, i) => !reasons.has(i)))

  const footnoteOf = new Map<number, number>()
  const footnotes: number[][] = []
  // Each page's kept lines, gathered in one pass: scanning every line for every page made a
  // 500-page report quadratic (BENCHMARKS.md, documents).
  const keptByPage = new Map<number, number[]>()
  lines.forEach((l, i) => {
    if (reasons.has(i)) return
    const list = keptByPage.get(l.page)
    if (list) list.push(i)
    else keptByPage.set(l.page, [i])
  })
  for (const page of pages) {
    const candidates = keptByPage.get(page.number) ?? []
    for (const note of findFootnotes(lines, candidates, bodySize, page.height).notes) {
      for (const i of note) footnoteOf.set(i, footnotes.length)
      footnotes.push(note)
    }
  }

  const hyphenation = new Hyphenation()
  lines.forEach((l, i) => hyphenation.addLine(l.text, i > 0 && endsBroken(lines[i - 1]!.text), endsBroken(l.text)))

  const body: Classified[] = []
  const flushOrder: { at: number; block: Block }[] = []
  lines.forEach((line, i) => {
    const reason = reasons.get(i)
    if (reason) {
      // Removed lines keep their place in the order, so "Show removed text" shows them where they were.
      flushOrder.push({ at: body.length, block: { kind: 'paragraph', text: line.text, removed: { reason }, page: line.page } })
      return
    }
    if (footnoteOf.has(i)) return
    body.push({ line, kind: 'body', size: line.size })
  })
  classify(body, bodySize)

  const blocks: Block[] = []
  const bodyBlocks = buildBlocks(body, bodySize, hyphenation)
  // Interleave removed lines at the body position they came from.
  let r = 0
  for (const { block, firstLine } of bodyBlocks) {
    while (r < flushOrder.length && flushOrder[r]!.at <= firstLine) blocks.push(flushOrder[r++]!.block)
    blocks.push(block)
  }
  while (r < flushOrder.length) blocks.push(flushOrder[r++]!.block)

  for (const note of footnotes) {
    const noteLines = note.map((i) => lines[i]!)
    blocks.push(withPages({ kind: 'footnote', text: '' }, joinLines(noteLines, hyphenation)))
  }

  return { blocks: blocks.filter((b) => b.text !== ''), bodySize, largestHeading: largestHeading(lines, reasons, bodySize) }
}

/** The size most characters are set in. */
function dominantSize(lines: readonly PageLine[]): number {
  const chars = new Map<number, number>()
  for (const l of lines) {
    const s = Math.round(l.size * 2) / 2
    chars.set(s, (chars.get(s) ?? 0) + l.text.length)
  }
  let best = 10
  let most = -1
  for (const [s, n] of chars) if (n > most) [best, most] = [s, n]
  return best
}

function classify(body: Classified[], bodySize: number): void {
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!
    const { line } = c
    const short = line.text.length <= 160
    if (short && line.size >= bodySize * HEADING_RATIO) c.kind = 'heading'
    // A bold row of cells is a table's header, not a heading.
    else if (short && line.bold && line.cells.length < 2 && !/[.,;:]$/.test(line.text) && line.text.length <= 100 && isolatedBold(body, i)) c.kind = 'heading'
    else if (BULLET.test(line.text)) c.kind = 'list-item'
  }
  markTables(body)
}

/** A bold line is a heading when the text around it is not bold (not a bold paragraph). */
function isolatedBold(body: Classified[], i: number): boolean {
  const next = body[i + 1]?.line
  return !next || !next.bold || next.size !== body[i]!.line.size
}

/**
 * Runs of three or more lines split into two or more cells whose left edges line up with the
 * first row's: a table. Anything less regular reads as text rows.
 */
function markTables(body: Classified[]): void {
  let i = 0
  while (i < body.length) {
    const first = body[i]!.line
    if (first.cells.length < 2 || body[i]!.kind === 'heading' || justified(first)) {
      i++
      continue
    }
    const anchors = first.cells.map((c) => c.x0)
    const tolerance = first.size * 1.5
    let j = i + 1
    while (j < body.length) {
      const line = body[j]!.line
      if (line.page !== first.page || line.region !== first.region || line.cells.length < 2 || justified(line)) break
      const aligned = line.cells.filter((c) => anchors.some((a) => Math.abs(a - c.x0) <= tolerance)).length
      if (aligned < Math.min(2, line.cells.length) || aligned < line.cells.length - 1) break
      j++
    }
    if (j - i >= 3) for (let k = i; k < j; k++) body[k]!.kind = 'table-row'
    i = Math.max(j, i + 1)
  }
}

/**
 * Justified text in a narrow column can stretch its word spaces past the gap that splits a line
 * into cells; then every space on the line is that wide, and the line falls apart into single
 * words evenly spaced. Three or more such words, one of them in lower case, are prose, not a row.
 */
function justified(line: PageLine): boolean {
  const { cells } = line
  if (cells.length < 3 || cells.some((c) => /\s/.test(c.text)) || !cells.some((c) => /^\p{Ll}/u.test(c.text))) return false
  const gaps = cells.slice(1).map((c, k) => c.x0 - cells[k]!.x1)
  return gaps.every((g) => Math.abs(g - gaps[0]!) <= Math.max(0.6, 0.05 * gaps[0]!))
}

function sentenceEnd(text: string): boolean {
  return /[.!?:;)"”’»]$/.test(text)
}

/** Where one paragraph ends and the next begins. */
function breaksBefore(prev: Classified, next: Classified, lead: number): boolean {
  if (prev.kind !== next.kind) return true
  if (next.kind === 'table-row') return prev.line.region !== next.line.region || prev.line.page !== next.line.page
  if (next.kind === 'heading') {
    const gap = prev.line.y - next.line.y
    // A heading's short last line may sit in the columns below it (another region), right under it.
    const under = prev.line.page === next.line.page && gap > 0 && gap <= 1.6 * next.size && Math.abs(prev.line.x0 - next.line.x0) <= next.size
    return Math.abs(prev.size - next.size) > 0.5 || gap > 2.2 * next.size || (prev.line.region !== next.line.region && !under)
  }
  if (next.kind === 'list-item') return true
  const a = prev.line
  const b = next.line
  const em = b.size
  const colWidth = a.colX1 - a.colX0
  const short = a.x1 < a.colX1 - Math.max(3 * em, colWidth * 0.12)
  const veryShort = a.x1 < a.colX0 + colWidth * 0.6
  const indented = b.x0 > b.colX0 + 0.8 * em && a.x0 <= a.colX0 + 0.5 * em
  if (Math.abs(a.size - b.size) > 0.75) return true
  // A word broken at the line's end goes on in the next line, whatever the line's length.
  if (endsBroken(a.text) && /^\p{Ll}/u.test(b.text)) return false
  if (a.page !== b.page || a.region !== b.region) {
    // Across a column or page break a paragraph goes on unless the line before ended it.
    return (short && sentenceEnd(a.text)) || veryShort || indented || (sentenceEnd(a.text) && /^\p{Lu}/u.test(b.text) && a.x1 < a.colX1 - em)
  }
  const gap = a.y - b.y
  if (lead > 0 && gap > lead * 1.45) return true
  if (gap < 0) return true
  if (indented) return true
  if (short && sentenceEnd(a.text)) return true
  // A short line stopped inside a sentence goes on when the next begins in lower case: the end of
  // a column carried over to a page set in one.
  if (veryShort && !sentenceEnd(a.text) && /^\p{Ll}/u.test(b.text)) return false
  return veryShort
}

/** List items continue on lines indented past their bullet. */
function continuesListItem(prev: Classified, next: Classified, lead: number): boolean {
  if (prev.kind !== 'list-item' || next.kind !== 'body') return false
  const a = prev.line
  const b = next.line
  return a.page === b.page && a.region === b.region && b.x0 > a.x0 + 0.5 * b.size && a.y - b.y <= lead * 1.45
}

function buildBlocks(body: Classified[], bodySize: number, hyphenation: Hyphenation): { block: Block; firstLine: number }[] {
  const lead = lineSpacing(body, bodySize)
  const out: { block: Block; firstLine: number }[] = []
  const headingSizes = [...new Set(body.filter((c) => c.kind === 'heading').map((c) => Math.round(c.size * 2) / 2))].sort((a, b) => b - a)
  let group: Classified[] = []
  let start = 0
  const flush = () => {
    if (group.length === 0) return
    const first = group[0]!
    const lines = group.map((g) => g.line)
    let block: Block
    if (first.kind === 'table-row') {
      block = withPages({ kind: 'table', text: '' }, tableText(lines))
    } else {
      const joined = joinLines(lines, hyphenation)
      if (first.kind === 'heading') {
        const level = Math.min(6, headingSizes.indexOf(Math.round(first.size * 2) / 2) + 1 || headingSizes.length + 1)
        block = withPages({ kind: 'heading', text: '', level: Math.max(1, Math.min(6, level)) }, joined)
      } else if (first.kind === 'list-item') {
        const m = BULLET.exec(joined.text)!
        const ordered = /\w/.test(m[0])
        const text = ordered ? joined.text : joined.text.slice(m[0].length)
        const shift = joined.text.length - text.length
        block = withPages(
          { kind: 'list-item', text: '', level: 0, ordered },
          { text, pageBreaks: joined.pageBreaks.map((b) => Math.max(0, b - shift)), page: joined.page, pageEnd: joined.pageEnd }
        )
      } else {
        block = withPages({ kind: 'paragraph', text: '' }, joined)
      }
    }
    out.push({ block, firstLine: start })
    group = []
  }
  body.forEach((c, i) => {
    const prev = group.at(-1)
    if (prev && continuesListItem(group[0]!, c, lead) && prev.line.region === c.line.region) {
      group.push({ ...c, kind: 'list-item' })
      return
    }
    if (prev && breaksBefore(prev, c, lead)) flush()
    if (group.length === 0) start = i
    group.push(c)
  })
  flush()
  return out
}

/** The usual distance between baselines of body text, for telling paragraph gaps from line gaps. */
function lineSpacing(body: Classified[], bodySize: number): number {
  const gaps: number[] = []
  for (let i = 1; i < body.length; i++) {
    const a = body[i - 1]!.line
    const b = body[i]!.line
    if (a.page === b.page && a.region === b.region && Math.abs(a.size - bodySize) < 0.75 && Math.abs(b.size - bodySize) < 0.75) {
      const gap = a.y - b.y
      if (gap > 0 && gap < bodySize * 4) gaps.push(gap)
    }
  }
  if (gaps.length === 0) return bodySize * 1.2
  gaps.sort((x, y) => x - y)
  return gaps[Math.floor(gaps.length * 0.4)]!
}

interface Joined {
  text: string
  page: number
  pageEnd: number
  pageBreaks: number[]
}

/** Lines into one block's text: a space between, broken words joined, each new page's offset noted. */
function joinLines(lines: readonly PageLine[], hyphenation: Hyphenation): Joined {
  let text = ''
  const pageBreaks: number[] = []
  let page = lines[0]!.page
  for (const line of lines) {
    const t = line.text.replace(/\s+/g, ' ').trim()
    if (!t) continue
    if (text === '') {
      text = t
      page = line.page
      continue
    }
    const pagesCrossed = line.page - (lines[0]!.page + pageBreaks.length)
    let at: number
    if (endsBroken(text)) {
      const before = text.slice(0, text.search(/\S+$/))
      const joined = hyphenation.join(text, t)
      text = joined
      at = before.length
    } else {
      text += ' '
      at = text.length
      text += t
    }
    for (let k = 0; k < pagesCrossed; k++) pageBreaks.push(at)
  }
  return { text, page, pageEnd: page + pageBreaks.length, pageBreaks }
}

function withPages(block: Block, joined: Joined): Block {
  const out: Block = { ...block, text: joined.text, page: joined.page }
  if (joined.pageEnd !== joined.page) {
    out.pageEnd = joined.pageEnd
    out.pageBreaks = joined.pageBreaks
  }
  return out
}

/** Rows as lines, cells a tab apart, as the canonical text writes tables. */
function tableText(lines: readonly PageLine[]): Joined {
  const rows = lines.map((l) => l.cells.map((c) => c.text.replace(/[\t\n]+/g, ' ').trim()).join('\t'))
  const pageBreaks: number[] = []
  let offset = 0
  lines.forEach((l, i) => {
    if (i > 0 && l.page !== lines[i - 1]!.page) pageBreaks.push(offset)
    offset += rows[i]!.length + 1
  })
  return { text: rows.join('\n'), page: lines[0]!.page, pageEnd: lines[0]!.page + pageBreaks.length, pageBreaks }
}

/** The largest text of the first two pages, joined across its lines: the cover's title. */
function largestHeading(lines: readonly PageLine[], reasons: ReadonlyMap<number, string>, bodySize: number): string | null {
  const early = lines.map((l, i) => ({ l, i })).filter(({ l, i }) => l.page <= 2 && !reasons.has(i) && /\p{L}/u.test(l.text))
  if (early.length === 0) return null
  const max = Math.max(...early.map(({ l }) => l.size))
  if (max < bodySize * HEADING_RATIO) return null
  const first = early.findIndex(({ l }) => l.size === max)
  const parts: string[] = []
  for (let k = first; k < early.length && early[k]!.l.size === max && parts.length < 4; k++) parts.push(early[k]!.l.text)
  return parts.join(' ')
}
