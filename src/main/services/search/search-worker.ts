/**
 * Runs searches in a worker thread on its own read-only connection: ranking and snippets for a
 * common word take long enough that the main process's event loop must not wait for them.
 */
import Database from 'better-sqlite3'
import { workerData } from 'node:worker_threads'
import { serveTasks } from '../../workers/serve-tasks'
import { SearchEngine } from './search-engine'
import type { SearchTask, SearchWorkerData } from './search-service'

const { dbPath, nativeBinding } = workerData as SearchWorkerData
const db = new Database(dbPath, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
db.pragma('busy_timeout = 5000')
// A walk over common words seeks across the highlights and notes indexes at random; with SQLite's
// default 2 MB cache, half its time went to re-reading pages (100k-article bench: 108 -> 55 ms).
// The cache fills only as pages are read, up to this.
db.pragma('cache_size = -65536')
const engine = new SearchEngine(db)

serveTasks(
  (task: SearchTask) => engine.search(task.query, { limit: task.limit }),
  () => 'search'
)
