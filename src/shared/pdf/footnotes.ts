import type { PageLine } from './page-lines'

/** "12 ", "12. ", "*", "†": how a footnote starts. */
const MARKER = /^(?:(\d{1,3})(?:[.)]\s*|\s+|(?=\p{Lu}))|[*†‡§¶]+\s*)/u

export interface FootnoteLines {
  /** Line indices of each footnote, in order. */
  notes: number[][]
}

/**
 * Footnotes sit at the foot of a page, set smaller than the body, and the first starts with a
 * marker. Read from the page's lowest line upwards while lines are small; the run counts as
 * footnotes when it starts with a marker and lies in the page's lower half. A numbered note
 * starts at a line whose number follows the last note's, so a continuation line that begins
 * with a year stays in its note.
 */
export function findFootnotes(
  lines: readonly PageLine[],
  candidates: readonly number[],
  bodySize: number,
  pageHeight: number
): FootnoteLines {
  // Lowest first: the page's foot, in the order lines sit on the page, not reading order.
  const byHeight = [...candidates].sort((a, b) => lines[a]!.y - lines[b]!.y)
  const run: number[] = []
  for (const i of byHeight) {
    const line = lines[i]!
    if (line.size > bodySize * 0.9) break
    if (pageHeight > 0 && line.y > pageHeight * 0.5) break
    run.push(i)
  }
  if (run.length === 0) return { notes: [] }
  // Top-down reading order of the run, as the page's reading order has it.
  const ordered = run.sort((a, b) => a - b)
  const first = lines[ordered[0]!]!.text
  if (!MARKER.test(first)) return { notes: [] }
  const notes: number[][] = []
  let last: number | null = null
  for (const i of ordered) {
    const m = MARKER.exec(lines[i]!.text)
    const n = m?.[1] !== undefined ? Number(m[1]) : null
    const starts = notes.length === 0 || (m !== null && (n === null ? /^[*†‡§¶]/.test(lines[i]!.text) : last === null || n === last + 1))
    if (starts) {
      notes.push([i])
      if (n !== null) last = n
    } else {
      notes.at(-1)!.push(i)
    }
  }
  return { notes }
}
