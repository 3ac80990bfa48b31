import { Worker } from 'node:worker_threads'
import { firstLine } from '../../../shared/errors'
import { writeExportFile, type WriteOutcome } from './write-export-file'

/** One file for the writer, with what writeExportFile needs to decide whether it may write it. */
export interface FileToWrite {
  fileName: string
  body: Uint8Array
  sha256: string
  recordedSha: string | null
  mayExist: boolean
}

export type WriteResult = { ok: true; outcome: WriteOutcome } | { ok: false; message: string }

/** Writes a batch of export files into one folder; every file gets a result, a failure does not stop the others. */
export interface ExportWriter {
  write(dir: string, files: readonly FileToWrite[]): Promise<WriteResult[]>
  close(): Promise<void>
}

export interface WriteBatch {
  id: number
  dir: string
  files: readonly FileToWrite[]
}

export interface WriteReply {
  id: number
  results: WriteResult[]
}

/** The batch, written one file after another with synchronous calls (the worker runs this too). */
export function writeBatch(dir: string, files: readonly FileToWrite[]): WriteResult[] {
  return files.map((f) => {
    try {
      const body = Buffer.from(f.body.buffer, f.body.byteOffset, f.body.byteLength)
      return { ok: true, outcome: writeExportFile(dir, f.fileName, { body, sha256: f.sha256 }, f.recordedSha, f.mayExist) }
    } catch (err) {
      return { ok: false, message: firstLine(err) }
    }
  })
}

/** The CLI and tests: each batch is written on this thread, after letting other calls in (as a worker's reply would). */
export function inProcessWriter(): ExportWriter {
  return {
    write: async (dir, files) => {
      await new Promise((resolve) => setImmediate(resolve))
      return writeBatch(dir, files)
    },
    close: async () => undefined
  }
}

/**
 * The app: a worker thread writes each batch while the main thread reads and renders the next.
 * Synchronous writes one after another in one thread beat overlapping writes through libuv's
 * pool on the disks measured (BENCHMARKS.md), so the worker keeps them synchronous.
 */
export function workerWriter(workerPath: string): ExportWriter {
  const worker = new Worker(workerPath)
  const pending = new Map<number, { resolve(results: WriteResult[]): void; reject(err: Error): void }>()
  let nextId = 1
  let failure: Error | null = null
  const fail = (err: Error) => {
    failure ??= err
    for (const p of pending.values()) p.reject(failure)
    pending.clear()
  }
  worker.on('message', (reply: WriteReply) => {
    pending.get(reply.id)?.resolve(reply.results)
    pending.delete(reply.id)
  })
  worker.on('error', (err) => fail(new Error(`the export writer failed: ${err.message}`)))
  worker.on('exit', (code) => fail(new Error(`the export writer stopped (exit ${code})`)))
  return {
    write(dir, files) {
      if (failure) return Promise.reject(failure)
      return new Promise<WriteResult[]>((resolve, reject) => {
        const id = nextId++
        pending.set(id, { resolve, reject })
        // Copied, not transferred: a Buffer may share its memory with others (Node's pool).
        worker.postMessage({ id, dir, files } satisfies WriteBatch)
      })
    },
    async close() {
      failure ??= new Error('the export writer was closed')
      await worker.terminate()
    }
  }
}
