import { isPageNumber, RUNNING_REASONS, runningKey } from '../pdf/running-heads'
import { isHeadlineLike } from './line-shape'
import { removed, type LineRole } from './line-roles'
import type { SourceLine } from './source-lines'

/**
 * A running head as text converted from a paginated document carries it ("pdftotext", a copy
 * from a PDF viewer, a print-out run through OCR): the report's name and the page number, apart
 * from the text by a wide gap, a bar or the word "Page": "EASTERN GRAIN CORRIDOR      Page 3",
 * "Annual Report 2025 | 7", "7 | Annual Report 2025".
 */
const NUMBER = String.raw`(?:(?:page|p\.|pg\.?|seite|página|pagina)\s*)?\d{1,4}(?:\s*(?:of|\/|de|von|sur)\s*\d{1,4})?`
const PAGE_AFTER = new RegExp(String.raw`^(.*?\S)(?:\s{3,}|\s*[|·•]\s*|\s+[-–—]\s+|\s+(?=(?:page|seite|página|pagina)\s))(${NUMBER})$`, 'iu')
const PAGE_BEFORE = new RegExp(String.raw`^(${NUMBER})(?:\s{3,}|\s*[|·•]\s*|\s+[-–—]\s+)(\S.*)$`, 'iu')

interface Running {
  index: number
  /** The head's words without its page number; '' for a bare page number. */
  words: string
  page: string
}

/** "Budget 2024 – 2025": a year is no page number. */
const YEAR = /^(?:1[89]|20)\d{2}$/u

function runningPart(text: string): Running | null {
  if (text.length > 120) return null
  const part = isPageNumber(text) ? { words: '', page: text } : pageAfter(text) ?? pageBefore(text)
  return part && !YEAR.test(part.page.trim()) ? { index: -1, ...part } : null
}

function pageAfter(text: string): { words: string; page: string } | null {
  const after = PAGE_AFTER.exec(text)
  return after ? { words: after[1]!, page: after[2]! } : null
}

function pageBefore(text: string): { words: string; page: string } | null {
  const before = PAGE_BEFORE.exec(text)
  return before ? { words: before[2]!, page: before[1]! } : null
}

/**
 * Running heads and page numbers left in the text of a paginated document, set aside with the
 * reasons a PDF's get. A line counts only at the edge of its paragraph (where a page broke the
 * text) and only when the same head comes back with another page number: a speaker's label in
 * a transcript or a repeated heading repeats without numbers, and a "Question 1" heading has no
 * gap, bar or "Page" before its number. Bare page numbers need a second one to count.
 *
 * Returns the head's words when it opens the text: the report's name, a better title than the
 * first section heading under it.
 */
export function markRunningLines(lines: readonly SourceLine[], roles: LineRole[]): string | null {
  const groups = new Map<string, Running[]>()
  lines.forEach((line, i) => {
    if (roles[i]!.kind !== 'body' || !(line.first || line.last)) return
    const part = runningPart(line.text)
    if (!part) return
    const key = runningKey(part.words)
    groups.set(key, [...(groups.get(key) ?? []), { ...part, index: i }])
  })
  let title: string | null = null
  for (const group of groups.values()) {
    if (new Set(group.map((g) => g.page.replace(/\D+/g, ' ').trim())).size < 2) continue
    const reason = group[0]!.words ? RUNNING_REASONS.header(group.length) : RUNNING_REASONS.pageNumber
    for (const g of group) roles[g.index] = removed(reason)
    const first = group[0]!
    if (first.index === 0 && isHeadlineLike(first.words)) {
      roles[0] = { kind: 'removed', reason, title: true }
      title = first.words
    }
  }
  return title
}
