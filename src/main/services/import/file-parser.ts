import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { DossierError, type ErrorInfo } from '../../../shared/errors'
import { parseFile, type ParsedFile, type ParseOptions } from './parse-document'

/** Turns a file's bytes into a parsed document; where the work runs is the implementation's business. */
export interface FileParser {
  /** How many files are worth having in flight at once. */
  readonly concurrency: number
  parse(name: string, bytes: Uint8Array, options?: ParseOptions): Promise<ParsedFile>
  close(): Promise<void>
}

export interface ParseRequest {
  id: number
  name: string
  bytes: Uint8Array
  wholeText: boolean
}

export type ParseReply = { id: number; ok: true; parsed: ParsedFile } | { id: number; ok: false; error: ErrorInfo }

/** Parses on the calling thread: for the CLI and tests, where nothing else waits on the event loop. */
export function inProcessParser(): FileParser {
  return {
    concurrency: 1,
    parse: async (name, bytes, options) => parseFile(name, bytes, options),
    close: async () => undefined
  }
}

interface Pending {
  resolve(parsed: ParsedFile): void
  reject(err: Error): void
}

interface Slot {
  worker: Worker
  pending: Map<number, Pending>
}

/**
 * A small pool of worker threads running parse-worker.js, one per core up to four: parsing is
 * the bulk of an import, and the main thread only stores, which takes a millisecond or two.
 * Requests go to the least busy worker; a worker that dies fails only its own requests and is
 * replaced on the next one.
 */
export function workerParser(workerPath: string, size = Math.max(1, Math.min(4, availableParallelism()))): FileParser {
  const slots: (Slot | null)[] = Array.from({ length: size }, () => null)
  let nextId = 1

  function spawn(index: number): Slot {
    const worker = new Worker(workerPath)
    const slot: Slot = { worker, pending: new Map() }
    worker.on('message', (reply: ParseReply) => {
      const pending = slot.pending.get(reply.id)
      if (!pending) return
      slot.pending.delete(reply.id)
      if (reply.ok) pending.resolve(reply.parsed)
      else pending.reject(new DossierError(reply.error.code, reply.error.message))
    })
    const failAll = (reason: string) => {
      if (slots[index] === slot) slots[index] = null
      for (const p of slot.pending.values()) p.reject(new DossierError('internal', reason))
      slot.pending.clear()
    }
    worker.on('error', (err) => failAll(`the import worker failed: ${err.message}`))
    worker.on('exit', (code) => failAll(`the import worker stopped (exit ${code})`))
    // An idle pool must not keep a CLI process alive.
    worker.unref()
    slots[index] = slot
    return slot
  }

  function leastBusy(): Slot {
    let best = 0
    for (let i = 1; i < slots.length; i++) {
      if ((slots[i]?.pending.size ?? 0) < (slots[best]?.pending.size ?? 0)) best = i
    }
    return slots[best] ?? spawn(best)
  }

  return {
    // Two per worker, so a worker never idles while its next file crosses the thread boundary.
    concurrency: size * 2,
    parse(name, bytes, options) {
      const slot = leastBusy()
      const id = nextId++
      return new Promise<ParsedFile>((resolve, reject) => {
        slot.pending.set(id, { resolve, reject })
        const request: ParseRequest = { id, name, bytes, wholeText: options?.wholeText ?? false }
        slot.worker.postMessage(request)
      })
    },
    async close() {
      await Promise.all(slots.map((s) => s?.worker.terminate()))
    }
  }
}
