import { randomUUID } from 'node:crypto'
import type { ImportJob, ImportResult } from '../../../shared/domain-types'
import { DossierError } from '../../../shared/errors'
import type { JobRegistry, JobState } from '../../jobs/job-registry'
import { failedImport, type ArticleService } from '../article-service'
import { mapConcurrent } from '../concurrency'
import { collectFiles, type FoundFile } from '../files/collect-files'
import { readImportFile } from '../files/read-import-file'

/** A file's outcome, with the full path the service's result does not carry. */
export interface PathResult {
  path: string
  result: ImportResult
}

/** Imports of files by path: File > Import Folder… as jobs the window polls, and `dossier import`. */
export interface FolderImports {
  /** Starts importing the files under these paths; returns at once with the job's first state. */
  start(paths: readonly string[]): ImportJob
  status(jobId: string): ImportJob
  /** Stops the import: files being parsed are abandoned (their workers stopped), none other starts. */
  cancel(jobId: string): ImportJob
  /** The same pipeline, awaited (the CLI): results in the order of `files`, without the ones a cancel abandoned. */
  importFiles(files: readonly FoundFile[], hooks?: ImportHooks): Promise<PathResult[]>
  /** Imports again, with its password, an encrypted PDF a job reported with this retry token. */
  retryWithPassword(token: string, password: string): Promise<ImportResult>
}

/** Tickets kept for encrypted files of jobs, newest last: enough for a folder of them, never unbounded. */
const MAX_RETRY_TICKETS = 500

export interface ImportHooks {
  signal?: AbortSignal
  /** After each file, with how many are done and its outcome (the same object importFiles returns). */
  onEach?: (done: number, file: PathResult) => void
  /** For encrypted PDFs. */
  password?: string
}

/**
 * Files are imported with as many in flight as the parser can use (its worker pool's capacity),
 * each stored in its own transaction as soon as it is parsed, so a cancelled import leaves whole
 * articles only. One failing file never stops the others.
 */
export function folderImports(jobs: JobRegistry, articles: ArticleService): FolderImports {
  const waiting = new Map<string, string>()
  /** An encrypted file's result gets a ticket the page can redeem with a password; main keeps the path. */
  function ticket(path: string, result: ImportResult, token: string = randomUUID()): ImportResult {
    if (!result.needsPassword) return result
    waiting.delete(token)
    waiting.set(token, path)
    while (waiting.size > MAX_RETRY_TICKETS) waiting.delete(waiting.keys().next().value!)
    return { ...result, retryToken: token }
  }

  async function importFiles(files: readonly FoundFile[], hooks: ImportHooks = {}): Promise<PathResult[]> {
    const { signal } = hooks
    let done = 0
    const results = await mapConcurrent(
      files,
      articles.concurrency,
      async (file): Promise<PathResult | null> => {
        const result = await importOne(articles, file, signal, hooks.password)
        const outcome = result && { path: file.path, result }
        if (outcome) hooks.onEach?.(++done, outcome)
        // Let status polls and other calls in between files, whichever parser runs.
        await new Promise((resolve) => setImmediate(resolve))
        return outcome
      },
      () => signal?.aborted ?? false
    ).finally(() => articles.makeImportsDurable())
    return results.filter((r): r is PathResult => r !== null)
  }

  return {
    start(paths) {
      const files = collectFiles(paths, process.cwd())
      const job = jobs.start<ImportResult[]>('import', files.length, async ({ signal, progress }) =>
        (await importFiles(files, { signal, onEach: (done) => progress(done) })).map((r) => ticket(r.path, r.result))
      )
      return importJob(job)
    },
    status: (jobId) => importJob(jobs.status<ImportResult[]>(jobId, 'import')),
    cancel: (jobId) => importJob(jobs.cancel<ImportResult[]>(jobId, 'import')),
    importFiles,
    async retryWithPassword(token, password) {
      const path = waiting.get(token)
      if (path === undefined) throw new DossierError('not_found', 'This file is no longer waiting for its password: import it again.', { id: 'import.retry_expired', values: {} })
      const result = (await importOne(articles, { path }, undefined, password)) ?? failedImport(path, new Error('cancelled'))
      if (result.needsPassword) return ticket(path, result, token)
      waiting.delete(token)
      return result
    }
  }
}

/** Null when a cancel abandoned the file mid-parse: not imported, and not reported as refused. */
async function importOne(articles: ArticleService, file: FoundFile, signal: AbortSignal | undefined, password: string | undefined): Promise<ImportResult | null> {
  const read = readImportFile(file.path, file.problem, file.skipped, file.reason)
  if ('rejected' in read) return read.rejected
  try {
    return await articles.importFile(read.name, read.bytes, password === undefined ? { signal } : { signal, password })
  } catch (err) {
    // Abandoned mid-parse by cancel: not imported, and not reported as refused. Any other
    // failure (a bug, an exhausted stack) is this file's alone: reported, and the batch goes on.
    return err instanceof DossierError && err.code === 'cancelled' ? null : failedImport(read.name, err)
  }
}

function importJob(state: JobState<ImportResult[]>): ImportJob {
  const { jobId, total, done, finished, cancelled } = state
  return { jobId, total, done, finished, cancelled, results: [...(state.result ?? [])] }
}
