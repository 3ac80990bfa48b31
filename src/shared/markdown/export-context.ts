import { citePage, type ArticleDocument, type PageRef } from '../document/article-document'
import { dossierUrl } from '../links/dossier-link'
import { CREDIBILITY_MEANING, gradeLabel, isCredibility, isReliability, RELIABILITY_MEANING } from '../analysis/admiralty'
import { articleBody } from './article-body'
import { highlightBlockId } from './block-id'
import { blockquote, escapeMarkdownInline, tidyLines } from './escape-markdown'
import { frontMatter } from './front-matter'
import { languageDirection } from '../text/direction'
import { isoDate } from '../text/iso-date'

/** What export knows of an article: its metadata, tags and the notebook already in Markdown. */
export interface ArticleForExport {
  id: string
  title: string
  author: string | null
  source: string | null
  url: string | null
  publishedAt: string | null
  importedAt: string
  tags: readonly string[]
  /** The notebook as Markdown, or null when there is none or it is empty. */
  notebookMarkdown: string | null
  /** The source's Admiralty reliability (A–F; the article's override, else its source's), or null. */
  reliability?: string | null
  /** The article's language (BCP 47), when known. */
  language?: string | null
  /** The article's text, when the export includes it ("Include the article's text"); else absent or null. */
  document?: ArticleDocument | null
}

export interface HighlightForExport {
  id: string
  exact: string
  label: string | null
  color: string | null
  /** The note as Markdown, or null when there is none or it is empty. */
  noteMarkdown: string | null
  tags: readonly string[]
  createdAt: string
  start: number
  /** Breaks ties in reading order: of two highlights starting together, the longer comes first. */
  end?: number
  orphaned: boolean
  /** Admiralty information credibility, 1–6, or null when ungraded. */
  credibility?: number | null
  /** On a paged document (PDF): the page the passage starts on. */
  page?: PageRef | null
}

/** One highlight as a template sees it. Every string is ready for Markdown text unless its name says raw. */
export interface HighlightContext {
  id: string
  blockId: string
  dossierUrl: string
  label: string
  color: string
  quote: string
  note: string
  tags: string[]
  created: string
  orphaned: boolean
  /** "B2", "B?" or "?2"; empty when neither the source nor the passage is graded. */
  grade: string
  /** Both definitions, e.g. "source usually reliable; information probably true". */
  gradeMeaning: string
  /** "p. 12" (or "p. iv" where the PDF labels its pages) on paged documents, else empty. */
  page: string
  /** The included article text (articleBody) carries this highlight's block id: the template writes it nowhere else. */
  inArticle: boolean
  raw: { quote: string; label: string; tags: string[] }
}

/** Everything an export template can use; docs/export-template.md documents each field. */
export interface ExportContext {
  frontMatter: string
  id: string
  dossierUrl: string
  title: string
  author: string
  source: string
  url: string
  sourceLink: string
  /** The source's reliability grade (A–F), or empty. */
  reliability: string
  published: string
  imported: string
  tags: string[]
  notebook: string
  /**
   * The article's text as Markdown, highlighted passages in `==…==` and the block ids of the
   * highlights starting in each block; footnotes as Markdown footnotes. Empty unless the export
   * includes the article's text.
   */
  articleBody: string
  highlights: HighlightContext[]
  raw: { title: string; author: string; source: string; url: string; tags: string[] }
}

/**
 * Obsidian tags may not hold spaces (and `#` or `,` would end them): a tag typed as "north sea"
 * becomes `north-sea` in the `tags` property. The body's `tags` field keeps the name as typed.
 */
export function obsidianTag(tag: string): string {
  return tag.trim().replace(/^#+/, '').replace(/[\s,#]+/g, '-')
}

const esc = (value: string | null) => (value ? escapeMarkdownInline(tidyLines(value).replace(/\n+/g, ' ')) : '')

/**
 * The data one article's file is made from. Highlights come in reading order; those whose passage
 * was lost from the text (orphans) follow at the end, as their stored place no longer means anything.
 */
export function exportContext(article: ArticleForExport, highlights: readonly HighlightForExport[]): ExportContext {
  const ordered = [...highlights].sort(
    (a, b) => Number(a.orphaned) - Number(b.orphaned) || a.start - b.start || (b.end ?? 0) - (a.end ?? 0) || (a.id < b.id ? -1 : 1)
  )
  const body = article.document ? articleBody(article.document, ordered.map((h) => ({ id: h.id, start: h.start, end: h.end ?? h.start + h.exact.length, orphaned: h.orphaned }))) : null
  return {
    frontMatter: frontMatter({
      title: article.title,
      author: article.author,
      source: article.source,
      reliability: article.reliability ?? null,
      url: article.url,
      published: isoDate(article.publishedAt),
      imported: article.importedAt,
      tags: [...new Set(article.tags.map(obsidianTag).filter(Boolean))],
      dossier_id: article.id,
      dossier_url: dossierUrl({ kind: 'article', id: article.id }),
      // Only right-to-left articles say so: every other file stays byte for byte as it was.
      ...(languageDirection(article.language) === 'rtl' ? { lang: article.language, dir: 'rtl' as const } : {})
    }).trimEnd(),
    id: article.id,
    dossierUrl: dossierUrl({ kind: 'article', id: article.id }),
    title: esc(article.title) || 'Untitled',
    author: esc(article.author),
    source: esc(article.source),
    url: esc(article.url),
    sourceLink: article.url ? sourceLink(article.url) : '',
    reliability: article.reliability ?? '',
    published: esc(isoDate(article.publishedAt)),
    imported: esc(article.importedAt),
    tags: article.tags.map((t) => esc(t)),
    notebook: withoutMissingPassages(article.notebookMarkdown?.trim() ?? '', new Set(highlights.map((h) => h.id))),
    articleBody: body?.markdown.trim() ?? '',
    highlights: ordered.map((h) => ({
      id: h.id,
      blockId: highlightBlockId(h.id),
      dossierUrl: dossierUrl({ kind: 'highlight', id: h.id }),
      label: esc(h.label),
      color: h.color ?? '',
      quote: escapeMarkdownInline(tidyLines(h.exact)),
      note: h.noteMarkdown?.trim() ?? '',
      tags: h.tags.map((t) => esc(t)),
      created: h.createdAt,
      orphaned: h.orphaned,
      ...grade(article.reliability ?? null, h.credibility ?? null),
      page: h.page && !h.orphaned ? escapeMarkdownInline(citePage(h.page)) : '',
      inArticle: body?.blockIds.has(h.id) ?? false,
      raw: { quote: h.exact, label: h.label ?? '', tags: [...h.tags] }
    })),
    raw: {
      title: article.title,
      author: article.author ?? '',
      source: article.source ?? '',
      url: article.url ?? '',
      tags: [...article.tags]
    }
  }
}

function grade(reliability: string | null, credibility: number | null): { grade: string; gradeMeaning: string } {
  const r = isReliability(reliability) ? reliability : null
  const c = isCredibility(credibility) ? credibility : null
  if (r === null && c === null) return { grade: '', gradeMeaning: '' }
  const source = r ? `source ${RELIABILITY_MEANING[r].toLowerCase()}` : 'source not graded'
  const info = c ? `information ${CREDIBILITY_MEANING[c].toLowerCase()}` : 'information not graded'
  return { grade: gradeLabel(r, c), gradeMeaning: `${source}; ${info}` }
}

const PASSAGE_LINK = / · \[passage\]\(#\^h-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/g

/**
 * A notebook quote links to its highlight's block id in the same file; a highlight deleted since
 * has no block there, so that link would lead nowhere: it goes, and the quote keeps its words,
 * citation and dossier:// link.
 */
function withoutMissingPassages(notebook: string, exported: ReadonlySet<string>): string {
  return notebook.replace(PASSAGE_LINK, (link, id: string) => (exported.has(id) ? link : ''))
}

/**
 * Front matter may hold any string as a url: only a plain http(s) URL becomes an autolink, so
 * `x> <img …>` stays text instead of closing the link early and opening HTML.
 */
function sourceLink(url: string): string {
  // eslint-disable-next-line no-control-regex
  return /^https?:\/\/[^\s<>\u0000-\u001f\u007f]+$/i.test(url) ? `<${url}>` : esc(url)
}

export { blockquote }
