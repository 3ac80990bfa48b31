import { CHROME, chromeReason } from '../../../shared/cleaning/chrome-rules'
import { isEditorialLabel } from '../../../shared/cleaning/editorial-boxes'
import { TOC_REASON } from '../../../shared/import/document-metadata'

/**
 * Site chrome that survives Readability, recognised in the markup. A container whose class, id,
 * role or label names a widget (share bar, cookie banner, comments, related links, newsletter
 * box, advert) has all its blocks marked removed with the reason; nothing is deleted, so the
 * analyst can restore a block that was the story after all. Text-only rules are shared with the
 * plain-text cleaner (src/shared/cleaning/chrome-rules.ts).
 */
const CONTAINER_RULES: [RegExp, string][] = [
  [/cookie|consent|gdpr|privacy-banner/, CHROME.cookies],
  [/(?:^|[\s_-])(?:share|sharing|social|sharebar|share-?tools)(?:$|[\s_-]|bar|buttons?|links?)/, CHROME.share],
  [/(?:^|[\s_-])(?:comments?|commentary-list|disqus|respond|replies)(?:$|[\s_-])/, CHROME.comments],
  [/(?:^|[\s_-])(?:related|recirc|recirculation|more-stories|read-more|read-next|recommended|recommendations|most-read|most-popular|popular|trending|outbrain|taboola|teasers?)(?:$|[\s_-])/, CHROME.related],
  // "preheader": the line an e-mail shows beside its subject in the inbox, hidden in the message.
  [/newsletter|subscribe|subscription|signup|sign-up|paywall|(?:^|[\s_-])pre-?header(?:$|[\s_-])/, CHROME.newsletter],
  [/(?:^|[\s_-])(?:ads?|advert|adverts|advertisement|ad-?slot|ad-?container|ad-?unit|dfp|sponsored|sponsor|promo)(?:$|[\s_-]|\d)/, CHROME.advertisement],
  // "wm-ipp": the Wayback Machine's toolbar over a page saved from the web archive.
  [/(?:^|[\s_-])(?:breadcrumbs?|pagination|pager|skip-?link|menu|navbar|navbox|site-?nav|wm-ipp)(?:$|[\s_-])/, CHROME.navigation],
  [/(?:^|[\s_-])(?:toc|table-?of-?contents)(?:$|[\s_-])/, TOC_REASON],
  [/(?:^|[\s_-])(?:site-?footer|page-?footer|global-?footer)(?:$|[\s_-])/, CHROME.footer]
]

const ROLE_RULES: Record<string, string> = {
  navigation: CHROME.navigation,
  banner: CHROME.navigation,
  contentinfo: CHROME.footer,
  search: CHROME.navigation,
  dialog: 'site chrome: pop-up',
  alertdialog: 'site chrome: pop-up'
}

/** Boxes publishers set beside the story: kept as editorial blocks, not removed. */
const EDITORIAL_CONTAINER = /(?:^|[\s_-])(?:dossier-editorial|key-?points|takeaways|highlights|at-a-glance|editors?-?note|summary-box|fact-?box|callout|infobox|sidebar-box)(?:$|[\s_-])/

export type ContainerRole = { removed: string } | { editorial: true } | null

/** What a container element is, judged by its tag and attributes only. */
export function containerRole(el: Element): ContainerRole {
  const tag = el.localName
  const role = el.getAttribute('role')?.toLowerCase()
  if (role && ROLE_RULES[role]) return { removed: ROLE_RULES[role] }
  if (tag === 'dialog') return { removed: 'site chrome: pop-up' }
  if (tag === 'nav') return { removed: CHROME.navigation }
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('aria-label') ?? ''}`.toLowerCase()
  if (names.trim() !== '') {
    if (EDITORIAL_CONTAINER.test(names)) return { editorial: true }
    for (const [pattern, reason] of CONTAINER_RULES) if (pattern.test(names)) return { removed: reason }
  }
  if (tag === 'footer') return { removed: CHROME.footer }
  if (tag === 'aside') return { editorial: true }
  return null
}

/**
 * Why an element that extraction left out of the story is not part of it: what its markup says
 * it is (navigation, cookie banner, comments, related links…), else "outside the article".
 */
export function outsideReason(el: Element): string {
  const role = containerRole(el)
  if (role && 'removed' in role) return role.removed
  return CHROME.outsideArticle
}

/** The reason a block's text alone marks it as chrome ("Share this article", "© 2026 …"). */
export function textChromeReason(text: string): string | null {
  return text.length > 300 ? null : chromeReason(text)
}

/**
 * Headings that open a block of chrome ("Related stories", "Comments (12)"): the heading and
 * what follows it, up to the next heading as high or higher, go together.
 */
export function sectionChromeReason(heading: string): string | null {
  const reason = textChromeReason(heading)
  // Not a newsletter heading: a sign-up box's heading sits in the story's flow, its box is short.
  return reason === CHROME.related || reason === CHROME.commentForm ? reason : null
}

export { isEditorialLabel }

/**
 * A list of the page's own sections: three or more items, each a link to a place on the page
 * ("#history"), the links nearly all its text. A report's or a wiki's contents, or a live page's
 * "Key events"; the headings it lists follow in the text.
 */
export function isContentsList(list: Element): boolean {
  const items = Array.from(list.children).filter((c) => c.localName === 'li')
  if (items.length < 3) return false
  let linked = 0
  for (const item of items) {
    const anchors = Array.from(item.getElementsByTagName('a')).filter((a) => (a.getAttribute('href') ?? '').startsWith('#'))
    if (anchors.length === 0) return false
    for (const a of anchors) linked += (a.textContent ?? '').replace(/\s+/g, '').length
  }
  return linked >= 0.8 * (list.textContent ?? '').replace(/\s+/g, '').length
}

const LABEL_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'p'])

/** An aside the publisher labelled as part of the story: "Key points", "Why we wrote this". */
export function isEditorialAside(aside: Element): boolean {
  const names = `${aside.getAttribute('class') ?? ''} ${aside.getAttribute('id') ?? ''}`.toLowerCase()
  if (EDITORIAL_CONTAINER.test(names)) return true
  // The box's first heading, bold or paragraph is its label; found without jsdom's slow selectors.
  for (const el of Array.from(aside.getElementsByTagName('*'))) {
    if (LABEL_TAGS.has(el.localName)) return isEditorialLabel((el.textContent ?? '').trim())
  }
  return false
}
