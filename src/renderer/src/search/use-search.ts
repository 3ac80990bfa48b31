import { useEffect, useRef, useState } from 'react'
import { asTyped } from '../../../shared/search/parse-query'
import type { SearchResults } from '../../../shared/search/search-types'
import type { DossierClient } from '../api/client'

const DEBOUNCE_MS = 120

export interface SearchState {
  results: SearchResults | null
  /** Results for an older query are shown while the newest one runs. */
  pending: boolean
  /** The failure as caught (an ApiError carries its code), worded where it is shown. */
  error: unknown
}

/**
 * Results for a query as it is typed: debounced, run in main's search worker under one key (so
 * a waiting older query is dropped there), and any answer to a query that is no longer the
 * latest is ignored here.
 */
export function useSearch(client: DossierClient, typed: string, refresh: number, scope = ''): SearchState {
  const [answer, setAnswer] = useState<{ results: SearchResults | null; query: string; error: unknown }>({ results: null, query: '', error: null })
  const latest = useRef(0)
  // The scope (the open case's operator) goes first, so the last word typed stays a prefix search.
  const wanted = typed.trim() ? (scope ? `${scope} ${typed}` : typed) : ''
  useEffect(() => {
    const ticket = ++latest.current
    if (!wanted) return
    const timer = setTimeout(() => {
      client.call('search.query', { query: asTyped(wanted), limit: 30, key: 'search-panel' }).then(
        (results) => {
          if (ticket !== latest.current || results.superseded) return
          setAnswer({ results, query: wanted, error: null })
        },
        (err: unknown) => {
          if (ticket !== latest.current) return
          setAnswer({ results: null, query: wanted, error: err ?? new Error(String(err)) })
        }
      )
    }, DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [client, wanted, refresh])
  if (!wanted) return { results: null, pending: false, error: null }
  return { results: answer.results, pending: answer.query !== wanted, error: answer.query === wanted ? answer.error : null }
}
