import { parse } from 'yaml'
import { httpUrl } from './http-url'
import { canonicalText } from '../text/canonical-text'
import { clampTitle, titleFromFileName, type ParsedDocument } from './parsed-document'

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/

/** Markdown, with or without YAML front matter; front matter fields become metadata and tags. */
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
  let text = canonicalText(body)
  let title = str(meta.title)
  if (!title) {
    // A closing run of # must follow a space, as in CommonMark: `# Learning F#` keeps its #.
    const heading = /^#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/m.exec(text)
    if (heading && heading.index === 0) {
      title = heading[1]!
      text = canonicalText(text.slice(heading[0].length))
    }
  }
  return {
    title: clampTitle(title || titleFromFileName(fileName)),
    text: text || canonicalText(body),
    author: str(meta.author),
    source: str(meta.source) ?? str(meta.site),
    url: httpUrl(str(meta.url) ?? str(meta.source_url)),
    publishedAt: dateString(meta.date ?? meta.published),
    tags: tagList(meta.tags)
  }
}

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
