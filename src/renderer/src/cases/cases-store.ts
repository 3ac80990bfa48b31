import { useSyncExternalStore } from 'react'
import type { CaseInfo } from '../../../shared/analysis/analysis-types'
import type { DossierClient } from '../api/client'

/**
 * The cases the switcher, the Cases view, search and export all read: one list, asked for again
 * whenever something changes a case (create, rename, archive, articles added), so every place
 * shows the same names and counts.
 */
let cases: readonly CaseInfo[] = []
let loaded = false
const listeners = new Set<() => void>()

function publish(next: readonly CaseInfo[]): void {
  cases = next
  loaded = true
  for (const listener of listeners) listener()
}

/** Every case, archived ones included (the switcher leaves those out). */
export async function refreshCases(client: DossierClient): Promise<readonly CaseInfo[]> {
  const { items } = await client.call('case.list', { includeArchived: true })
  publish(items)
  return items
}

export function useCases(): { cases: readonly CaseInfo[]; loaded: boolean } {
  const list = useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => cases
  )
  return { cases: list, loaded }
}

export function caseName(list: readonly CaseInfo[], id: string | null): string | null {
  return id ? (list.find((c) => c.id === id)?.name ?? null) : null
}

/** The search operator scoping a query to a case: by id, so any name (quotes and all) works. */
export function caseScope(caseId: string): string {
  return `case:${caseId}`
}
