import { comparableWords } from '../../../shared/text/comparable-words'

/**
 * A page's `<title>` that ends with the site's name: "Headline – Rheinische Rundschau",
 * "Headline | Section | The Harbour Ledger". Pages saved or scraped without their Open Graph and
 * JSON-LD tags often say who published them only there.
 */
export interface SiteInTitle {
  /** The title without the site's name (and any section between). */
  head: string
  site: string
  /** The headline the title's start was found in: the story's own title. */
  headline: string
}

/**
 * Separators publishers set between a headline, its section and their name: with spaces around,
 * or, in Japanese and Chinese titles, a full-width bar or bracket without them.
 */
const SEPARATOR = /\s+(?:[|–—·»:/]|::|-)\s+|\s*[｜]\s*/u

/**
 * The site's name at the end of `title`, when what comes before it is the page's headline (one of
 * `headlines` starts with it, compared without case and punctuation) and the end reads as a name:
 * at most six words, no digits ("Policy Brief No. 14" is a series, not a publisher), no sentence,
 * and the whole title is not itself the headline.
 */
export function siteInTitle(title: string | null, headlines: readonly (string | null | undefined)[]): SiteInTitle | null {
  if (!title) return null
  const parts = title.split(SEPARATOR)
  if (parts.length < 2) return null
  return siteAtEnd(title, parts, headlines) ?? siteAtStart(title, parts, headlines)
}

/** At most six words, no digits ("Policy Brief No. 14" is a series), no sentence, a capital first. */
function readsAsName(site: string): boolean {
  return site !== '' && site.length <= 60 && site.split(/\s+/u).length <= 6 && !/\d/u.test(site) && !/[.!?]$/u.test(site) && !/^\p{Ll}/u.test(site)
}

/**
 * "Northern Gazette - Council approves tram extension": some sites put their name first. Only
 * when the rest is the page's headline, whole.
 */
function siteAtStart(title: string, parts: string[], headlines: readonly (string | null | undefined)[]): SiteInTitle | null {
  const site = parts[0]!.trim()
  if (!readsAsName(site) || SECTIONS.has(comparableWords(site))) return null
  const head = title.slice(title.indexOf(site) + site.length).replace(new RegExp(`^(?:${SEPARATOR.source})`, 'u'), '').trim()
  const rest = comparableWords(head)
  if (rest.length < 8) return null
  const headline = headlines.find((h): h is string => Boolean(h) && comparableWords(h!) === rest)
  return headline ? { head, site, headline } : null
}

function siteAtEnd(title: string, parts: string[], headlines: readonly (string | null | undefined)[]): SiteInTitle | null {
  const site = parts.at(-1)!.trim()
  const head = title.slice(0, title.length - site.length).replace(new RegExp(`(?:${SEPARATOR.source})$`, 'u'), '').trim()
  // A name starts with a capital (or a script without case); "- and when they return" does not.
  if (!head || !readsAsName(site)) return null
  const first = comparableWords(parts[0]!)
  if (first.length < 8) return null
  const whole = comparableWords(title)
  // The whole title is the headline: its dash is the headline's own.
  if (headlines.some((h) => h && comparableWords(h).startsWith(whole))) return null
  // "Press release: Headline – Ministry": the kind of page before the headline the page prints.
  const unlabelled = comparableWords(parts[0]!.replace(GENRE_LABEL, ''))
  const starts = (h: string, start: string) => start.length >= 8 && comparableWords(h).startsWith(start)
  const headline =
    headlines.find((h): h is string => Boolean(h) && (starts(h!, first) || starts(h!, unlabelled))) ??
    headlines.find((h): h is string => Boolean(h) && shortenedFrom(first, comparableWords(h!)))
  return headline && comparableWords(site) !== first ? { head, site, headline } : null
}

/**
 * A `<title>` written shorter than the headline the page prints ("Northwind Bio Reports Phase 2
 * Results" over "Northwind Bio Reports Positive Phase 2 Results for NW-201"): four words or more,
 * every one of them in the headline, in order, from its first word.
 */
function shortenedFrom(head: string, headline: string): boolean {
  const words = head.split(' ')
  const printed = headline.split(' ')
  if (words.length < 4 || words[0] !== printed[0]) return false
  let at = 0
  for (const word of words) {
    at = printed.indexOf(word, at) + 1
    if (at === 0) return false
  }
  return true
}

/** A section or a kind of story before the headline ("Opinion | …", "LIVE - …"), not a site's name. */
const SECTIONS: ReadonlySet<string> = new Set(
  (
    'news|world|opinion|politics|business|economy|sport|sports|culture|live|analysis|breaking|breaking news|video|europe|' +
    'uk|us|asia|africa|americas|middle east|tech|technology|science|health|environment|climate|local|national|' +
    'international|comment|editorial|features|interview|review|explainer|exclusive|update|watch|listen|' +
    'nachrichten|politik|wirtschaft|meinung|actualités|monde|politique|économie|noticias|mundo|política|economía|opinión'
  ).split('|')
)

/** A label of at most three words and a colon before a headline: "Press release:", "Speech:". */
const GENRE_LABEL = /^\s*\p{L}[\p{L}\p{M}'’-]*(?:\s+[\p{L}\p{M}'’-]+){0,2}\s*:\s+/u

