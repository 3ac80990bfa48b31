import { createContext, useContext } from 'react'
import type { ClaimSummary } from '../../../shared/analysis/analysis-types'

/** What a claim quote needs to show its claim's live state and open it. */
export interface ClaimQuoteContextValue {
  /** The case's claims by id; null while they load (then the quote shows what it was quoted as). */
  claims: ReadonlyMap<string, ClaimSummary> | null
  open(claimId: string): void
}

export const ClaimQuoteContext = createContext<ClaimQuoteContextValue>({ claims: null, open: () => undefined })

export const useClaimQuoteContext = (): ClaimQuoteContextValue => useContext(ClaimQuoteContext)
