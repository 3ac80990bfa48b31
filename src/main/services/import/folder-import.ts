import { basename } from 'node:path'
import type { ImportJob, ImportResult } from '../../../shared/domain-types'
import { DossierError } from '../../../shared/errors'
import type { JobRegistry, JobState } from '../../jobs/job-registry'
import { failedImport, type ArticleService } from '../article-service'
import { mapConcurrent } from '../concurrency'
import { collectFiles } from '../files/collect-files'
import { readImportFile } from '../files/read-import-file'

/** File > Import Folder…: imports of many files by path, as jobs the window polls. */
export interface FolderImports {
  /** Starts importing the files under these paths; returns at once with the job's first state. */
  start(paths: readonly string[]): ImportJob
  status(jobId: string): ImportJob
  /** Stops the import: files being parsed are abandoned (their workers stopped), none other starts. */
  cancel(jobId: string): ImportJob
}

/**
 * Files are imported with as many in flight as the parser can use, each stored in its own
 * transaction, so a cancelled job leaves whole articles only.
 */
export function folderImports(jobs: JobRegistry, articles: ArticleService): FolderImports {
  return {
    start(paths) {
      const files = collectFiles(paths, process.cwd())
      const job = jobs.start<ImportResult[]>('import', files.length, async ({ signal, progress }) => {
        let done = 0
        const results = await mapConcurrent(
          files,
          articles.concurrency,
          async (file): Promise<ImportResult | null> => {
            const read = readImportFile(file.path, file.problem, file.skipped)
            let result: ImportResult | null
            try {
              result = 'rejected' in read ? read.rejected : await articles.importFile(read.name, read.bytes, { signal })
              progress(++done)
            } catch (err) {
              // Abandoned mid-parse by cancel: not imported, and not reported as refused. Any
              // other failure is this file's alone: reported, and the batch goes on.
              result = err instanceof DossierError && err.code === 'cancelled' ? null : failedImport(basename(file.path), err)
              if (result) progress(++done)
            }
            // Let status polls and other calls in between files, whichever parser runs.
            await new Promise((resolve) => setImmediate(resolve))
            return result
          },
          () => signal.aborted
        )
        return results.filter((r): r is ImportResult => r !== null)
      })
      return importJob(job)
    },
    status: (jobId) => importJob(jobs.status<ImportResult[]>(jobId, 'import')),
    cancel: (jobId) => importJob(jobs.cancel<ImportResult[]>(jobId, 'import'))
  }
}

function importJob(state: JobState<ImportResult[]>): ImportJob {
  const { jobId, total, done, finished, cancelled } = state
  return { jobId, total, done, finished, cancelled, results: [...(state.result ?? [])] }
}
