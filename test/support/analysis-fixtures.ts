import type { Services } from '../../src/main/services/create-services'
import { utf8 } from './temp-services'

/** A Markdown article with front matter naming its outlet and address, as an analyst saves one. */
export function markdownArticle(o: { title: string; source?: string; url?: string; author?: string; body: string }): string {
  const meta = [`title: "${o.title}"`, o.source && `source: ${o.source}`, o.url && `url: ${o.url}`, o.author && `author: ${o.author}`].filter(Boolean)
  return `---\n${meta.join('\n')}\n---\n# ${o.title}\n\n${o.body}\n`
}

export async function importMarkdown(s: Services, name: string, o: Parameters<typeof markdownArticle>[0]): Promise<string> {
  const result = await s.articles.importFile(name, utf8(markdownArticle(o)))
  if (!result.articleId || result.status === 'rejected') throw new Error(`fixture ${name}: ${result.message}`)
  return result.articleId
}

/** A highlight on the first occurrence of `quote` in the article's text. */
export function highlightQuote(s: Services, articleId: string, quote: string, credibility: number | null = null): string {
  const text = s.articles.get(articleId).text
  const start = text.indexOf(quote)
  if (start < 0) throw new Error(`fixture: “${quote}” is not in the article`)
  const h = s.highlights.create(articleId, start, start + quote.length)
  if (credibility !== null) s.grading.setCredibility(h.id, credibility as 1)
  return h.id
}
