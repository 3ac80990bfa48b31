import type Database from 'better-sqlite3'
import { createWorkerPool, TaskSuperseded } from '../../workers/worker-pool'
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
export interface SearchTask {
  query: string
  limit: number
}

const SUPERSEDED: SearchResults = { groups: [], truncated: false, notice: null, superseded: true }

/** On the calling thread: for the CLI, where no window waits on the event loop, and for tests. */
export function inProcessSearch(db: Database.Database): SearchService {
  const engine = new SearchEngine(db)
  return {
    search: async (query, { limit }) => engine.search(query, { limit }),
    close: async () => undefined
  }
}

/**
 * One worker thread with its own read-only connection (WAL lets it read while main writes).
 * Searches run one at a time in arrival order; a waiting search with the same key as a newer
 * one is answered as superseded without running.
 */
export function workerSearch(workerPath: string, data: SearchWorkerData): SearchService {
  const pool = createWorkerPool({ name: 'search worker', script: workerPath, workerData: data, size: 1 })
  let closed = false
  return {
    async search(query, { limit, key }) {
      try {
        return await pool.run<SearchResults>({ query, limit } satisfies SearchTask, { key })
      } catch (err) {
        // Replaced by a newer search, or the window closing: nobody waits for the answer.
        if (err instanceof TaskSuperseded || closed) return SUPERSEDED
        throw err
      }
    },
    close() {
      closed = true
      return pool.close()
    }
  }
}
