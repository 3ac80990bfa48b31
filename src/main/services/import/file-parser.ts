import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { DossierError, type ErrorInfo } from '../../../shared/errors'
import { reanchorAll, type AnchorSelector, type ReanchorResult } from '../../../shared/anchoring/reanchor'
import { parseFile, type ParsedFile, type ParseOptions } from './parse-document'

/** Turns a file's bytes into a parsed document; where the work runs is the implementation's business. */
export interface FileParser {
  /** How many files are worth having in flight at once. */
  readonly concurrency: number
  parse(name: string, bytes: Uint8Array, options?: ParseOptions): Promise<ParsedFile>
  /** Finds highlights again in a changed text: seconds of work on a long article with many highlights. */
  reanchor(text: string, selectors: readonly AnchorSelector[]): Promise<ReanchorResult[]>
  close(): Promise<void>
}

export type ParseRequest =
  | { id: number; kind: 'parse'; name: string; bytes: Uint8Array; wholeText: boolean }
  | { id: number; kind: 'reanchor'; text: string; selectors: readonly AnchorSelector[] }

export type ParseReply =
  | { id: number; ok: true; parsed: ParsedFile }
  | { id: number; ok: true; placed: ReanchorResult[] }
  | { id: number; ok: false; error: ErrorInfo }

/** Parses on the calling thread: for the CLI and tests, where nothing else waits on the event loop. */
export function inProcessParser(): FileParser {
  return {
    concurrency: 1,
    parse: async (name, bytes, options) => parseFile(name, bytes, options),
    reanchor: async (text, selectors) => reanchorAll(text, selectors),
    close: async () => undefined
  }
}

interface Pending {
  resolve(value: ParsedFile | ReanchorResult[]): void
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
      if (!reply.ok) pending.reject(new DossierError(reply.error.code, reply.error.message))
      else pending.resolve('parsed' in reply ? reply.parsed : reply.placed)
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

  function send<T extends ParsedFile | ReanchorResult[]>(request: ParseRequest): Promise<T> {
    const slot = leastBusy()
    return new Promise<T>((resolve, reject) => {
      slot.pending.set(request.id, { resolve: resolve as (value: ParsedFile | ReanchorResult[]) => void, reject })
      slot.worker.postMessage(request)
    })
  }

  // The first import should not wait for a worker to load its HTML parser: start one now.
  spawn(0)

  return {
    // Two per worker, so a worker never idles while its next file crosses the thread boundary.
    concurrency: size * 2,
    parse: (name, bytes, options) => send<ParsedFile>({ id: nextId++, kind: 'parse', name, bytes, wholeText: options?.wholeText ?? false }),
    reanchor: (text, selectors) => send<ReanchorResult[]>({ id: nextId++, kind: 'reanchor', text, selectors }),
    async close() {
      await Promise.all(slots.map((s) => s?.worker.terminate()))
    }
  }
}
