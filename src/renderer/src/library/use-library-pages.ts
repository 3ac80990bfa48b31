import { useCallback, useEffect, useRef, useState } from 'react'
import type { ArticleSummary } from '../../../shared/domain-types'
import type { DossierClient } from '../api/client'
import { libraryPageInput, PAGE_SIZE, type LibraryView } from './library-view'

/**
 * The library list a page at a time: only pages the list shows are asked for, and they are
 * forgotten when the sort, the filter or the library changes. Total is null until known.
 */
export function useLibraryPages(client: DossierClient, view: LibraryView, version: number, onError: (err: unknown) => void) {
  const key = `${version} ${JSON.stringify(view)}`
  // Pages and total belong to one view of one version of the library. The first page may already
  // be here (primed at start, app/start-calls.ts): then the first render shows its rows.
  const [loaded, setLoaded] = useState<{ key: string; total: number | null; pages: Map<number, ArticleSummary[]> }>(() => {
    const first = client.takeArrived('library.query', libraryPageInput(view, 0))
    return first ? { key, total: first.total, pages: new Map([[0, first.items]]) } : { key: '', total: null, pages: new Map() }
  })
  const requested = useRef<{ key: string; pages: Set<number> } | null>(null)
  if (requested.current === null) requested.current = { key: loaded.key, pages: new Set(loaded.key ? [0] : []) }

  const fetchPage = useCallback(
    (page: number) => {
      if (requested.current!.key !== key) requested.current = { key, pages: new Set() }
      const asked = requested.current!
      if (asked.pages.has(page)) return
      asked.pages.add(page)
      const parsed = JSON.parse(key.slice(key.indexOf(' ') + 1)) as LibraryView
      client.call('library.query', libraryPageInput(parsed, page)).then(
        (result) =>
          setLoaded((old) => {
            const base = old.key === key ? old.pages : new Map<number, ArticleSummary[]>()
            return { key, total: result.total, pages: new Map(base).set(page, result.items) }
          }),
        (err: unknown) => {
          asked.pages.delete(page)
          onError(err)
        }
      )
    },
    [client, key, onError]
  )

  useEffect(() => fetchPage(0), [fetchPage])

  // Until the first page for a new key arrives, the old rows stay: no flash of an empty list
  // (and no lost scroll position) each time a highlight or a note changes the library.
  const pages = loaded.pages
  const itemAt = useCallback((index: number) => pages?.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE], [pages])

  /** The row of an article among the pages loaded, or null when it is not loaded (or not listed). */
  const indexOf = useCallback(
    (id: string): number | null => {
      for (const [page, items] of pages) {
        const at = items.findIndex((item) => item.id === id)
        if (at >= 0) return page * PAGE_SIZE + at
      }
      return null
    },
    [pages]
  )

  /** Asks for the pages covering rows first..last, if not already asked. */
  const ensure = useCallback(
    (first: number, last: number) => {
      for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) fetchPage(p)
    },
    [fetchPage]
  )

  return { total: loaded.total, itemAt, indexOf, ensure }
}
