import { CHROME } from './chrome-rules'
import { isHeadlineLike, isNavigationLike, isProse, wordCount } from './line-shape'
import type { LineRole } from './line-roles'
import type { SourceLine } from './source-lines'

export const TITLE_REASON = 'title'

/** Enough of a headline to be the title rather than a menu entry ("World", "Europe"). */
function isSubstantial(text: string): boolean {
  return !isSectionTrail(text) && (wordCount(text) >= 3 || (/(?=\p{L})\P{Script=Latin}/u.test(text) && text.length >= 4))
}

/**
 * The section kicker over a headline: "Europe | Shipping", "World › Asia", "Politics / Elections":
 * short labels, each capitalised, between bars, chevrons or spaced slashes.
 */
export function isSectionTrail(text: string): boolean {
  const labels = text.split(/\s*[|›»>]\s*|\s+\/\s+/u)
  return labels.length >= 2 && labels.every((l) => /^[\p{Lu}\p{Lo}][^.!?:;]*$/u.test(l) && wordCount(l) <= 3)
}

/**
 * The next line of the paragraph starts afresh, as body text under a headline does, rather than
 * carrying on a hard-wrapped sentence. The line before does not matter: in a header, short lines
 * (menu entries, a kicker) stack up without punctuation.
 */
function startsAfresh(lines: SourceLine[], roles: LineRole[], i: number): boolean {
  const line = lines[i]!
  if (line.last || roles[i + 1]!.kind !== 'body') return true
  return /^["“‘'(«]?[\p{Lu}\p{N}\p{Lo}]/u.test(lines[i + 1]!.text)
}

/** Set apart from what follows: the end of its paragraph, or followed by metadata or chrome. */
function setApart(lines: SourceLine[], roles: LineRole[], i: number): boolean {
  return lines[i]!.last || roles[i + 1]!.kind === 'removed'
}

/**
 * The title is a headline-like line in the header, before the first line of running text. Menu
 * entries often come first in a scrape, so the first candidate of three words or more that stands
 * apart wins, and the short Latin lines above it are taken as navigation. A title needs text
 * after it: a lone line is the article, not its title.
 */
export function liftTitle(lines: SourceLine[], roles: LineRole[]): string | null {
  const candidates: number[] = []
  for (let i = 0; i < lines.length; i++) {
    const role = roles[i]!
    if (role.kind === 'removed' || role.kind === 'caption') continue
    const text = lines[i]!.text
    if (role.kind !== 'body' || isProse(text)) break
    if (isHeadlineLike(text) && startsAfresh(lines, roles, i)) candidates.push(i)
  }
  // A headline with its standfirst under it ("Porto di Genova, sciopero… / I sindacati chiedono…
  // / di Giulia Ferrari"): the standfirst stands apart, above the byline, but it is the longer of the two.
  const standfirstUnder = (i: number) =>
    candidates.includes(i + 1) && isSubstantial(lines[i + 1]!.text) && setApart(lines, roles, i + 1) && wordCount(lines[i + 1]!.text) > wordCount(lines[i]!.text)
  const chosen = candidates.find((i) => isSubstantial(lines[i]!.text) && (setApart(lines, roles, i) || standfirstUnder(i))) ?? candidates[0]
  if (chosen === undefined) return null
  const hasBody = roles.some((role, i) => i > chosen && role.kind !== 'removed' && role.kind !== 'quote-break')
  if (!hasBody) return null
  for (const i of candidates) {
    if (i >= chosen) break
    if (isNavigationLike(lines[i]!.text) || isSectionTrail(lines[i]!.text)) roles[i] = { kind: 'removed', reason: CHROME.navigation }
  }
  roles[chosen] = { kind: 'removed', reason: TITLE_REASON, title: true }
  return lines[chosen]!.text
}
