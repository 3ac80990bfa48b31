import { useSyncExternalStore } from 'react'
import type { DossierClient } from '../api/client'

/**
 * Which matrix of each case is open (remembered in this window), and a version bumped when rows
 * are added from elsewhere (the Add to Matrix command, the claims view), so an open matrix loads
 * them.
 */
const KEY = 'dossier.achMatrix'
let version = 0
const listeners = new Set<() => void>()

function notify(): void {
  version++
  for (const listener of listeners) listener()
}

export function useAchVersion(): number {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => version
  )
}

export function achChanged(): void {
  notify()
}

function remembered(): Record<string, string> {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? '{}') as unknown
    return value && typeof value === 'object' ? (value as Record<string, string>) : {}
  } catch {
    return {}
  }
}

export function openMatrixOf(caseId: string): string | null {
  return remembered()[caseId] ?? null
}

export function rememberMatrix(caseId: string, matrixId: string | null): void {
  const all = remembered()
  if (matrixId) all[caseId] = matrixId
  else delete all[caseId]
  try {
    localStorage.setItem(KEY, JSON.stringify(all))
  } catch {
    // Storage full or refused: the first matrix opens next time, nothing is lost.
  }
}

/**
 * Adds a highlight or a claim to the case's open matrix (its first when none was opened; a new
 * one named "Hypotheses" when the case has none). Says where it went, for the notice.
 */
export async function addToMatrix(
  client: DossierClient,
  caseId: string,
  item: { highlightId: string } | { claimId: string },
  /** The name of the matrix made when the case has none, in the interface's language. */
  newMatrixName: string
): Promise<{ matrixId: string; matrixName: string; rowId: string | null }> {
  const matrices = await client.call('ach.list', { caseId })
  const wanted = openMatrixOf(caseId)
  let target = matrices.find((m) => m.id === wanted) ?? matrices[0]
  if (!target) {
    const made = await client.call('ach.create', { caseId, name: newMatrixName })
    target = { ...made, hypotheses: 0, rows: 0 }
    rememberMatrix(caseId, made.id)
  }
  const { added } = await client.call('ach.addRows', { matrixId: target.id, items: [item] })
  notify()
  return { matrixId: target.id, matrixName: target.name, rowId: added[0]?.id ?? null }
}
