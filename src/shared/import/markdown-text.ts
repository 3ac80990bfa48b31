import { parse } from 'yaml'
import { TITLE_REASON } from '../cleaning/title'
import { documentText, type ArticleDocument } from '../document/article-document'
import { httpUrl } from './http-url'
import { markdownBlocks } from './markdown-blocks'
import { clampTitle, titleFromFileName, type ParsedDocument } from './parsed-document'

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/

/**
 * Markdown, with or without YAML front matter: front matter fields become metadata and tags; the
 * body becomes blocks (markdown-it, raw HTML shown as text). Without a front-matter title, a
 * heading that opens the file is the title; either way that heading is kept as a removed block
 * with the reason "title", so it is neither lost nor repeated in the text.
 */
export function parseMarkdown(raw: string, fileName: string): ParsedDocument {
  const source = raw.replace(/^\uFEFF/, '')
  let meta: Record<string, unknown> = {}
  let body = source
  const match = FRONT_MATTER.exec(source)
  if (match) {
    try {
      const parsed: unknown = parse(match[1]!)
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) meta = parsed as Record<string, unknown>
      body = source.slice(match[0].length)
    } catch {
      // Not YAML after all: keep the lines as body text rather than lose them.
    }
  }
  const { blocks, opensWithHeading } = markdownBlocks(body, { noteLinks: true })
  let title = str(meta.title)
  const first = blocks[0]
  if (opensWithHeading && first && (!title || same(first.text, title))) {
    title ??= first.text
    // A file that is only a heading keeps it as its text too, rather than come out empty.
    if (blocks.length > 1) first.removed = { reason: TITLE_REASON }
  }
  const document: ArticleDocument = { version: 1, blocks }
  const sourceField = str(meta.source)
  const sourceUrl = /^https?:\/\//iu.test(sourceField ?? '') ? httpUrl(sourceField) : null
  return {
    title: clampTitle(title || titleFromFileName(fileName)),
    text: documentText(document),
    document,
    author: str(meta.author),
    // Clippers write the page's address as its "source" (Obsidian's web clipper does): an address, not a name.
    source: (sourceField && !sourceUrl ? sourceField : null) ?? str(meta.site),
    url: httpUrl(str(meta.url) ?? str(meta.source_url)) ?? sourceUrl,
    publishedAt: dateString(meta.date ?? meta.published),
    dateline: null,
    language: languageTag(str(meta.lang) ?? str(meta.language)),
    tags: tagList(meta.tags)
  }
}

const same = (a: string, b: string) => a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase()

function str(value: unknown): string | null {
  if (typeof value === 'string' && value.trim()) return value.trim()
  if (typeof value === 'number') return String(value)
  return null
}

function dateString(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10)
  return str(value)
}

function tagList(value: unknown): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,\s]+/) : []
  return [...new Set(items.map((t) => String(t).replace(/^#/, '').trim()).filter(Boolean))]
}

/** A BCP 47 tag in canonical case ("en_gb" → "en-GB"), or null when it is not one. */
function languageTag(value: string | null): string | null {
  const t = value?.replace(/_/g, '-')
  if (!t || !/^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i.test(t)) return null
  try {
    return Intl.getCanonicalLocales(t)[0] ?? null
  } catch {
    return null
  }
}
