import { canonicalText } from '../text/canonical-text'
import { clampTitle, titleFromFileName, type ParsedDocument } from './parsed-document'

/** A first line this short, followed by more text, reads as a headline rather than a paragraph. */
const MAX_HEADLINE = 200

/**
 * Plain text as analysts paste or scrape it: the first short line is the title, the rest is the
 * body. Smarter cleaning (bylines, chrome) builds on this in the import pipeline.
 */
export function parsePlainText(raw: string, fileName: string): ParsedDocument {
  const text = canonicalText(raw)
  const firstBreak = text.indexOf('\n')
  const firstLine = firstBreak === -1 ? text : text.slice(0, firstBreak)
  const rest = firstBreak === -1 ? '' : canonicalText(text.slice(firstBreak + 1))
  const headline = firstLine.length <= MAX_HEADLINE && rest.length > 0
  return {
    title: clampTitle(headline ? firstLine : titleFromFileName(fileName)),
    text: headline ? rest : text,
    author: null,
    source: null,
    url: null,
    publishedAt: null,
    tags: []
  }
}
