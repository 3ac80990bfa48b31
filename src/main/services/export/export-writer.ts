import type Database from 'better-sqlite3'
import { firstLine } from '../../../shared/errors'
import { createWorkerPool } from '../../workers/worker-pool'
import { storedBodies, type StoredBodies } from './export-renders'
import { writeExportFile, type WriteOutcome } from './write-export-file'

/** One file for the writer, with what writeExportFile needs to decide whether it may write it. */
export interface FileToWrite {
  articleId: string
  fileName: string
  /** The bytes, or null for the article's stored render (migration 014), which the writer reads itself. */
  body: Uint8Array | null
  /** The bytes' hash; for a stored render, the hash the row must still have. */
  sha256: string
  recordedSha: string | null
  mayExist: boolean
}

export type WriteResult =
  | { kind: 'written'; outcome: WriteOutcome }
  | { kind: 'failed'; message: string }
  /** The stored render was gone or different when the writer came to read it (an edit landed meanwhile): nothing written. */
  | { kind: 'stale' }

/** Writes a batch of export files into one folder; every file gets a result, a failure does not stop the others. */
export interface ExportWriter {
  write(dir: string, files: readonly FileToWrite[]): Promise<WriteResult[]>
  close(): Promise<void>
}

/** What the worker needs to open its own read-only connection to the library. */
export interface ExportWriterData {
  dbPath: string
  nativeBinding?: string
}

export interface WriteTask {
  dir: string
  files: readonly FileToWrite[]
}

/** The batch, written one file after another with synchronous calls (the worker runs this too). */
export function writeBatch(dir: string, files: readonly FileToWrite[], stored: () => StoredBodies): WriteResult[] {
  const wanted = files.filter((f) => f.body === null).map((f) => f.articleId)
  let bodies: ReturnType<StoredBodies> = new Map()
  if (wanted.length > 0) {
    try {
      bodies = stored()(wanted)
    } catch {
      // Unreadable here (the library busy or locked): left as stale, so the main thread renders
      // them and sends their bytes. Slower, never wrong.
    }
  }
  return files.map((f): WriteResult => {
    let bytes = f.body
    if (bytes === null) {
      const row = bodies.get(f.articleId)
      if (!row || row.sha256 !== f.sha256) return { kind: 'stale' }
      bytes = row.body
    }
    try {
      const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
      return { kind: 'written', outcome: writeExportFile(dir, f.fileName, { body, sha256: f.sha256 }, f.recordedSha, f.mayExist) }
    } catch (err) {
      return { kind: 'failed', message: firstLine(err) }
    }
  })
}

/** The CLI and tests: each batch is written on this thread, after letting other calls in (as a worker's reply would). */
export function inProcessWriter(db: Database.Database): ExportWriter {
  const stored = storedBodies(db)
  return {
    write: async (dir, files) => {
      await new Promise((resolve) => setImmediate(resolve))
      return writeBatch(dir, files, () => stored)
    },
    close: async () => undefined
  }
}

/**
 * The app: worker threads read stored renders on their own connections and write batches while
 * the main thread names, renders and records the next. Each worker writes its batch one file
 * after another with synchronous calls: eight overlapping writes through libuv's pool were slower
 * on the disks measured; two threads each writing their own batch were faster in memory and no
 * slower on disk (BENCHMARKS.md). The workers live as long as the services (starting one is
 * ≈ 60 ms), holding the process open only while they have work.
 */
export function workerWriter(workerPath: string, data: ExportWriterData, threads = WRITER_THREADS): ExportWriter {
  // Two batches a thread: the next is ready in the worker when it finishes the one it writes.
  const pool = createWorkerPool({ name: 'export writer', script: workerPath, workerData: data, size: threads, tasksPerWorker: 2 })
  return {
    write: (dir, files) => pool.run<WriteResult[]>({ dir, files } satisfies WriteTask),
    close: () => pool.close()
  }
}

/** Writer threads: two, even on two cores, where the main thread's share of an export is the smaller one. */
export const WRITER_THREADS = 2
