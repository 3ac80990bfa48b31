import { z } from 'zod'
import { Id } from '../domain-types'

export const SnippetSchema = z.object({
  parts: z.array(z.object({ text: z.string(), match: z.boolean() })),
  cutBefore: z.boolean(),
  cutAfter: z.boolean()
})

/** Where a match was found: the article's title or byline, its text, a highlight, a note, the notebook. */
export const HitKind = z.enum(['title', 'text', 'highlight', 'note', 'notebook'])
export type HitKind = z.infer<typeof HitKind>

export const SearchHit = z.object({
  kind: HitKind,
  /** The highlight a highlight or note hit belongs to. */
  highlightId: Id.nullable(),
  /** Offsets of the passage in the article's canonical text, where there is one to scroll to. */
  start: z.number().int().nonnegative().nullable(),
  end: z.number().int().nonnegative().nullable(),
  snippet: SnippetSchema,
  /** In a PDF: the page the passage starts on, and the PDF's own label for it where it has one. */
  page: z.number().int().positive().optional(),
  pageLabel: z.string().nullable().optional()
})
export type SearchHit = z.infer<typeof SearchHit>

export const SearchGroup = z.object({
  articleId: Id,
  title: z.string(),
  source: z.string().nullable(),
  author: z.string().nullable(),
  publishedAt: z.string().nullable(),
  importedAt: z.string(),
  /** How many matches the article has among the candidates (its hits list shows the best few). */
  matchCount: z.number().int().nonnegative(),
  hits: z.array(SearchHit)
})
export type SearchGroup = z.infer<typeof SearchGroup>

export const SearchResults = z.object({
  groups: z.array(SearchGroup),
  /** Some kind had more matches than are ranked: the results are the best of the newest. */
  truncated: z.boolean(),
  /** Something about the query the analyst should know (an ignored part), or null. */
  notice: z.string().nullable(),
  /** A newer search with the same key replaced this one before it ran. */
  superseded: z.boolean().optional()
})
export type SearchResults = z.infer<typeof SearchResults>
