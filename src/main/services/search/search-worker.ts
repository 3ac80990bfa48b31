/**
 * Runs searches in a worker thread on its own read-only connection: ranking and snippets for a
 * common word take long enough that the main process's event loop must not wait for them.
 */
import Database from 'better-sqlite3'
import { parentPort, workerData } from 'node:worker_threads'
import { DossierError, firstLine } from '../../../shared/errors'
import { SearchEngine } from './search-engine'
import type { SearchReply, SearchRequest, SearchWorkerData } from './search-service'

const port = parentPort
if (!port) throw new Error('search-worker must run in a worker thread')
const { dbPath, nativeBinding } = workerData as SearchWorkerData
const db = new Database(dbPath, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
db.pragma('busy_timeout = 5000')
// A walk over common words seeks across the highlights and notes indexes at random; with SQLite's
// default 2 MB cache, half its time went to re-reading pages (100k-article bench: 108 -> 55 ms).
// The cache fills only as pages are read, up to this.
db.pragma('cache_size = -65536')
const engine = new SearchEngine(db)

port.on('message', (request: SearchRequest) => {
  let reply: SearchReply
  try {
    reply = { id: request.id, ok: true, results: engine.search(request.query, { limit: request.limit }) }
  } catch (err) {
    reply = {
      id: request.id,
      ok: false,
      error: err instanceof DossierError ? err.toInfo() : { code: 'internal', message: `search: ${firstLine(err)}` }
    }
  }
  port.postMessage(reply)
})
