import { availableParallelism } from 'node:os'
import { DossierError } from '../../../shared/errors'
import { createWorkerPool } from '../../workers/worker-pool'
import { reanchorAll, type AnchorSelector, type ReanchorResult } from '../../../shared/anchoring/reanchor'
import type { ParseOptions } from './parse-document'
import type { PreparedFile } from './prepared-file'
import type { WorkerImport, WorkerStore } from './store-in-worker'
import type { ArticleAnalysis } from '../../../shared/entities/analyse-article'
import type { ExtractionLibrary } from '../entities/extraction-writer'

/** Turns a file's bytes into a parsed document; where the work runs is the implementation's business. */
export interface FileParser {
  /** How many files are worth having in flight at once. */
  readonly concurrency: number
  parse(name: string, bytes: Uint8Array, options?: ParseCallOptions): Promise<PreparedFile>
  /**
   * Parses and stores a new article where the parse ran, on a connection of its own (decision
   * 0036): only parsers that run off main's thread have it. Storing on the caller's thread is
   * the caller's business (article-service.ts).
   */
  parseAndStore?(name: string, bytes: Uint8Array, options: ParseCallOptions, store: WorkerStore): Promise<WorkerImport>
  /** Finds highlights again in a changed text: seconds of work on a long article with many highlights. */
  reanchor(text: string, selectors: readonly AnchorSelector[]): Promise<ReanchorResult[]>
  /** Entities and dated events of an article's text: a third of a second on a long article. */
  analyse(text: string, published: string | null, language: string | null): Promise<ArticleAnalysis>
  /**
   * Extracts a stored article and stores the result, both off the main thread (true when it
   * stored): only where the workers were given the library (workerParser's `library`).
   */
  extract?(articleId: string, force: boolean): Promise<boolean>
  close(): Promise<void>
}

export interface ParseCallOptions extends ParseOptions {
  /** Aborting stops the file's parse, and the worker busy with it. */
  signal?: AbortSignal
}

export type ParseTask =
  | { kind: 'parse'; name: string; bytes: Uint8Array; wholeText: boolean; password?: string; pageUrl?: string }
  | { kind: 'import'; name: string; bytes: Uint8Array; wholeText: boolean; password?: string; pageUrl?: string; store: WorkerStore }
  | { kind: 'reanchor'; text: string; selectors: readonly AnchorSelector[] }
  | { kind: 'analyse'; text: string; published: string | null; language: string | null }
  | { kind: 'extract'; articleId: string; force: boolean }

/**
 * Parses on the calling thread: for tests, where nothing else waits on the event loop. The parsers
 * (jsdom, pdf.js, mammoth, compromise) load on first use: imported eagerly they cost every start
 * of the app, the web shell and the CLI about two seconds, parse or not.
 */
export function inProcessParser(): FileParser {
  return {
    concurrency: 1,
    parse: async (name, bytes, options) =>
      (await import('./prepared-file')).parseAndPrepare(name, bytes, { wholeText: options?.wholeText, password: options?.password, pageUrl: options?.pageUrl }),
    reanchor: async (text, selectors) => reanchorAll(text, selectors),
    analyse: async (text, published, language) => (await import('../../../shared/entities/analyse-article')).analyseArticle(text, published, language),
    close: async () => undefined
  }
}

/** How long one file may take to parse before it is called too complex and its worker is replaced. */
export const PARSE_BUDGET_MS = 20_000
/** A PDF's parse time grows with its pages, not with hostile structure: it gets this much more per MB… */
const PDF_BUDGET_PER_MB_MS = 20_000
/** …up to this. A 500-page report (≈ 2.5 MB) took 10–25 s on a loaded machine (BENCHMARKS.md, documents). */
const PDF_BUDGET_MAX_MS = 5 * 60_000

/** The time budget of parsing one file: the base budget, and for a PDF more in proportion to its size. */
export function parseBudget(name: string, bytes: Uint8Array, base = PARSE_BUDGET_MS): number {
  const pdf = /\.pdf$/i.test(name) || (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)
  if (!pdf || base <= 0) return base
  return Math.min(Math.max(base, PDF_BUDGET_MAX_MS), base + Math.ceil(bytes.byteLength / 1_048_576) * PDF_BUDGET_PER_MB_MS)
}

/**
 * A pool of worker threads running parse-worker.js, one per core up to four: parsing is the bulk
 * of an import, and a new article is stored by the worker that parsed it (parseAndStore). A file that
 * outruns its time budget is reported as too complex to import; a cancelled import stops the
 * workers busy with its files.
 */
export function workerParser(
  workerPath: string,
  size = Math.max(1, Math.min(4, availableParallelism())),
  budgetMs = PARSE_BUDGET_MS,
  library?: ExtractionLibrary,
  /** Workers started at once (they load jsdom first); the others start when work needs them. */
  warm = 1
): FileParser {
  // Two per worker, so a worker never idles while its next file crosses the thread boundary.
  const pool = createWorkerPool({ name: 'import worker', script: workerPath, size, tasksPerWorker: 2, budgetMs, warm, fillBeforeStarting: true, ...(library ? { workerData: { library } } : {}) })
  return {
    concurrency: pool.capacity,
    parse: (name, bytes, options) =>
      runParse<PreparedFile>(name, bytes, options, {
        kind: 'parse',
        name,
        bytes: sharedCopy(bytes),
        wholeText: options?.wholeText ?? false,
        password: options?.password,
        pageUrl: options?.pageUrl
      }),
    parseAndStore: (name, bytes, options, store) =>
      runParse<WorkerImport>(name, bytes, options, {
        kind: 'import',
        name,
        bytes: sharedCopy(bytes),
        wholeText: options.wholeText ?? false,
        password: options.password,
        pageUrl: options.pageUrl,
        store
      }),
    // Re-anchoring a long article can take seconds but is never hostile input: no budget.
    reanchor: (text, selectors) => pool.run<ReanchorResult[]>({ kind: 'reanchor', text, selectors } satisfies ParseTask, { budgetMs: 0 }),
    // Our own extraction of text already cleaned: linear in its length, no budget either.
    analyse: (text, published, language) => pool.run<ArticleAnalysis>({ kind: 'analyse', text, published, language } satisfies ParseTask, { budgetMs: 0 }),
    // Not cancellable by signal: each article is one short transaction, and a worker stopped inside
    // one would only lose it. A cancelled job stops asking for articles instead.
    ...(library ? { extract: (articleId: string, force: boolean) => pool.run<boolean>({ kind: 'extract', articleId, force } satisfies ParseTask, { budgetMs: 0 }) } : {}),
    close: () => pool.close()
  }

  async function runParse<T>(name: string, bytes: Uint8Array, options: ParseCallOptions | undefined, task: ParseTask): Promise<T> {
    const budget = parseBudget(name, bytes, budgetMs)
    try {
      return await pool.run<T>(task, { signal: options?.signal, budgetMs: budget })
    } catch (err) {
      if (err instanceof DossierError && err.code === 'too_complex') {
        throw new DossierError(
          'too_complex',
          `${name}: too complex to import (Dossier stopped reading it after ${Math.round(budget / 1000)} s). Its structure is too deeply nested or too large to clean.`,
          { id: 'import.too_slow', values: { file: name, seconds: Math.round(budget / 1000) } }
        )
      }
      throw err
    }
  }
}

/**
 * The file's bytes in shared memory: posting a plain array makes the structured clone serialize
 * it on main (a 2.5 MB PDF took 17–110 ms of main's thread on the shared machine), posting a view
 * of shared memory is O(1), and the pool can still post it again to a replacement worker (a
 * transferred buffer could not be). One memcpy here; the worker copies it out (parse-worker.ts).
 */
export function sharedCopy(bytes: Uint8Array): Uint8Array {
  const shared = new Uint8Array(new SharedArrayBuffer(bytes.byteLength))
  shared.set(bytes)
  return shared
}

/** A worker's own copy of bytes posted in shared memory: the parsers and TextDecoder expect a plain buffer. */
export function ownCopy(bytes: Uint8Array): Uint8Array {
  return bytes.buffer instanceof SharedArrayBuffer ? new Uint8Array(bytes) : bytes
}
