import type { PageLine } from './page-lines'

export const RUNNING_REASONS = {
  header: (pages: number) => `running header (on ${pages} pages)`,
  footer: (pages: number) => `running footer (on ${pages} pages)`,
  pageNumber: 'page number'
} as const

/** A reason RUNNING_REASONS gives: the line was a page's furniture, where one page ended and the next began. */
export function isRunningReason(reason: string): boolean {
  return reason === RUNNING_REASONS.pageNumber || /^running (?:header|footer) \(on \d+ pages\)$/.test(reason)
}

/** How far into the page, from its top or bottom edge, a running head may sit. */
const MARGIN_SHARE = 0.14
/** Lines at the top or bottom of each page looked at: a header may take two lines and a rule. */
const EDGE_LINES = 3

const ROMAN = /^(?=[ivxlcdm]+$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/i

/** "12", "- 12 -", "Page 12", "Page 12 of 40", "xii", "12 / 40". */
export function isPageNumber(text: string): boolean {
  const t = text.trim().replace(/^[-–—\s]+|[-–—\s]+$/g, '')
  if (/^(?:page|p\.|pg\.?|seite|página|pagina)?\s*\d{1,4}(?:\s*(?:of|\/|de|von|sur)\s*\d{1,4})?$/i.test(t)) return true
  return t.length <= 6 && ROMAN.test(t)
}

/** The text with its numbers folded, so "Annual report 2024 | 7" and "… | 8" compare equal. */
export function runningKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\d+/g, '#')
    .replace(/\b(?=[ivxlcdm]+\b)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})\b/g, '#')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * The lines set off from the body at one edge of the page: those before the widest of the first
 * few gaps between lines, when that gap is wider than a line's spacing. A page's first body
 * lines are never taken, however regular, because nothing sets them apart.
 */
function edgeBlock(lines: readonly PageLine[], fromEdge: number[]): number[] {
  const look = fromEdge.slice(0, EDGE_LINES + 1)
  let widest = -1
  let at = 0
  for (let k = 1; k < look.length; k++) {
    const gap = Math.abs(lines[look[k - 1]!]!.y - lines[look[k]!]!.y)
    if (gap > widest) [widest, at] = [gap, k]
  }
  if (look.length === 1) return look
  const size = Math.max(...look.slice(0, at + 1).map((i) => lines[i]!.size))
  return widest >= 1.5 * size ? look.slice(0, at) : []
}

export interface RunningHeadMarks {
  /** Reason per line index, for lines set aside. */
  reasons: Map<number, string>
}

/**
 * Headers, footers and page numbers: lines near a page's top or bottom edge that repeat, with
 * their numbers folded, at about the same height on at least three pages (on both, for a
 * two-page document); and lone page numbers in the margins. Real text is never so regular.
 */
export function findRunningHeads(lines: readonly PageLine[], pageHeights: ReadonlyMap<number, number>): RunningHeadMarks {
  const reasons = new Map<number, string>()
  const byPage = new Map<number, number[]>()
  lines.forEach((l, i) => {
    const list = byPage.get(l.page) ?? []
    list.push(i)
    byPage.set(l.page, list)
  })
  const pageCount = byPage.size
  type Candidate = { index: number; zone: 'header' | 'footer'; key: string; y: number; page: number }
  const candidates: Candidate[] = []
  for (const [page, indices] of byPage) {
    const height = pageHeights.get(page) ?? 0
    const byHeight = [...indices].sort((a, b) => lines[b]!.y - lines[a]!.y)
    const top = edgeBlock(lines, byHeight)
    const bottom = edgeBlock(lines, [...byHeight].reverse()).filter((i) => !top.includes(i))
    const inMargin = (i: number, zone: 'header' | 'footer') => {
      if (height <= 0) return true
      const y = lines[i]!.y
      return zone === 'header' ? y >= height * (1 - MARGIN_SHARE) : y <= height * MARGIN_SHARE
    }
    for (const [zone, list] of [['header', top], ['footer', bottom]] as const) {
      for (const i of list) {
        if (!inMargin(i, zone)) continue
        candidates.push({ index: i, zone, key: runningKey(lines[i]!.text), y: lines[i]!.y, page })
      }
    }
  }
  if (pageCount >= 2) {
    const groups = new Map<string, Candidate[]>()
    for (const c of candidates) {
      const k = `${c.zone}\u0000${c.key}`
      groups.set(k, [...(groups.get(k) ?? []), c])
    }
    const needed = pageCount === 2 ? 2 : 3
    for (const group of groups.values()) {
      // Same place on the page: within a few points of the height most of them share.
      const ys = group.map((c) => c.y).sort((a, b) => a - b)
      const typical = ys[Math.floor(ys.length / 2)]!
      const placed = group.filter((c) => Math.abs(c.y - typical) <= 6)
      const pages = new Set(placed.map((c) => c.page)).size
      if (pages < needed) continue
      for (const c of placed) {
        const text = lines[c.index]!.text
        reasons.set(c.index, isPageNumber(text) ? RUNNING_REASONS.pageNumber : RUNNING_REASONS[c.zone](pages))
      }
    }
  }
  // A page number in the margin needs no other page to repeat it: "Page 1 of 1" on a one-page memo too.
  for (const c of candidates) {
    if (!reasons.has(c.index) && isPageNumber(lines[c.index]!.text)) reasons.set(c.index, RUNNING_REASONS.pageNumber)
  }
  return { reasons }
}
