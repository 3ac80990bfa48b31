import { httpUrl } from '../../../shared/import/http-url'
import { bylineAuthor } from '../../../shared/cleaning/byline'
import { isoDate } from './html-date'
import { siteInTitle } from './site-in-title'

export interface PageMetadata {
  title: string | null
  author: string | null
  source: string | null
  url: string | null
  publishedAt: string | null
  language: string | null
}

/** What the extractor (Readability) found, used where the page's markup says nothing. */
export interface ExtractedHints {
  title?: string | null
  byline?: string | null
  siteName?: string | null
  publishedTime?: string | null
  lang?: string | null
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

const ARTICLE_TYPE = /(?:Article|BlogPosting|Report|Posting)$/

/** Metadata read from the page's markup, with two last resorts for the title. */
export interface MarkupMetadata extends PageMetadata {
  /** The bare `<title>`. */
  documentTitle: string | null
  /**
   * The story's headline, when the `<title>` is that headline and the site's name ("Headline –
   * Site", site-in-title.ts): a better title than the `<title>` or Readability's guess.
   */
  headline: string | null
  /** The first `<h1>`, read before Readability, which turns every h1 into an h2. */
  firstHeading: string | null
}

/**
 * Metadata from the page's head, read before anything is removed: meta tags (Open Graph,
 * Twitter, Dublin Core, Highwire `citation_*` as think tanks and journals use), JSON-LD, `<time>`,
 * `<link rel=canonical>` and `<html lang>`. Values are plain strings; URLs are http(s) only.
 */
export function readMetadata(doc: Document): MarkupMetadata {
  const meta = metaTags(doc)
  const ld = jsonLdArticle(doc)
  const m = (...keys: string[]) => {
    for (const key of keys) {
      const value = meta.get(key)
      if (value) return value
    }
    return null
  }
  // Element lists, not selectors: jsdom's selector engine costs milliseconds per page here.
  const times = Array.from(doc.getElementsByTagName('time')).filter((t) => t.hasAttribute('datetime'))
  const timeEl =
    times.find((t) => t.hasAttribute('pubdate') || /\bdatePublished\b/.test(t.getAttribute('itemprop') ?? '')) ??
    times.find((t) => inArticle(t)) ??
    times[0]
  const title = text(m('og:title', 'twitter:title') ?? ld.headline ?? m('dc.title', 'dcterms.title', 'citation_title'))
  const documentTitle = text(doc.title)
  // A document's title paragraph, as Google Docs ("title") and Word ("MsoTitle") export it, before its first h1.
  const firstHeading = text(titleParagraph(doc)?.textContent) ?? text(doc.body?.getElementsByTagName('h1')[0]?.textContent)
  const named = siteInTitle(documentTitle, [title, firstHeading])
  return {
    title,
    documentTitle,
    firstHeading,
    headline: named?.headline ?? null,
    author: [ld.author, ...['author', 'article:author', 'dc.creator', 'dcterms.creator'].map((k) => m(k)), scholarlyAuthors(doc), ...['parsely-author', 'sailthru.author', 'byl'].map((k) => m(k))].map(author).find(Boolean) ?? null,
    source: text(m('og:site_name') ?? ld.publisher ?? m('application-name', 'dc.publisher', 'dcterms.publisher', 'citation_publisher')) ?? named?.site ?? null,
    // A journal article's DOI is its lasting address when the page names no other.
    url: httpUrl(linkHref(doc, 'canonical')) ?? httpUrl(m('og:url')) ?? httpUrl(ld.url) ?? doiUrl(m('citation_doi', 'dc.identifier', 'prism.doi')),
    publishedAt: firstDate(
      m('article:published_time', 'og:published_time'),
      ld.datePublished,
      m('datepublished', 'date', 'dc.date', 'dc.date.issued', 'dcterms.issued', 'dcterms.date', 'dcterms.created', 'citation_publication_date', 'citation_date', 'parsely-pub-date', 'sailthru.date', 'pubdate', 'publishdate'),
      timeEl?.getAttribute('datetime')
    ),
    language: languageTag(doc.documentElement?.getAttribute('lang')) ?? languageTag(m('content-language', 'dc.language', 'dcterms.language', 'og:locale')) ?? languageTag(ld.inLanguage)
  }
}

/** Fills what the markup did not say from what the extractor found in the text. */
export function withHints(meta: MarkupMetadata, hints: ExtractedHints): MarkupMetadata {
  return {
    ...meta,
    title: meta.title ?? meta.headline ?? text(hints.title),
    author: meta.author ?? author(hints.byline),
    source: meta.source ?? text(hints.siteName),
    publishedAt: meta.publishedAt ?? isoDate(hints.publishedTime),
    language: meta.language ?? languageTag(hints.lang)
  }
}

function inArticle(el: Element): boolean {
  for (let p = el.parentElement; p; p = p.parentElement) if (p.localName === 'article') return true
  return false
}

/** Every meta tag's content by its lower-cased name, property, itemprop or http-equiv; first wins. */
function metaTags(doc: Document): Map<string, string> {
  const found = new Map<string, string>()
  for (const el of Array.from(doc.getElementsByTagName('meta'))) {
    const content = el.getAttribute('content')?.trim()
    if (!content) continue
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase()
      if (key && !found.has(key)) found.set(key, content)
    }
  }
  return found
}

/**
 * A journal page's authors, one `citation_author` tag each (Highwire's tags, which Google Scholar
 * reads), often as "Okonkwo, Adaeze": every one, each as the name is said, in the page's order.
 */
function scholarlyAuthors(doc: Document): string | null {
  const names: string[] = []
  for (const el of Array.from(doc.getElementsByTagName('meta'))) {
    if (el.getAttribute('name')?.trim().toLowerCase() !== 'citation_author') continue
    const name = el.getAttribute('content')?.trim()
    if (!name) continue
    const inverted = /^([^,]+),\s*([^,]+)$/u.exec(name)
    names.push(inverted ? `${inverted[2]!.trim()} ${inverted[1]!.trim()}` : name)
  }
  return names.length ? names.join(', ') : null
}

/** "10.5555/jmp.2025.0142", "doi:10.…" or a doi.org address, as https://doi.org/…; null for anything else. */
function doiUrl(value: string | null): string | null {
  const doi = /^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)?(10\.\d{4,9}\/\S+)$/iu.exec(value?.trim() ?? '')?.[1]
  return doi ? httpUrl(`https://doi.org/${doi}`) : null
}

/** The document's first paragraph or heading with words, when it is classed as its title; a card's "title" further down is not. */
function titleParagraph(doc: Document): Element | null {
  // Walked in document order, stopping at the first paragraph or heading: every page is read here,
  // and listing all of a page's elements for one look at its top would cost a full walk.
  let el = doc.body?.firstElementChild ?? null
  while (el) {
    if ((el.localName === 'p' || /^h[1-6]$/u.test(el.localName)) && (el.textContent ?? '').trim()) {
      return el.localName === 'p' && /(?:^|\s)(?:title|msotitle)(?:\s|$)/iu.test(el.getAttribute('class') ?? '') ? el : null
    }
    el = el.firstElementChild ?? nextInOrder(el, doc.body!)
  }
  return null
}

/** The element after `el`'s subtree in document order, within `root`. */
function nextInOrder(el: Element, root: Element): Element | null {
  for (let at: Element | null = el; at && at !== root; at = at.parentElement) {
    if (at.nextElementSibling) return at.nextElementSibling
  }
  return null
}

function linkHref(doc: Document, rel: string): string | null {
  for (const el of Array.from(doc.getElementsByTagName('link'))) {
    const rels = (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/)
    if (rels.includes(rel)) return el.getAttribute('href')?.trim() ?? null
  }
  return null
}

interface LdArticle {
  headline: string | null
  author: string | null
  datePublished: string | null
  publisher: string | null
  url: string | null
  inLanguage: string | null
}

/**
 * The first Article-like object in the page's JSON-LD. The script text is only ever given to
 * JSON.parse, never evaluated; a block that is not JSON is skipped. `@graph` arrays and
 * `{"@id": …}` references to other nodes of the same page (Yoast's authors) are followed.
 */
export function jsonLdArticle(doc: Document): LdArticle {
  const nodes: JsonObject[] = []
  for (const script of Array.from(doc.getElementsByTagName('script'))) {
    if (script.getAttribute('type')?.trim().toLowerCase() !== 'application/ld+json') continue
    try {
      collect(JSON.parse(script.textContent ?? '') as Json, nodes, 0)
    } catch {
      // Broken JSON-LD is common; the other sources still count.
    }
  }
  const byId = new Map<string, JsonObject>()
  for (const n of nodes) if (typeof n['@id'] === 'string') byId.set(n['@id'], n)
  const resolve = (v: Json | undefined): Json | undefined => {
    if (v && typeof v === 'object' && !Array.isArray(v) && typeof v['@id'] === 'string' && Object.keys(v).length === 1) {
      return byId.get(v['@id']) ?? v
    }
    return v
  }
  const article = nodes.find((n) => types(n).some((t) => ARTICLE_TYPE.test(t))) ?? {}
  const names = (v: Json | undefined): string | null => {
    const list = (Array.isArray(v) ? v : [v]).map(resolve).map((x) => (typeof x === 'string' ? x : x && typeof x === 'object' && !Array.isArray(x) ? str(x.name) : null))
    const unique = [...new Set(list.filter((x): x is string => !!x && !/^https?:\/\//i.test(x)))]
    return unique.length ? unique.join(', ') : null
  }
  const page = resolve(article.mainEntityOfPage)
  return {
    headline: str(article.headline) ?? str(article.name),
    author: names(article.author) ?? names(article.creator),
    datePublished: str(article.datePublished) ?? str(article.dateCreated),
    publisher: names(article.publisher),
    url: str(article.url) ?? str(page) ?? (page && typeof page === 'object' && !Array.isArray(page) ? str(page['@id']) : null),
    inLanguage: str(article.inLanguage) ?? (isObject(article.inLanguage) ? str(article.inLanguage.name) : null)
  }
}

function collect(value: Json, out: JsonObject[], depth: number): void {
  // JSON-LD nests a few levels at most; a deeper file is not worth walking.
  if (depth > 4 || value === null || typeof value !== 'object') return
  if (Array.isArray(value)) {
    for (const v of value) collect(v, out, depth + 1)
    return
  }
  out.push(value)
  if (Array.isArray(value['@graph'])) collect(value['@graph'], out, depth + 1)
}

function types(n: JsonObject): string[] {
  const t = n['@type']
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string')
}

function isObject(v: Json | undefined): v is JsonObject {
  return !!v && typeof v === 'object' && !Array.isArray(v)
}

function str(v: Json | undefined): string | null {
  return typeof v === 'string' && v.trim() ? v.trim() : null
}

const MAX_FIELD = 300

function text(value: string | null | undefined): string | null {
  const t = value?.replace(/\s+/g, ' ').trim()
  return t ? t.slice(0, MAX_FIELD) : null
}

/** Where a byline box's second line (where the reporting was done, a date) was glued to the names. */
const GLUED_BYLINE_LINE = /(?<=\p{Ll})(?=(?:Reporting|Reported|Updated|Published|Photographs|Photos|Photo|Video|Contributing|Additional)\b)/gu

/**
 * A person's name: not a profile URL (article:author often is one), without "By ", and not the
 * rest of a byline ("By Jane Roe · 3 November 2026" → "Jane Roe").
 */
export function author(value: string | null | undefined): string | null {
  // A byline box's lines read as one text run together: "Omar HaddadReporting from Tromso".
  const t = text(value?.replace(GLUED_BYLINE_LINE, ' | '))
  if (!t || /^(?:https?:\/\/|www\.)/i.test(t)) return null
  // "By Jane Doe, Staff writer", "Par Claire Dubois": the names, as a byline line gives them.
  const named = bylineAuthor(t)
  if (named) return named.slice(0, 200)
  const name = t
    .replace(/^(?:by|von|par|por)\s+/i, '')
    .split(/\s+[·•|—–]\s+|\s+-\s+|\s*\|\s*/)[0]!
    .replace(/[,;:]\s*$/, '')
    .trim()
  return name && name.length <= 200 ? name : null
}

function firstDate(...values: (string | null | undefined)[]): string | null {
  for (const v of values) {
    const iso = isoDate(v)
    if (iso) return iso
  }
  return null
}

/** A BCP 47 tag in canonical case ("en_gb" → "en-GB"), or null when it is not one. */
export function languageTag(value: string | null | undefined): string | null {
  const t = value?.trim().replace(/_/g, '-')
  if (!t || !/^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i.test(t)) return null
  try {
    return Intl.getCanonicalLocales(t)[0] ?? null
  } catch {
    return null
  }
}
