import type { SourceLine } from './source-lines'

/**
 * What the cleaner decided a line is. Passes refine `body` lines only: once a rule has named a
 * line, later and weaker rules leave it alone.
 */
export type LineRole =
  | { kind: 'body' }
  /** An indented line after a list item: the item's wrapped text. */
  | { kind: 'list-continuation' }
  | { kind: 'list-item'; text: string; level: number; ordered: boolean }
  | { kind: 'blockquote'; text: string }
  /** A bare ">": a break between two quotes, with no text of its own. */
  | { kind: 'quote-break' }
  | { kind: 'caption' }
  | { kind: 'editorial-label' }
  | { kind: 'editorial' }
  /**
   * A section heading; `text` and `aside` when the line carries a control after it ("History[edit]"
   * copied from a wiki): the heading's own words, and the control kept as a removed block.
   */
  | { kind: 'heading'; text?: string; aside?: { text: string; reason: string } }
  | { kind: 'removed'; reason: string; title?: boolean }

export const BODY: LineRole = { kind: 'body' }

export function removed(reason: string): LineRole {
  return { kind: 'removed', reason }
}

/** Reasons that mean site furniture, as opposed to metadata the cleaner lifted out. */
export function isChromeReason(reason: string): boolean {
  return (
    reason.startsWith('site chrome') ||
    reason === 'advertisement' ||
    reason === 'loading indicator' ||
    reason === 'read-more teaser'
  )
}

/**
 * A line that can be read on its own, not a fragment of a hard-wrapped sentence: alone in its
 * paragraph, or bounded by a finished sentence (or a non-body line) before it and a fresh start
 * after it.
 */
export function isStandalone(lines: SourceLine[], roles: LineRole[], i: number): boolean {
  const line = lines[i]
  if (!line) return false
  if (!line.first) {
    const prev = lines[i - 1]!
    const prevRole = roles[i - 1]!
    if (prevRole.kind === 'body' && !/[.!?…。！？؟:][\s"'”’»)\]」』]*$/u.test(prev.text)) return false
  }
  if (!line.last) {
    const next = lines[i + 1]!
    if (roles[i + 1]!.kind === 'body' && /^\p{Ll}/u.test(next.text)) return false
  }
  return true
}
