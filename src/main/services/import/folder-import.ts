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
}

export interface ImportHooks {
  signal?: AbortSignal
  onEach?: (done: number) => void
  /** For encrypted PDFs. */
  password?: string
}

/**
 * Files are imported with as many in flight as the parser can use (its worker pool's capacity),
 * each stored in its own transaction as soon as it is parsed, so a cancelled import leaves whole
 * articles only. One failing file never stops the others.
 */
export function folderImports(jobs: JobRegistry, articles: ArticleService): FolderImports {
  async function importFiles(files: readonly FoundFile[], hooks: ImportHooks = {}): Promise<PathResult[]> {
    const { signal } = hooks
    let done = 0
    const results = await mapConcurrent(
      files,
      articles.concurrency,
      async (file): Promise<PathResult | null> => {
        const result = await importOne(articles, file, signal, hooks.password)
        if (result) hooks.onEach?.(++done)
        // Let status polls and other calls in between files, whichever parser runs.
        await new Promise((resolve) => setImmediate(resolve))
        return result && { path: file.path, result }
      },
      () => signal?.aborted ?? false
    )
    return results.filter((r): r is PathResult => r !== null)
  }

  return {
    start(paths) {
      const files = collectFiles(paths, process.cwd())
      const job = jobs.start<ImportResult[]>('import', files.length, async ({ signal, progress }) =>
        (await importFiles(files, { signal, onEach: progress })).map((r) => r.result)
      )
      return importJob(job)
    },
    status: (jobId) => importJob(jobs.status<ImportResult[]>(jobId, 'import')),
    cancel: (jobId) => importJob(jobs.cancel<ImportResult[]>(jobId, 'import')),
    importFiles
  }
}

/** Null when a cancel abandoned the file mid-parse: not imported, and not reported as refused. */
async function importOne(articles: ArticleService, file: FoundFile, signal: AbortSignal | undefined, password: string | undefined): Promise<ImportResult | null> {
  const read = readImportFile(file.path, file.problem, file.skipped)
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
