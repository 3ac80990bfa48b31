import { bylineAuthor, bylineExtras, bylineOrDate, creditLineNames, datedCredit, placeAndDate, postedLine } from '../../../shared/cleaning/byline'
import { CHROME } from '../../../shared/cleaning/chrome-rules'
import { copyrightHolder } from '../../../shared/cleaning/copyright-holder'
import { datelineDate, storyDateline } from '../../../shared/cleaning/dateline'
import { isoFromDateText } from '../../../shared/cleaning/date-text'
import { liftLabelledFields } from '../../../shared/cleaning/labelled-fields'
import { METADATA, relativeDateReason, setAsideAuthorNotes, setAsideRepublicationNote } from '../../../shared/cleaning/metadata-lines'
import { setAsidePullQuotes } from '../../../shared/cleaning/pull-quotes'
import { isSectionTrail, TITLE_REASON } from '../../../shared/cleaning/title'
import { documentText, keptBlocks, type ArticleDocument, type Block } from '../../../shared/document/article-document'
import { DossierError } from '../../../shared/errors'
import { httpUrl } from '../../../shared/import/http-url'
import { clampTitle, titleFromFileName, type ParsedDocument } from '../../../shared/import/parsed-document'
import { withPage } from './html-dom'
import { takeFootnotes, withFootnotes } from './html-footnotes'
import { extractWithinBounds } from './html-extract'
import { readMetadata, withHints, type MarkupMetadata } from './html-metadata'
import { isEditorialAside } from './html-chrome'
import { keepEditorialAsides, removeInert, sanitizeInPlace, unwrapNoscript } from './html-sanitize'
import { outlineOf } from './html-outline'
import { BlockWriter } from './html-to-blocks'

/**
 * Less kept text than this, when the page as a whole has more, means extraction found no
 * article (a front page, a list of links) and the analyst is asked before anything is stored.
 */
export const MIN_ARTICLE_CHARS = 100

/** Kept text more than this share of which is link text is a list of links, not an article. */
export const MAX_LINK_DENSITY = 0.5

/**
 * An HTML page becomes an article: metadata from the head, the story found by Readability,
 * sanitized by DOMPurify, then read into blocks with structure and marks. Everything else on
 * the page with readable text (navigation, cookie banner, comments, related links…) becomes
 * removed blocks with the reason, so "Show removed text" lists it and it can be restored. The page is parsed by
 * jsdom with scripting disabled and no resource loading: nothing on it runs or is fetched, and
 * only text and http(s)/mailto link targets leave this module.
 *
 * Throws DossierError `no_article` when what extraction kept is mostly links (a front page, a
 * section index), or almost nothing of a page that has more text: the caller may offer
 * parseHtmlWholeText instead. A page that is short all through is simply imported.
 */
export function parseHtml(html: string, fileName: string, pageUrl?: string): ParsedDocument {
  // The share of the kept text that is link text.
  let links = 0
  const article = withPage(html, fileName, (doc, purify) => {
    const markup = atAddress(readMetadata(doc), pageUrl)
    unwrapNoscript(doc)
    removeInert(doc)
    keepEditorialAsides(doc, isEditorialAside)
    // Readability rewrites the page it reads, so it reads a numbered copy; the page itself is
    // written whole, what extraction left out becoming removed blocks with their reasons.
    const extraction = extractWithinBounds(doc)
    sanitizeInPlace(purify, doc.body)
    const notes = takeFootnotes(doc)
    const meta = withHints(markup, extraction.hints)
    const outline = extraction.extracted ? outlineOf(extraction.numbered, extraction.root) : null
    const writer = new BlockWriter(meta.url, { chrome: true, outline, storyLength: extraction.root.textContent?.length ?? 0 })
    const blocks = writer.write(doc.body)
    links = writer.keptChars === 0 ? 0 : writer.linkChars / writer.keptChars
    return finish(withFootnotes(blocks, notes), meta, fileName)
  })
  const noArticle = () => new DossierError('no_article', `${fileName}: no article text was found on this page; import its whole text instead?`, { id: 'import.no_article', values: { file: fileName } })
  if (links > MAX_LINK_DENSITY) throw noArticle()
  if (article.text.length < MIN_ARTICLE_CHARS && parseHtmlWholeText(html, fileName, pageUrl).text.length > article.text.length) throw noArticle()
  return article
}

/**
 * The page's whole sanitized body, for the analyst who chose "import its whole text": no
 * extraction and no chrome rules, only what sanitizing removes anyway (scripts, styles, menus
 * and form controls). Structure and marks are kept as in parseHtml.
 */
export function parseHtmlWholeText(html: string, fileName: string, pageUrl?: string): ParsedDocument {
  return withPage(html, fileName, (doc, purify) => {
    const meta = atAddress(readMetadata(doc), pageUrl)
    unwrapNoscript(doc)
    removeInert(doc)
    sanitizeInPlace(purify, doc.body)
    const blocks = new BlockWriter(meta.url, { chrome: false }).write(doc.body)
    return finish(blocks, meta, fileName)
  })
}

/** The holder the page's copyright line names ("© 2026 Example Media Ltd"), from its end: a saved page's publisher when nothing else says. */
function footerHolder(blocks: Block[]): string | null {
  for (let i = blocks.length - 1; i >= 0; i--) {
    const holder = blocks[i]!.removed ? copyrightHolder(blocks[i]!.text) : null
    if (holder) return holder
  }
  return null
}

/** A captured page is known by the address it was captured from, not by what its markup claims. */
function atAddress(meta: MarkupMetadata, pageUrl: string | undefined): MarkupMetadata {
  const url = httpUrl(pageUrl)
  return url ? { ...meta, url } : meta
}

function finish(blocks: Block[], meta: MarkupMetadata, fileName: string): ParsedDocument {
  const kept = blocks.filter((b) => !b.removed)
  const first = kept[0]
  const title = meta.title ?? meta.headline ?? meta.documentTitle ?? meta.firstHeading
  // The headline repeated above the story is the title, not part of the text; kept as a removed
  // block, as the plain-text cleaner does, so nothing disappears without a trace.
  // A title paragraph (a Google Docs or Word export's) repeats the title as a heading would.
  if (first && title && (first.kind === 'heading' ? sameHeadline(first.text, title) : first.kind === 'paragraph' && first.text === title)) first.removed = { reason: TITLE_REASON }
  // Label-and-value pairs first: a bare date under its "Published" label is the label's value.
  const fields = liftLabelledFields(blocks, meta.language)
  const lifted = liftBylines(blocks, meta.language)
  const leading = nameLeadingMetadata(blocks, title, meta.language)
  const author = meta.author ?? fields.author ?? lifted.author ?? leading.author
  setAsideAuthorNotes(blocks, author)
  const firstPublisher = setAsideRepublicationNote(blocks)
  setAsidePullQuotes(blocks)
  const document: ArticleDocument = { version: 1, blocks }
  const dateline = storyDateline(document)
  return {
    title: clampTitle(title || titleFromFileName(fileName)),
    text: documentText(document),
    document,
    author,
    source: meta.source ?? fields.source ?? lifted.source ?? firstPublisher ?? footerHolder(blocks),
    url: meta.url,
    publishedAt: meta.publishedAt ?? fields.publishedAt ?? lifted.publishedAt ?? leading.publishedAt ?? datelineDate(dateline),
    dateline,
    language: meta.language,
    // Pages' keywords are written for search engines; tags are the analyst's own.
    tags: []
  }
}

const comparable = (s: string) => s.toLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim()

/** "Harbour pact talks resume" matches the title "Harbour pact talks resume | The Daily Test". */
function sameHeadline(heading: string, title: string): boolean {
  const h = comparable(heading)
  const t = comparable(title)
  return h !== '' && (h === t || (t.startsWith(h) && /^\s*[|–—:-]/.test(title.slice(heading.length))))
}

/**
 * A byline, credit line or bare date line at the top of the story is metadata, set aside like the
 * title; what it says fills what the page's markup did not (a page saved without its meta tags).
 */
function liftBylines(blocks: Block[], language: string | null): { author: string | null; source: string | null; publishedAt: string | null } {
  let author: string | null = null
  let source: string | null = null
  let publishedAt: string | null = null
  const dateIn = (text: string) => isoFromDateText(text, language)
  for (const block of keptBlocks({ version: 1, blocks }).slice(0, 4)) {
    if (block.kind !== 'paragraph') continue
    const relative = relativeDateReason(block.text)
    if (relative) {
      block.removed = { reason: relative }
      continue
    }
    const filed = placeAndDate(block.text, language)
    if (filed) {
      block.removed = { reason: METADATA.published }
      publishedAt ??= filed
      continue
    }
    const posted = postedLine(block.text, language) ?? datedCredit(block.text, language)
    if (posted) {
      block.removed = { reason: METADATA.byline }
      author ??= posted.author
      if ('source' in posted) source ??= posted.source
      publishedAt ??= posted.publishedAt
      continue
    }
    // A page's title is in its markup: every paragraph here is below it.
    const named = bylineAuthor(block.text, true)
    const credit = named ? null : creditLineNames(block.text)
    const creditDate = credit?.others.map(dateIn).find(Boolean) ?? null
    const date = named || creditDate || block.text.length > 60 ? null : dateIn(block.text)
    if (named || creditDate) {
      block.removed = { reason: METADATA.byline }
      author ??= named ?? credit!.names
      publishedAt ??= creditDate ?? bylineExtras(block.text).map(dateIn).find(Boolean) ?? null
    } else if (date) {
      block.removed = { reason: METADATA.published }
      publishedAt ??= date
    }
  }
  return { author, source, publishedAt }
}

/**
 * HTML that a converter wrote from a trusted structure (Word via mammoth) or a book's chapter
 * (EPUB): sanitized like any page and read into blocks, with no article extraction and no chrome
 * rules, since every block is the author's. `prepare` may take elements out first (footnotes).
 */
export function documentHtmlBlocks(html: string, name: string, prepare?: (doc: Document) => void): { blocks: Block[]; title: string | null; language: string | null } {
  return withPage(html, name, (doc, purify) => {
    const meta = readMetadata(doc)
    unwrapNoscript(doc)
    removeInert(doc)
    prepare?.(doc)
    sanitizeInPlace(purify, doc.body)
    const blocks = new BlockWriter(null, { chrome: false }).write(doc.body)
    return { blocks, title: meta.documentTitle ?? null, language: meta.language }
  })
}

/**
 * Extraction takes the story's own headline, byline and date out with the page's chrome; above
 * the story they are named for what they are, not "outside the article".
 */
function nameLeadingMetadata(blocks: Block[], title: string | null, language: string | null): { author: string | null; publishedAt: string | null } {
  const found: { author: string | null; publishedAt: string | null } = { author: null, publishedAt: null }
  let previous: Block | null = null
  for (const [k, block] of blocks.entries()) {
    // The section's name over the headline ("Wirtschaft", "World | Europe"): a label, not the story.
    if (!block.removed && isKicker(block) && blocks[k + 1]?.kind === 'heading' && title && sameHeadline(blocks[k + 1]!.text, title)) {
      block.removed = { reason: CHROME.navigation }
      previous = block
      continue
    }
    if (!block.removed) break
    const underTitle = previous?.removed?.reason === TITLE_REASON
    previous = block
    if (block.removed.reason !== CHROME.outsideArticle) continue
    const lines = block.kind === 'paragraph' ? metadataLines(block.text, language) : null
    if (block.kind === 'heading' && title && sameHeadline(block.text, title)) block.removed = { reason: TITLE_REASON }
    else if (lines) {
      block.removed = { reason: lines.author ? METADATA.byline : METADATA.published }
      found.author ??= lines.author
      found.publishedAt ??= lines.publishedAt
    } else if (underTitle && isStandfirst(block)) {
      // The standfirst under the headline ("Why three operators left…"), which extraction left
      // with the headline: the story's first words, not the page's furniture.
      delete block.removed
      block.kind = 'paragraph'
      delete block.level
    }
  }
  return found
}

/** A section's name: at most three words, or a trail of such names, no sentence. */
function isKicker(block: Block): boolean {
  return block.kind === 'paragraph' && (isSectionTrail(block.text) || (block.text.split(/\s+/u).length <= 3 && !/[.!?:;|›»>/]/u.test(block.text)))
}

/** A sentence or two under a headline: no links, no label, longer than a kicker. */
function isStandfirst(block: Block): boolean {
  const words = block.text.split(/\s+/u).length
  return (block.kind === 'heading' || block.kind === 'paragraph') && words >= 6 && words <= 60 && !block.text.includes('\n') && !(block.marks ?? []).some((m) => m.type === 'link')
}

/**
 * What a block of bylines and date lines says ("By Jane Doe and John Roe / Published 9:42 AM,
 * February 18, 2025"), when every line of it is one; null when any line is something else.
 */
function metadataLines(text: string, language: string | null): { author: string | null; publishedAt: string | null } | null {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean)
  let author: string | null = null
  let publishedAt: string | null = null
  for (const line of lines) {
    const read = bylineOrDate(line, language, true)
    if (!read) return null
    author ??= read.author
    publishedAt ??= read.publishedAt
  }
  return lines.length ? { author, publishedAt } : null
}
