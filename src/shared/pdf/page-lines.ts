import { isRightToLeft, logicalFromVisual, unshapeArabic } from './right-to-left'
import { normaliseLigatures, type PdfPageText, type PdfTextItem } from './text-items'

/**
 * A run of text on one baseline with no wide gap inside: a line of a column, or one cell of a
 * table row. Two columns' lines on the same baseline are two fragments.
 */
export interface Fragment {
  text: string
  x0: number
  x1: number
  y: number
  size: number
  bold: boolean
}

/** One line in reading order, with the column it sits in (for indentation and short lines). */
export interface PageLine {
  page: number
  /** The fragments on this baseline in this column, left to right: more than one is a table row or a gap. */
  cells: Fragment[]
  text: string
  x0: number
  x1: number
  y: number
  size: number
  bold: boolean
  /** Left and right edge of the column the line is in (the page's text edges for a spanning line). */
  colX0: number
  colX1: number
  /** Index of the column-and-band region the line belongs to on its page; a change is a jump. */
  region: number
}

/** A gap wider than this many ems between two runs on one baseline separates fragments. */
const FRAGMENT_GAP_EM = 1.0
/** A gap wider than this many ems between runs of one fragment is a word space the PDF left implicit. */
const SPACE_GAP_EM = 0.12

function itemSize(item: PdfTextItem): number {
  return item.size > 0 ? item.size : 1
}

/** Items grouped by baseline, top of the page first; a raised superscript joins its line. */
function baselineRows(items: PdfTextItem[]): PdfTextItem[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x)
  const rows: { y: number; size: number; items: PdfTextItem[] }[] = []
  for (const item of sorted) {
    const row = rows.at(-1)
    const size = itemSize(item)
    if (row && Math.abs(row.y - item.y) <= 0.5 * Math.max(row.size, size)) {
      row.items.push(item)
      // The row's baseline is its largest text's: a superscript only raises the first item seen.
      if (size > row.size) {
        row.size = size
        row.y = item.y
      }
    } else {
      rows.push({ y: item.y, size, items: [item] })
    }
  }
  return rows.map((r) => r.items.sort((a, b) => a.x - b.x))
}

/** "km2", "m3": a raised 2 or 3 after a unit squares or cubes it; it refers to no note. */
const UNIT_BEFORE = /(?:^|[^\p{L}])(?:k?m|cm|mm|ft|in|mi|yd)$/u

/**
 * A note's number raised after a word ("in 2016.¹ A consultant"): set smaller and above the
 * line's baseline, after text and not after a digit (10⁶ is a power). It reads "[1]", as Word's
 * and EPUB's references do, rather than running into the word ("2016.1").
 */
function isNoteReference(item: PdfTextItem, main: PdfTextItem, size: number, before: string): boolean {
  const digits = item.str.trim()
  if (!/^\d{1,3}$/.test(digits) || itemSize(item) > 0.85 * size || item.y - main.y < 0.15 * size) return false
  if (!/\S$/.test(before) || /\d$/.test(before)) return false
  return !(/^[23]$/.test(digits) && UNIT_BEFORE.test(before))
}

function fragmentOf(items: PdfTextItem[]): Fragment {
  const chars = new Map<number, number>()
  let boldChars = 0
  let total = 0
  for (const item of items) {
    const n = normaliseLigatures(item.str).replace(/\s/g, '').length
    chars.set(item.size, (chars.get(item.size) ?? 0) + n)
    if (item.bold) boldChars += n
    total += n
  }
  // The size most of the text is set in: a superscript marker does not make a line small.
  let size = itemSize(items[0]!)
  let most = -1
  for (const [s, n] of chars) if (n > most) [size, most] = [s, n]
  const main = items.find((i) => i.size === size) ?? items[0]!
  // Drawn right to left, the line is read from its last item back; a space glyph may stand a
  // glyph off from the gap it fills, so the gaps alone say where the words part.
  const rightToLeft = isRightToLeft(items.map((i) => i.str).join(''))
  // The runs as drawn, and their text so far.
  const tokens: string[] = []
  let text = ''
  const add = (run: string) => {
    tokens.push(run)
    text += run
  }
  let prev: PdfTextItem | null = null
  for (const item of items) {
    if (rightToLeft && item.str.trim() === '' && items.length > 1) continue
    const str = normaliseLigatures(item.str)
    if (!rightToLeft && isNoteReference(item, main, size, text)) {
      add(`[${str.trim()}]`)
      prev = item
      continue
    }
    if (prev) {
      const gap = item.x - (prev.x + prev.width)
      const gapSize = Math.min(itemSize(prev), itemSize(item))
      if (gap > SPACE_GAP_EM * gapSize && !/\s$/.test(text) && !/^\s/.test(str)) add(' ')
    }
    add(str)
    prev = item
  }
  const last = items.reduce((a, b) => (b.x + b.width > a.x + a.width ? b : a))
  // Arabic or Hebrew: put back in the order it is read, then its shapes as letters (after: a
  // lām-alif shape is two letters in reading order).
  const read = rightToLeft ? logicalFromVisual(tokens) : text
  return {
    text: unshapeArabic(read.replace(/\s+/g, ' ').trim()).normalize('NFC'),
    x0: items[0]!.x,
    x1: last.x + last.width,
    y: main.y,
    size,
    bold: total > 0 && boldChars / total > 0.5
  }
}

/** Splits each baseline row at wide gaps; drops text drawn twice in one place (fake bold). */
export function pageFragments(page: PdfPageText): Fragment[] {
  const items = page.items.filter((i) => i.str.trim() !== '' && Number.isFinite(i.x) && Number.isFinite(i.y))
  const out: Fragment[] = []
  for (const row of baselineRows(items)) {
    let run: PdfTextItem[] = []
    for (const item of row) {
      const prev = run.at(-1)
      if (prev && prev.str === item.str && Math.abs(prev.x - item.x) < 1 && Math.abs(prev.y - item.y) < 1) continue
      if (prev && item.x - (prev.x + prev.width) > FRAGMENT_GAP_EM * Math.max(itemSize(prev), itemSize(item))) {
        out.push(fragmentOf(run))
        run = []
      }
      run.push(item)
    }
    if (run.length) out.push(fragmentOf(run))
  }
  return out.filter((f) => f.text !== '')
}

function median(values: number[]): number {
  if (values.length === 0) return 0
  const s = [...values].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

interface Gutter {
  x0: number
  x1: number
}

/**
 * Vertical gaps that run down the page between blocks of prose: columns. A gap counts when few
 * body-size fragments cross it (a full-width caption may), enough lines sit on each
 * side, and the lines on each side fill their column as prose does (a table's narrow cells do
 * not make columns).
 */
export function findGutters(all: Fragment[]): Gutter[] {
  // Body text decides: a smaller running head or page number, or a bigger title, may cross.
  const em = median(all.map((f) => f.size))
  const fragments = all.filter((f) => Math.abs(f.size - em) <= 0.15 * em)
  if (fragments.length < 8) return []
  const left = Math.min(...fragments.map((f) => f.x0))
  const right = Math.max(...fragments.map((f) => f.x1))
  const span = right - left
  if (span <= 0) return []
  const step = Math.max(1, span / 400)
  const allowedCrossing = Math.max(1, Math.floor(fragments.length * 0.05))
  const candidates: Gutter[] = []
  let open: number | null = null
  for (let x = left + step; x < right; x += step) {
    let crossing = 0
    for (const f of fragments) if (f.x0 < x && f.x1 > x) crossing++
    const clear = crossing <= allowedCrossing
    if (clear && open === null) open = x
    if (!clear && open !== null) {
      candidates.push({ x0: open, x1: x - step })
      open = null
    }
  }
  const gutters = candidates.filter((g) => g.x1 - g.x0 >= 0.8 * em)
  const accepted: Gutter[] = []
  let from = left
  for (let i = 0; i < gutters.length; i++) {
    const g = gutters[i]!
    const to = gutters[i + 1]?.x0 ?? right
    // A column reaches across the gutter to the far side: the gutter is where few lines cross, not none.
    const before = fragments.filter((f) => f.x0 >= from - 0.5 && f.x1 <= g.x1 + 0.5 && f.x1 <= to && (f.x0 + f.x1) / 2 < g.x0)
    const after = fragments.filter((f) => f.x0 >= g.x0 - 0.5 && f.x1 <= to + 0.5 && (f.x0 + f.x1) / 2 > g.x1)
    const enough = (fs: Fragment[]) => fs.length >= Math.max(4, fragments.length * 0.12)
    const prose = (fs: Fragment[]) => {
      const x0 = Math.min(...fs.map((f) => f.x0))
      const x1 = Math.max(...fs.map((f) => f.x1))
      // Lines, not fragments: justified text in a narrow column stretches some word spaces past
      // the gap that splits fragments. Most lines are still one run, where a table's rows are cells.
      const rows = groupBaselines([...fs].sort((a, b) => b.y - a.y || a.x0 - b.x0))
      const whole = rows.filter((r) => r.length === 1).length
      const spans = rows.map((r) => Math.max(...r.map((f) => f.x1)) - Math.min(...r.map((f) => f.x0)))
      return median(spans) >= 0.55 * (x1 - x0) && x1 - x0 >= 8 * em && whole >= 0.5 * rows.length
    }
    if (enough(before) && enough(after) && prose(before) && prose(after)) {
      accepted.push(g)
      from = g.x1
    }
  }
  return accepted
}

/** A stretch of the page, top to bottom, read with its own gutters (none: one column). */
interface Segment {
  fragments: Fragment[]
  gutters: Gutter[]
}

/** A line wider than this share of the page's text is wider than any column: it spans them. */
const SPANNING_SHARE = 0.6

/**
 * A report often sets one section in two columns under full-width prose: no gutter then runs
 * down the whole page, since the full-width lines cross it. The page is cut at its spanning lines
 * and each stretch between them looks for gutters of its own, which must also hold prose that
 * flows from line to line (a form's labels and values do not). When no stretch has columns the
 * page is one segment, read as before.
 */
function segmentsOf(fragments: Fragment[], left: number, right: number): Segment[] {
  const spanning = (f: Fragment) => f.x1 - f.x0 > SPANNING_SHARE * (right - left)
  const rows = groupBaselines([...fragments].sort((a, b) => b.y - a.y || a.x0 - b.x0))
  const stretches: { wide: boolean; fragments: Fragment[] }[] = []
  for (const row of rows) {
    const wide = row.some(spanning)
    const last = stretches.at(-1)
    if (last && last.wide === wide) last.fragments.push(...row)
    else stretches.push({ wide, fragments: [...row] })
  }
  const segments = stretches.map((s) => ({ fragments: s.fragments, gutters: s.wide ? [] : flowsInColumns(s.fragments) ? findGutters(s.fragments) : [] }))
  return segments.some((s) => s.gutters.length) ? segments : [{ fragments, gutters: [] }]
}

/**
 * Prose set in columns breaks most lines inside a sentence, so many lines begin in lower case;
 * a list of labels and values does not. Scripts without case are not judged by it.
 */
function flowsInColumns(fragments: Fragment[]): boolean {
  let cased = 0
  let lower = 0
  for (const f of fragments) {
    const first = /\p{L}/u.exec(f.text)?.[0]
    if (!first || first.toLowerCase() === first.toUpperCase()) continue
    cased++
    if (first === first.toLowerCase()) lower++
  }
  return cased < 6 || lower >= 0.3 * cased
}

/**
 * The page's lines in reading order: bands separated by full-width lines are read top to bottom;
 * inside a band, each column top to bottom, left column first.
 */
export function pageLines(page: PdfPageText): PageLine[] {
  const fragments = pageFragments(page)
  if (fragments.length === 0) return []
  const left = Math.min(...fragments.map((f) => f.x0))
  const right = Math.max(...fragments.map((f) => f.x1))
  const gutters = flowsInColumns(fragments) ? findGutters(fragments) : []
  const segments = gutters.length ? [{ fragments, gutters }] : segmentsOf(fragments, left, right)
  const lines: PageLine[] = []
  let region = 0
  for (const segment of segments) region = readSegment(page.number, segment, left, right, region, lines)
  return lines
}

/** Appends a segment's lines in reading order; the next free region number. */
function readSegment(page: number, { fragments, gutters }: Segment, left: number, right: number, firstRegion: number, lines: PageLine[]): number {
  // Each column's territory runs to the far side of the gutters beside it.
  const columns = Array.from({ length: gutters.length + 1 }, (_, i) => ({
    x0: i === 0 ? left : gutters[i - 1]!.x0,
    x1: i === gutters.length ? right : gutters[i]!.x1,
    mid0: i === 0 ? -Infinity : (gutters[i - 1]!.x0 + gutters[i - 1]!.x1) / 2,
    mid1: i === gutters.length ? Infinity : (gutters[i]!.x0 + gutters[i]!.x1) / 2
  }))
  const columnOf = (f: Fragment): number => {
    const centre = (f.x0 + f.x1) / 2
    for (let c = 0; c < columns.length; c++) {
      const col = columns[c]!
      if (centre >= col.mid0 && centre < col.mid1) return f.x0 >= col.x0 - 0.5 && f.x1 <= col.x1 + 0.5 ? c : -1
    }
    return -1
  }
  const sorted = [...fragments].sort((a, b) => b.y - a.y || a.x0 - b.x0)
  let region = firstRegion
  let band: Fragment[][] = columns.map(() => [])
  // A right-to-left page reads its right column first.
  const rightToLeft = gutters.length > 0 && isRightToLeft(fragments.map((f) => f.text).join(' '))
  const flushBand = () => {
    const order = band.map((frags, c) => [frags, c] as const)
    for (const [frags, c] of rightToLeft ? order.reverse() : order) {
      if (frags.length === 0) continue
      // The column's text edges, for indentation and short lines; one column: the page's.
      const mine = gutters.length ? fragments.filter((f) => columnOf(f) === c) : []
      const x0 = mine.length ? Math.min(...mine.map((f) => f.x0)) : left
      const x1 = mine.length ? Math.max(...mine.map((f) => f.x1)) : right
      for (const row of groupBaselines(frags)) lines.push(lineOf(page, row, x0, x1, region))
      region++
    }
    band = columns.map(() => [])
  }
  for (let i = 0; i < sorted.length; ) {
    const f = sorted[i]!
    const c = gutters.length ? columnOf(f) : 0
    if (c >= 0) {
      band[c]!.push(f)
      i++
      continue
    }
    // A spanning fragment ends the band above it; fragments on its baseline read with it.
    flushBand()
    const row: Fragment[] = []
    while (i < sorted.length && Math.abs(sorted[i]!.y - f.y) <= 0.5 * f.size) row.push(sorted[i++]!)
    lines.push(lineOf(page, row.sort((a, b) => a.x0 - b.x0), left, right, region++))
  }
  flushBand()
  return region
}

function groupBaselines(frags: Fragment[]): Fragment[][] {
  const rows: Fragment[][] = []
  for (const f of frags) {
    const row = rows.at(-1)
    const head = row?.[0]
    if (row && head && Math.abs(head.y - f.y) <= 0.5 * Math.max(head.size, f.size)) row.push(f)
    else rows.push([f])
  }
  return rows.map((r) => r.sort((a, b) => a.x0 - b.x0))
}

function lineOf(page: number, cells: Fragment[], colX0: number, colX1: number, region: number): PageLine {
  const main = cells.reduce((a, b) => (b.text.length > a.text.length ? b : a))
  const chars = cells.reduce((n, c) => n + c.text.length, 0)
  const boldChars = cells.reduce((n, c) => n + (c.bold ? c.text.length : 0), 0)
  const x0 = cells[0]!.x0
  const x1 = Math.max(...cells.map((c) => c.x1))
  const line = { page, y: main.y, size: main.size, bold: boldChars / chars > 0.5, region }
  if (isRightToLeft(cells.map((c) => c.text).join(' '))) {
    // Read from the right, and measured from the right: a right-to-left paragraph's first line is
    // indented at its right edge and its last line stops short of its left one. Mirrored, the
    // paragraph rules need not know the direction.
    const read = [...cells].reverse()
    return { ...line, cells: read, text: read.map((c) => c.text).join(' '), x0: -x1, x1: -x0, colX0: -colX1, colX1: -colX0 }
  }
  return { ...line, cells, text: cells.map((c) => c.text).join(' '), x0, x1, colX0, colX1 }
}
