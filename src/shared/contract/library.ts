import { z } from 'zod'
import { ArticleSummary, LocationWarning } from '../domain-types'
import { LibraryFacets, LibraryPage, LibraryQueryInput } from '../library/library-types'
import type { ContractPart } from './common'

/** The library as a whole: its pages, its filters' counts, and warnings about where it lives. */
export const libraryContract = {
  'library.list': {
    input: z
      .object({
        limit: z.number().int().min(1).max(500).default(200),
        offset: z.number().int().min(0).default(0)
      })
      .strict(),
    output: z.object({ items: z.array(ArticleSummary), total: z.number().int() })
  },
  /** One page of the library, sorted and filtered; the list asks only for the rows it shows. */
  'library.query': {
    input: LibraryQueryInput,
    output: LibraryPage
  },
  /** Counts for the library's filters, read from trigger-kept counts. */
  'library.facets': {
    input: z.object({}).strict(),
    output: LibraryFacets
  },
  /** Warnings about where the library lives (a network share, a synced folder), for a banner. */
  'library.warnings': {
    input: z.object({}).strict(),
    output: z.object({ warnings: z.array(LocationWarning) })
  }
} as const satisfies ContractPart
