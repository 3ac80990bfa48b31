import type Database from 'better-sqlite3'
import { analyseArticle } from '../../../shared/entities/analyse-article'
import { openWorkerConnection } from '../../db/worker-connection'
import { currentActor } from '../../provenance/log-hash'
import { systemClock } from '../clock'
import { EntityService } from './entity-service'
import { extractArticle, type ExtractionStores } from './extract-article'
import { TimelineService } from './timeline-service'
import { WatchList } from './watch-list'

/** The library a parse worker may write extractions into (its workerData). */
export interface ExtractionLibrary {
  dbPath: string
  nativeBinding?: string
  /** Who the activity log names, as on main's connection (the OS user when not given). */
  actor?: string
}

/**
 * Entity extraction as a parse worker runs it: analysis and storing both on the worker's thread,
 * on a connection of its own to the library the app has open (WAL: the app's reads never wait
 * for it). Storing an article's mentions fires the counting triggers for each, resolves them
 * under the decisions and commits; on the main thread that was 10–50 ms an article and up to half a
 * second under load (BENCHMARKS.md, entities), for every article of a background job.
 */
export function extractionWriter(library: ExtractionLibrary): { extract(articleId: string, force: boolean): Promise<boolean>; close(): void } {
  let db: Database.Database | null = null
  let stores: ExtractionStores | null = null
  const open = (): [Database.Database, ExtractionStores] => {
    if (db && stores) return [db, stores]
    // The app opened (and migrated) the file first; this connection never changes its schema.
    // What it writes is derived from the articles and written again by the next extraction: a
    // power cut may lose the last few commits (each article whole, its entity_extractions row
    // with it, so they are simply extracted again), never corrupt the file (WAL). Not waiting
    // for an fsync per article keeps the write lock short for the app. 16 MB of cache: the
    // entity tables' pages an article's mentions touch, not the app's 64 MB.
    const conn = openWorkerConnection(library.dbPath, { nativeBinding: library.nativeBinding, actor: library.actor ?? currentActor(), synchronous: 'NORMAL', cacheKib: 16384 })
    db = conn
    stores = { entities: new EntityService(conn, systemClock), timeline: new TimelineService(conn, systemClock), watch: new WatchList(conn, systemClock) }
    return [db, stores]
  }
  return {
    extract(articleId, force) {
      const [conn, s] = open()
      return extractArticle(conn, s, async (text, published, language) => analyseArticle(text, published, language), articleId, force)
    },
    close() {
      db?.close()
      db = null
      stores = null
    }
  }
}
