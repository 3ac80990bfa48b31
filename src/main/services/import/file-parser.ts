import { availableParallelism } from 'node:os'
import { DossierError } from '../../../shared/errors'
import { createWorkerPool } from '../../workers/worker-pool'
import { reanchorAll, type AnchorSelector, type ReanchorResult } from '../../../shared/anchoring/reanchor'
import type { ParseOptions } from './parse-document'
import type { PreparedFile } from './prepared-file'
import type { ArticleAnalysis } from '../../../shared/entities/analyse-article'
import type { ExtractionLibrary } from '../entities/extraction-writer'

/** Turns a file's bytes into a parsed document; where the work runs is the implementation's business. */
export interface FileParser {
  /** How many files are worth having in flight at once. */
  readonly concurrency: number
  parse(name: string, bytes: Uint8Array, options?: ParseCallOptions): Promise<PreparedFile>
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
 * of an import, and the main thread only stores, which takes a millisecond or two. A file that
 * outruns its time budget is reported as too complex to import; a cancelled import stops the
 * workers busy with its files.
 */
export function workerParser(
  workerPath: string,
  size = Math.max(1, Math.min(4, availableParallelism())),
  budgetMs = PARSE_BUDGET_MS,
  library?: ExtractionLibrary
): FileParser {
  // Two per worker, so a worker never idles while its next file crosses the thread boundary.
  const pool = createWorkerPool({ name: 'import worker', script: workerPath, size, tasksPerWorker: 2, budgetMs, warm: 1, ...(library ? { workerData: { library } } : {}) })
  return {
    concurrency: pool.capacity,
    async parse(name, bytes, options) {
      const task: ParseTask = { kind: 'parse', name, bytes, wholeText: options?.wholeText ?? false, password: options?.password, pageUrl: options?.pageUrl }
      const budget = parseBudget(name, bytes, budgetMs)
      try {
        return await pool.run<PreparedFile>(task, { signal: options?.signal, budgetMs: budget })
      } catch (err) {
        if (err instanceof DossierError && err.code === 'too_complex') {
          throw new DossierError(
            'too_complex',
            `${name}: too complex to import (Dossier stopped reading it after ${Math.round(budget / 1000)} s). Its structure is too deeply nested or too large to clean.`
          )
        }
        throw err
      }
    },
    // Re-anchoring a long article can take seconds but is never hostile input: no budget.
    reanchor: (text, selectors) => pool.run<ReanchorResult[]>({ kind: 'reanchor', text, selectors } satisfies ParseTask, { budgetMs: 0 }),
    // Our own extraction of text already cleaned: linear in its length, no budget either.
    analyse: (text, published, language) => pool.run<ArticleAnalysis>({ kind: 'analyse', text, published, language } satisfies ParseTask, { budgetMs: 0 }),
    // Not cancellable by signal: each article is one short transaction, and a worker stopped inside
    // one would only lose it. A cancelled job stops asking for articles instead.
    ...(library ? { extract: (articleId: string, force: boolean) => pool.run<boolean>({ kind: 'extract', articleId, force } satisfies ParseTask, { budgetMs: 0 }) } : {}),
    close: () => pool.close()
  }
}
