import { CHROME } from './chrome-rules'
import { isoFromDateTextInAnyLanguage } from './date-text'
import { wordCount } from './line-shape'
import { removed, type LineRole } from './line-roles'
import { HANDLE_PATTERN, METADATA } from './metadata-lines'
import type { SourceLine } from './source-lines'

/**
 * A post copied from a social network (X, Threads, Bluesky, Mastodon): the author's name, the
 * handle under it, the post, then its time ("10:14 AM · Mar 9, 2026") and its counters one to a
 * line ("12.3K", "Views", "48", "Reposts"). Open-source analysts collect such posts as evidence;
 * the name is the author, the time the date, and the counters and buttons are the site's.
 */
export interface SocialPost {
  author: string
  title: string
  publishedAt: string | null
}

const HANDLE = new RegExp(`^${HANDLE_PATTERN}$`, 'u')
/** "10:14 AM · Mar 9, 2026", "Mar 9, 2026 · 10:14 AM", "9 März 2026 um 10:14". */
const POSTED = /^(?:(\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)\s*·\s*(.{4,30})|(.{4,30}?)\s*·\s*(\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?))$/iu
const COUNT = /^[\d.,]+\s*[KkMm]?$/u
const COUNTED = /^(?:[\d.,]+\s*[KkMm]?\s+)?(?:views?|reposts?|retweets?|quotes?|quote posts?|likes?|bookmarks?|replies|reply|comments?|shares?|boosts?|favou?rites?)$/iu
const CONTROLS = /^(?:·|show more|show this thread|translate (?:post|tweet)|follow|subscribe|replying to @\S+|read \d+ repl(?:y|ies)|post your reply|reply)$/iu
/** The post's first words, for its title. */
const TITLE_WORDS = 90

/**
 * Reads a social post's header (its first line the name, its second the handle) and marks its parts.
 * Null for any other text.
 */
export function markSocialPost(lines: readonly SourceLine[], roles: LineRole[]): SocialPost | null {
  const body = lines.map((_, i) => i).filter((i) => roles[i]!.kind === 'body')
  // The name opens the text, the handle right under it: a story's byline with its reporter's
  // handle under it ("By Jane Doe / @janedoe") comes after a headline.
  const [nameAt, at] = body
  if (nameAt === undefined || at === undefined || !HANDLE.test(lines[at]!.text)) return null
  const author = lines[nameAt]!.text
  if (wordCount(author) > 6 || /[.!?:]$/u.test(author) || /^by\s/iu.test(author)) return null
  roles[nameAt] = removed(METADATA.byline)
  roles[at] = removed(METADATA.byline)
  let publishedAt: string | null = null
  let post: string | null = null
  for (const i of body.filter((k) => k > at)) {
    const text = lines[i]!.text
    const posted = POSTED.exec(text)
    const iso = posted ? isoFromDateTextInAnyLanguage(posted[2] ? `${posted[2]} ${posted[1]}` : `${posted[3]} ${posted[4]}`) : null
    if (iso) {
      publishedAt ??= iso
      roles[i] = removed(METADATA.published)
    } else if (COUNTED.test(text) || (COUNT.test(text) && COUNTED.test(lines[i + 1]?.text ?? ''))) roles[i] = removed(CHROME.share)
    else if (CONTROLS.test(text)) roles[i] = removed(CHROME.navigation)
    else post ??= text
  }
  const words = post ?? ''
  const clipped = words.length > TITLE_WORDS ? `${words.slice(0, TITLE_WORDS).replace(/\s+\S*$/u, '')}…` : words
  return { author, title: clipped ? `${author}: “${clipped}”` : author, publishedAt }
}
