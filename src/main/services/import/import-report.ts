import type { PreparedFile } from './prepared-file'

/**
 * What the import report says of a file besides its status (article-service.ts, withReport). Its
 * own module: main imports it, and prepared-file.ts would bring the parsers (jsdom, pdf.js) into
 * main's start (decision 0040).
 */
export interface ImportReport {
  title: string
  pages?: number
  notes?: string[]
  removed: PreparedFile['removed']
}

export function reportOf({ article, removed }: Pick<PreparedFile, 'article' | 'removed'>): ImportReport {
  return { title: article.title, removed, ...(article.pages !== undefined ? { pages: article.pages } : {}), ...(article.notes ? { notes: article.notes } : {}) }
}
