import type { Article } from '../domain-types'
import { blockquote, escapeMarkdownInline } from './escape-markdown'
import { frontMatter } from './front-matter'

export interface ExportedHighlight {
  id: string
  exact: string
  /** The note already converted to Markdown, or null when there is none. */
  noteMarkdown: string | null
}

/**
 * One article as a Markdown document: front matter, the title as a heading, then each highlight
 * in reading order as a blockquote followed by its note. Nothing here emits HTML.
 */
export function articleMarkdown(article: Article, highlights: readonly ExportedHighlight[]): string {
  const parts = [
    frontMatter({
      title: article.title,
      author: article.author,
      source: article.source,
      url: article.url,
      published: article.publishedAt,
      imported: article.importedAt,
      tags: article.tags,
      dossier_id: article.id
    }),
    `# ${escapeMarkdownInline(article.title)}`
  ]
  if (article.url) parts.push(`Source: ${sourceLink(article.url)}`)
  parts.push('## Highlights')
  if (highlights.length === 0) parts.push('_No highlights yet._')
  for (const h of highlights) {
    parts.push(blockquote(escapeMarkdownInline(h.exact).replace(/\n\n+/g, '\n\n')))
    if (h.noteMarkdown) parts.push(h.noteMarkdown)
  }
  return `${parts.join('\n\n')}\n`
}

/**
 * Front matter may hold any string as a url: only a plain http(s) URL becomes an autolink, so
 * `x> <img …>` stays text instead of closing the link early and opening HTML.
 */
function sourceLink(url: string): string {
  // eslint-disable-next-line no-control-regex
  return /^https?:\/\/[^\s<>\u0000-\u001f\u007f]+$/i.test(url) ? `<${url}>` : escapeMarkdownInline(url)
}
