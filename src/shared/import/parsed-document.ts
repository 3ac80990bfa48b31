import type { ArticleDocument } from '../document/article-document'

/**
 * What every format's parser hands to the article store. `text` is the canonical text, always
 * equal to documentText(document).
 */
export interface ParsedDocument {
  title: string
  text: string
  document: ArticleDocument
  author: string | null
  source: string | null
  url: string | null
  /** ISO date (YYYY-MM-DD) or date-time, as found. */
  publishedAt: string | null
  /** "TALLINN, Estonia —": where the story was filed, when the text names it. */
  dateline: string | null
  /** BCP 47 language tag when the source declares one. */
  language: string | null
  tags: string[]
  /** Paged documents: how many pages the file has. */
  pages?: number
  /** What the import left out, for the report ("3 comments not imported", "2 images left out"). */
  notes?: string[]
}

export type DocumentFormat = 'text' | 'markdown' | 'html' | 'pdf' | 'docx' | 'epub'

/** Formats whose bytes are a binary container, not text to decode. */
export const BINARY_FORMATS: ReadonlySet<DocumentFormat> = new Set(['pdf', 'docx', 'epub'])

export function formatOf(fileName: string): DocumentFormat | null {
  const ext = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1]
  if (ext === 'txt' || ext === 'text') return 'text'
  if (ext === 'md' || ext === 'markdown') return 'markdown'
  if (ext === 'html' || ext === 'htm') return 'html'
  if (ext === 'pdf' || ext === 'docx' || ext === 'epub') return ext
  return null
}

const MAX_TITLE = 300

/** A title from a file name when the content offers none: `us-warms_to.txt` → `us warms to`. */
export function titleFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '')
  return base.replace(/[-_]+/g, ' ').trim() || 'Untitled'
}

export function clampTitle(title: string): string {
  const t = title.replace(/\s+/g, ' ').trim()
  return t.length > MAX_TITLE ? `${t.slice(0, MAX_TITLE - 1)}…` : t
}

