import { z } from 'zod'
import { ArticleSummary, Id, LabelColor } from '../domain-types'

export const LIBRARY_SORTS = ['imported', 'published', 'title', 'source'] as const
export const LibrarySort = z.enum(LIBRARY_SORTS)
export type LibrarySort = z.infer<typeof LibrarySort>

export const LibraryFilter = z
  .object({
    tag: z.string().trim().min(1).max(60).optional(),
    labelId: Id.optional(),
    source: z.string().max(300).optional(),
    /** Only the articles of this case. */
    caseId: Id.optional(),
    /** Only the articles a watch-list entry matched (its id). */
    watchId: z.number().int().positive().optional()
  })
  .strict()
export type LibraryFilter = z.infer<typeof LibraryFilter>

export const LibraryQueryInput = z
  .object({
    sort: LibrarySort.default('imported'),
    direction: z.enum(['asc', 'desc']).default('desc'),
    filter: LibraryFilter.default({}),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100)
  })
  .strict()
export type LibraryQueryInput = z.input<typeof LibraryQueryInput>
export type LibraryQuery = z.output<typeof LibraryQueryInput>

export const LibraryPage = z.object({
  items: z.array(ArticleSummary),
  /** Articles passing the filter, whatever the page. */
  total: z.number().int().nonnegative()
})
export type LibraryPage = z.infer<typeof LibraryPage>

const Facet = z.object({ name: z.string(), count: z.number().int().nonnegative() })

export const LibraryFacets = z.object({
  total: z.number().int().nonnegative(),
  sources: z.array(Facet),
  tags: z.array(Facet),
  /** Highlights per label, in the labels' own order. */
  labels: z.array(Facet.extend({ id: Id, color: LabelColor })),
  /** The watch list's entries with the live articles each matched, by name. */
  watch: z.array(Facet.extend({ id: z.number().int() }))
})
export type LibraryFacets = z.infer<typeof LibraryFacets>
