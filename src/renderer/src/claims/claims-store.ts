import { useSyncExternalStore } from 'react'
import type { EvidenceRelation } from '../../../shared/analysis/claim-warnings'
import type { MessageKey } from '../../../shared/i18n'

/**
 * Bumped whenever a claim or its evidence changes from anywhere (the claims view, a highlight
 * added by its command), so every list of claims asks again.
 */
let version = 0
const listeners = new Set<() => void>()

export function claimsChanged(): void {
  version++
  for (const listener of listeners) listener()
}

export function useClaimsVersion(): number {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => version
  )
}

export const RELATION_NAMES: Readonly<Record<EvidenceRelation, MessageKey>> = {
  supports: 'claims:relation.supports',
  contradicts: 'claims:relation.contradicts',
  context: 'claims:relation.context'
}

/**
 * A claim another part of the window asked to open (a claim quote in the case's notebook): the
 * Claims view opens it when it is shown, then clears the request.
 */
let requested: string | null = null
const requestListeners = new Set<() => void>()

export function requestOpenClaim(claimId: string | null): void {
  requested = claimId
  for (const listener of requestListeners) listener()
}

export function useRequestedClaim(): string | null {
  return useSyncExternalStore(
    (listener) => {
      requestListeners.add(listener)
      return () => requestListeners.delete(listener)
    },
    () => requested
  )
}
