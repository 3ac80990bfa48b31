import type Database from 'better-sqlite3'
import { SYNCHRONOUS } from '../../db/connection-settings'
import { openWorkerConnection } from '../../db/worker-connection'
import { withWriteTurn, type WriteTurns } from '../../db/write-turns'
import { analysisOnStore, sourceOfNew } from '../analysis/import-analysis'
import { NearDuplicates } from '../analysis/near-duplicates'
import { SourceService } from '../analysis/source-service'
import { reportOf, type ImportReport } from './import-report'
import { parseAndPrepare, type PreparedFile } from './prepared-file'
import type { ParseOptions } from './parse-document'
import { storeNewArticle, type NewArticleInput } from './store-article'

/** Where and how a parse worker stores the new article it parsed: plain data, sent with the task. */
export interface WorkerStore {
  dbPath: string
  nativeBinding?: string
  /** Who the activity log names (provenance/log-hash.ts): main's connection registers the same. */
  actor: string
  article: Omit<NewArticleInput, 'name' | 'bytes'>
  /** The hooks' step to run in the storing transaction (import-analysis.ts), or none. */
  step: 'import-analysis' | null
  /** The library's write turns, shared by every worker that writes to it (db/write-turns.ts). */
  writeTurns?: WriteTurns
  /** A bulk import's commits, made durable by main when the batch ends (decision 0050); FULL otherwise. */
  synchronous?: 'NORMAL'
}

/** A parse worker's answer to an import: stored, or what main must do instead. */
export type WorkerImport =
  | { kind: 'stored'; id: string; report: ImportReport }
  | { kind: 'duplicate'; existing: { id: string; title: string }; report: ImportReport }
  /** A newer version of an article: main replaces the text and re-anchors highlights (article-service.ts). */
  | { kind: 'newer-version'; earlier: { id: string; title: string }; prepared: PreparedFile }

/**
 * Parses a file and stores it as a new article on this worker's own connection (decision 0036):
 * writing a 500-page report's row, its search index and its original (≈ 6 MB) took main's event
 * loop 400–700 ms in one synchronous call. Main's connection only reads meanwhile (WAL), and a
 * write of main's waits for this short transaction through its busy timeout.
 */
export async function parseAndStore(name: string, bytes: Uint8Array, options: ParseOptions, store: WorkerStore): Promise<WorkerImport> {
  const prepared = await parseAndPrepare(name, bytes, options)
  const db = connection(store)
  const sources = store.step === 'import-analysis' ? new SourceService(db, () => store.article.importedAt) : undefined
  const step = sources && analysisOnStore(sources, new NearDuplicates(db))
  const outcome = withWriteTurn(store.writeTurns, () =>
    storeNewArticle(db, { ...store.article, name, bytes }, prepared, step && ((article) => step(article, true)), sources && sourceOfNew(sources))
  )
  if (outcome.kind === 'newer-version') return { ...outcome, prepared }
  return { ...outcome, report: reportOf(prepared) }
}

const connections = new Map<string, Database.Database>()

/**
 * One connection per library, actor and durability, kept for the worker's life (it closes with
 * the worker, rolling back whatever a terminated worker left open), with the durability of the
 * analyst's own writes unless a bulk import asked to sync once at its end.
 */
function connection({ dbPath, nativeBinding, actor, synchronous }: WorkerStore): Database.Database {
  const key = `${dbPath}\0${actor}\0${synchronous ?? SYNCHRONOUS}`
  let db = connections.get(key)
  if (!db) {
    db = openWorkerConnection(dbPath, { nativeBinding, actor, synchronous: synchronous ?? SYNCHRONOUS })
    connections.set(key, db)
  }
  return db
}
