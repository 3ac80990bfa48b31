import { z } from 'zod'
import { SearchResults } from '../search/search-types'
import type { ContractPart } from './common'

export const searchContract = {
  /** Any query string is valid (see src/shared/search/parse-query.ts); results grouped by article. */
  'search.query': {
    input: z
      .object({
        query: z.string().max(10_000),
        limit: z.number().int().min(1).max(200).default(20),
        /** Searches with the same key replace each other while waiting (a search box typed into). */
        key: z.string().min(1).max(40).optional()
      })
      .strict(),
    output: SearchResults
  }
} as const satisfies ContractPart
