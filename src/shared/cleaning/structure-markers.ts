import { isHeadingShaped, opensRunningText } from './line-shape'
import type { LineRole } from './line-roles'
import type { SourceLine } from './source-lines'

const BULLET = /^[-*•◦‣▪]\s+(\S.*)$/u
const NUMBER = /^\d{1,3}[.)]\s+(\S.*)$/u
const QUOTE = /^>(?:\s+(\S.*))?$/u

function markerRole(line: SourceLine): LineRole | null {
  const level = Math.min(5, Math.floor(line.indent / 2))
  const bullet = BULLET.exec(line.text)
  if (bullet) return { kind: 'list-item', text: bullet[1]!, level, ordered: false }
  const number = NUMBER.exec(line.text)
  if (number) return { kind: 'list-item', text: number[1]!, level, ordered: true }
  const quote = QUOTE.exec(line.text)
  if (quote) return quote[1] === undefined ? { kind: 'quote-break' } : { kind: 'blockquote', text: quote[1] }
  return null
}

function startsListItem(text: string | undefined): boolean {
  return text !== undefined && (BULLET.test(text) || NUMBER.test(text))
}

/**
 * List items and "> " quotes. A marker counts only where a list or quote can begin: at the start
 * of a paragraph, after another item, after a finished sentence or a colon, or as the first of
 * two items in a row (a list under a label line). Mid-paragraph, a lone hard-wrapped line that
 * happens to start with "- " stays running text.
 */
export function markStructure(lines: SourceLine[], roles: LineRole[]): void {
  lines.forEach((line, i) => {
    if (roles[i]!.kind !== 'body') return
    const prevKind = i > 0 && !line.first ? roles[i - 1]!.kind : null
    const inList = prevKind === 'list-item' || prevKind === 'list-continuation'
    const opens =
      line.first ||
      inList ||
      prevKind === 'blockquote' ||
      prevKind === 'quote-break' ||
      prevKind === 'removed' ||
      /[.!?…:。！？]["”’)]*$/u.test(lines[i - 1]?.text ?? '') ||
      (startsListItem(line.text) && !line.last && startsListItem(lines[i + 1]?.text))
    const marked = opens && !isNumberedHeading(lines, i) ? markerRole(line) : null
    if (marked) roles[i] = marked
    else if (inList && line.indent > 0) roles[i] = { kind: 'list-continuation' }
  })
}

/**
 * "1. Background" opening its paragraph, a fresh sentence of running text after it: a numbered
 * section heading, not a list of one. Left as a line, so the section-heading pass reads it, number
 * and all. An item whose text carries on below ("1. Increase funding for / maintenance of…") and
 * an item with another after it stay a list.
 */
function isNumberedHeading(lines: SourceLine[], i: number): boolean {
  const line = lines[i]!
  const next = lines[i + 1]
  if (!line.first || !NUMBER.test(line.text) || !isHeadingShaped(line.text.replace(NUMBER, '$1')) || next === undefined) return false
  return opensRunningText(next, lines[i + 2]) && /^["“‘(]?\p{Lu}/u.test(next.text) && !startsListItem(next.text)
}
