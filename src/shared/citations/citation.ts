import { gradeLabel, type Reliability } from '../analysis/admiralty'
import { isoDate } from '../text/iso-date'
import type { Translate } from '../i18n/messages'

/**
 * Everything a footnote needs to say where a quoted passage comes from. Main fills it from the
 * library (article, source, grades, page); this module only turns it into citation data, so the
 * same rules hold for every export format and for the CLI.
 */
export interface CitedPassage {
  /** The highlight quoted (or, for a claim, its first piece of evidence). */
  highlightId: string
  articleId: string
  title: string
  author: string | null
  /** The publication or site: the source's name, or the article's own source text. */
  source: string | null
  publishedAt: string | null
  url: string | null
  importedAt: string
  /** Hex SHA-256 of the original bytes as imported; null for articles imported before it was kept. */
  originalSha256: string | null
  reliability: Reliability | null
  credibility: number | null
  /** Documents: where the passage is. A page wins over a chapter (a PDF has pages, an EPUB chapters). */
  page: { page: number; label: string | null } | null
  chapter: number | null
  /** 'pdf', 'docx', 'epub', 'html', 'markdown', 'text' … : decides the CSL type. */
  originalType: string
}

/** A CSL-JSON item: the fields a CSL processor reads (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html). */
export interface CslItem {
  id: string
  type: 'article-newspaper' | 'webpage' | 'document' | 'book'
  title: string
  author?: { literal: string }[]
  'container-title'?: string
  issued?: { 'date-parts': number[][] } | { literal: string }
  accessed?: { 'date-parts': number[][] }
  URL?: string
}

/** A cite of one item at one place: what a processor turns into one note. */
export interface CiteLocator {
  locator: string
  label: 'page' | 'chapter'
}

const DOCUMENT_TYPES = new Set(['pdf', 'docx'])

/**
 * The CSL item of the passage's article. Keyed by article, not highlight: two quotes from one
 * article are two cites of one work, at their own pages.
 */
export function cslItem(p: CitedPassage): CslItem {
  const item: CslItem = { id: p.articleId, type: cslType(p), title: p.title || 'Untitled' }
  if (p.author?.trim()) item.author = splitAuthors(p.author).map((literal) => ({ literal }))
  if (p.source?.trim()) item['container-title'] = p.source.trim()
  const issued = dateParts(p.publishedAt)
  if (issued) item.issued = issued
  else if (p.publishedAt?.trim()) item.issued = { literal: p.publishedAt.trim() }
  const accessed = dateParts(p.importedAt)
  if (accessed) item.accessed = accessed
  if (p.url && /^https?:\/\//i.test(p.url)) item.URL = p.url
  return item
}

/** "p. 12" as a locator (the PDF's own label when it has one), else the chapter; null for web pages. */
export function citeLocator(p: CitedPassage): CiteLocator | null {
  if (p.page) return { locator: p.page.label ?? String(p.page.page), label: 'page' }
  if (p.chapter !== null) return { locator: String(p.chapter), label: 'chapter' }
  return null
}

/**
 * What no CSL style has a field for, said after the formatted note: the Admiralty grade, when the
 * passage was imported, and the first 12 hex digits of the original's SHA-256 (enough to pick the
 * file out of a manifest; the manifest carries all 64). "Grade B2; imported 2026-03-02; SHA-256 0123456789ab."
 */
export function provenanceNote(p: CitedPassage, t: Translate): string {
  return t('brief:note.provenance', {
    grade: gradeLabel(p.reliability, p.credibility),
    date: isoDate(p.importedAt) ?? p.importedAt,
    hash: p.originalSha256 ? shortHash(p.originalSha256) : 'none'
  })
}

export function shortHash(sha256: string): string {
  return sha256.slice(0, 12).toLowerCase()
}

/**
 * A note without a CSL processor: for the processor's failure path and for tests that want to
 * read fields plainly. Same order as a Chicago note: author, “title,” source, date, locator, URL.
 */
export function plainCitation(p: CitedPassage): string {
  const loc = citeLocator(p)
  const parts = [
    p.author?.trim() || null,
    `“${p.title || 'Untitled'}”`,
    p.source?.trim() || null,
    isoDate(p.publishedAt),
    loc ? `${loc.label === 'page' ? 'p.' : 'chap.'} ${loc.locator}` : null,
    p.url
  ].filter((x): x is string => !!x)
  return `${parts.join(', ')}.`
}

function cslType(p: CitedPassage): CslItem['type'] {
  if (p.originalType === 'epub') return 'book'
  if (DOCUMENT_TYPES.has(p.originalType)) return 'document'
  if (p.source?.trim()) return 'article-newspaper'
  return 'webpage'
}

/** "Ana Silva and Tom Ek", "Ana Silva, Tom Ek": literal names, since bylines are not parsed into given and family. */
function splitAuthors(author: string): string[] {
  return author
    .split(/\s*(?:,|;|\band\b|&)\s*/i)
    .map((s) => s.trim())
    .filter(Boolean)
}

/** [[2026, 3, 1]] from "2026-03-01", "2026-03" or "2026" (and a timestamp's day); null otherwise. */
function dateParts(value: string | null): { 'date-parts': number[][] } | null {
  const day = isoDate(value)
  const m = day ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(day) : null
  if (!m) return null
  return { 'date-parts': [[m[1], m[2], m[3]].filter((x): x is string => x !== undefined).map(Number)] }
}

/** The largest CSL file accepted; the biggest styles in the CSL repository are about 250 KB. */
export const MAX_CSL_BYTES = 2 * 1024 * 1024
