import { useCallback, useSyncExternalStore } from 'react'

/**
 * Which view each PDF is read in (Text or Page) and the page it was left at, remembered per
 * document in this window's storage. A search result or a highlight's page reference asks for a
 * page through `showPage`; the open reader follows.
 */
export type ReaderMode = 'text' | 'page'

export interface PageViewState {
  mode: ReaderMode
  page: number
  /** Bumped by showPage, so asking twice for the same page scrolls there twice. */
  request: number
}

const KEY = 'dossier.pageView.'
const listeners = new Set<() => void>()
const cache = new Map<string, PageViewState>()
let requests = 0

function read(articleId: string): PageViewState {
  const cached = cache.get(articleId)
  if (cached) return cached
  let state: PageViewState = { mode: 'text', page: 1, request: 0 }
  try {
    const stored = JSON.parse(localStorage.getItem(KEY + articleId) ?? 'null') as { mode?: unknown; page?: unknown } | null
    if (stored && (stored.mode === 'text' || stored.mode === 'page')) {
      state = { mode: stored.mode, page: Number.isInteger(stored.page) && (stored.page as number) > 0 ? (stored.page as number) : 1, request: 0 }
    }
  } catch {
    // Storage unavailable or garbled: start in the text view.
  }
  cache.set(articleId, state)
  return state
}

function write(articleId: string, patch: Partial<PageViewState>): void {
  const next = { ...read(articleId), ...patch }
  cache.set(articleId, next)
  try {
    localStorage.setItem(KEY + articleId, JSON.stringify({ mode: next.mode, page: next.page }))
  } catch {
    // Remembering is a convenience; the view still switches.
  }
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Opens the Page view of a PDF at a page (the article itself is opened by the caller). */
export function showPage(articleId: string, page: number): void {
  write(articleId, { mode: 'page', page, request: ++requests })
}

export function usePageViewState(articleId: string) {
  const state = useSyncExternalStore(subscribe, () => read(articleId))
  const setMode = useCallback((mode: ReaderMode, page?: number) => write(articleId, page ? { mode, page, request: ++requests } : { mode }), [articleId])
  const setPage = useCallback((page: number) => {
    if (read(articleId).page !== page) write(articleId, { page })
  }, [articleId])
  return { ...state, setMode, setPage }
}
