import { CHROME } from './chrome-rules'
import { isNavigationLike } from './line-shape'
import { isChromeReason, type LineRole } from './line-roles'
import type { SourceLine } from './source-lines'

/** Widgets that list entries under their label: the entries share the label's reason. */
const LISTING_WIDGETS = new Set<string>([
  CHROME.related,
  CHROME.share,
  CHROME.commentForm,
  CHROME.newsletter,
  CHROME.navigation,
  CHROME.footer,
  CHROME.cookies
])
export const TRAILING_LINKS = 'site chrome: trailing links'

/**
 * After the story ends, a scrape trails off into widgets: "Popular", then the titles of other
 * stories, then "More like this". Once the last line of running text has passed and a chrome
 * line has started the tail, the short link-like lines that follow are part of that widget and
 * take its reason, or a generic one after a lone line such as "Source link". Running text after
 * chrome is never swallowed: the tail begins only after the last of it.
 */
export function absorbTrailingChrome(lines: SourceLine[], roles: LineRole[]): void {
  let lastContent = -1
  lines.forEach((line, i) => {
    const role = roles[i]!
    if (role.kind !== 'removed' && role.kind !== 'quote-break' && !isNavigationLike(line.text)) lastContent = i
  })
  let reason: string | null = null
  for (let i = lastContent + 1; i < lines.length; i++) {
    const role = roles[i]!
    if (role.kind === 'removed') {
      if (isChromeReason(role.reason)) reason = LISTING_WIDGETS.has(role.reason) ? role.reason : TRAILING_LINKS
      continue
    }
    const absorbable = role.kind === 'body' || role.kind === 'list-item' || role.kind === 'list-continuation' || role.kind === 'heading'
    if (reason !== null && absorbable && isNavigationLike(lines[i]!.text)) roles[i] = { kind: 'removed', reason }
  }
}
