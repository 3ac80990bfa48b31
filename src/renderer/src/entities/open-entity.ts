import { useSyncExternalStore } from 'react'

/**
 * An entity page asked for from outside the Entities view (a mention marked in the reader): the
 * view shows it when it is next drawn. A small store, as decision 0016 has for state many places
 * read and few write.
 */
let requested: { id: string; at: number } | null = null
const listeners = new Set<() => void>()

export function requestEntityPage(id: string): void {
  requested = { id, at: Date.now() }
  for (const l of listeners) l()
}

export function useRequestedEntity(): { id: string; at: number } | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => requested
  )
}
