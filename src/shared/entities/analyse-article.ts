import { extractEvents, type ExtractedEvent } from '../timeline/extract-events'
import { extractEntitiesSync } from './extract-entities'
import { articleLanguage } from './language'
import type { Mention } from './types'

/** What extraction finds in one article: run in a worker, stored by main. */
export interface ArticleAnalysis {
  language: string
  mentions: Mention[]
  events: ExtractedEvent[]
}

export function analyseArticle(text: string, published: string | null, language: string | null): ArticleAnalysis {
  const lang = articleLanguage(text, language)
  return { language: lang, mentions: extractEntitiesSync({ text, language: lang }), events: extractEvents({ text, published, language: lang }, lang) }
}
