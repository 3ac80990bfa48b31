import { createContext, useContext } from 'react'
import type { Highlight, Label } from '../../../shared/domain-types'

/** What a quote node needs to show its highlight's live state and jump to it. */
export interface QuoteContextValue {
  highlights: readonly Highlight[]
  labels: readonly Label[]
  /** Scrolls the reader to the passage and flashes it. */
  jump(highlightId: string): void
  /**
   * The highlights listed are some, not all, that quotes may name (a case's notebook quotes many
   * articles): a quote whose highlight is not listed is not thereby deleted.
   */
  partial?: boolean
}

export const QuoteContext = createContext<QuoteContextValue>({ highlights: [], labels: [], jump: () => undefined })

export const useQuoteContext = (): QuoteContextValue => useContext(QuoteContext)
