import type Database from 'better-sqlite3'
import { Worker } from 'node:worker_threads'
import { DossierError, type ErrorInfo } from '../../../shared/errors'
import type { SearchResults } from '../../../shared/search/search-types'
import { SearchEngine } from './search-engine'

export interface SearchRequestOptions {
  limit: number
  /**
   * Requests with the same key replace each other while waiting: a search box typed into fast
   * gets only its latest query run, and the skipped ones come back marked superseded.
   */
  key?: string
}

export interface SearchService {
  search(query: string, options: SearchRequestOptions): Promise<SearchResults>
  close(): Promise<void>
}

export interface SearchWorkerData {
  dbPath: string
  nativeBinding?: string
}
export interface SearchRequest {
  id: number
  query: string
  limit: number
}
export type SearchReply = { id: number; ok: true; results: SearchResults } | { id: number; ok: false; error: ErrorInfo }

const SUPERSEDED: SearchResults = { groups: [], truncated: false, notice: null, superseded: true }

/** On the calling thread: for the CLI, where no window waits on the event loop, and for tests. */
export function inProcessSearch(db: Database.Database): SearchService {
  const engine = new SearchEngine(db)
  return {
    search: async (query, { limit }) => engine.search(query, { limit }),
    close: async () => undefined
  }
}

interface Queued {
  request: SearchRequest
  key: string | undefined
  resolve(results: SearchResults): void
  reject(err: Error): void
}

/**
 * One worker thread with its own read-only connection (WAL lets it read while main writes).
 * Searches run one at a time in arrival order; a waiting search with the same key as a newer
 * one is answered as superseded without running.
 */
export function workerSearch(workerPath: string, data: SearchWorkerData): SearchService {
  let worker: Worker | null = null
  let running: Queued | null = null
  const waiting: Queued[] = []
  let nextId = 1

  function spawn(): Worker {
    const w = new Worker(workerPath, { workerData: data })
    w.on('message', (reply: SearchReply) => {
      const done = running
      if (!done || done.request.id !== reply.id) return
      running = null
      if (reply.ok) done.resolve(reply.results)
      else done.reject(new DossierError(reply.error.code, reply.error.message))
      pump()
    })
    const fail = (reason: string) => {
      if (worker === w) worker = null
      const lost = running
      running = null
      lost?.reject(new DossierError('internal', reason))
      pump()
    }
    w.on('error', (err) => fail(`the search worker failed: ${err.message}`))
    w.on('exit', (code) => fail(`the search worker stopped (exit ${code})`))
    w.unref()
    return w
  }

  function pump(): void {
    if (running || waiting.length === 0) return
    running = waiting.shift()!
    worker ??= spawn()
    worker.postMessage(running.request)
  }

  return {
    search(query, { limit, key }) {
      return new Promise<SearchResults>((resolve, reject) => {
        if (key !== undefined) {
          for (let i = waiting.length - 1; i >= 0; i--) {
            if (waiting[i]!.key === key) waiting.splice(i, 1)[0]!.resolve(SUPERSEDED)
          }
        }
        waiting.push({ request: { id: nextId++, query, limit }, key, resolve, reject })
        pump()
      })
    },
    async close() {
      for (const q of waiting.splice(0)) q.resolve(SUPERSEDED)
      const w = worker
      worker = null
      await w?.terminate()
    }
  }
}
