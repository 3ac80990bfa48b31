import { randomUUID } from 'node:crypto'
import type { ImportJob, ImportResult } from '../../shared/domain-types'
import { DossierError } from '../../shared/errors'
import type { ArticleService } from './article-service'
import { mapConcurrent } from './concurrency'
import { collectFiles } from './files/collect-files'
import { readImportFile } from './files/read-import-file'

interface Job extends ImportJob {
  cancelRequested: boolean
}

/** How long a finished job's report stays available to the window that asked for it. */
const KEEP_FINISHED_MS = 10 * 60_000

/**
 * Imports of many files (a folder) run as jobs: files one at a time, each stored in its own
 * transaction, so a cancelled job leaves whole articles only, and the caller polls for progress.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, Job>()

  constructor(private readonly articles: ArticleService) {}

  /** Starts importing the files under these paths; returns at once with the job's first state. */
  start(paths: readonly string[]): ImportJob {
    const files = collectFiles(paths, process.cwd())
    const job: Job = {
      jobId: randomUUID(),
      total: files.length,
      done: 0,
      finished: files.length === 0,
      cancelled: false,
      results: [],
      cancelRequested: false
    }
    this.jobs.set(job.jobId, job)
    void (async () => {
      const results = await mapConcurrent(
        files,
        this.articles.concurrency,
        async (file) => {
          const result = await this.importOne(file.path, file.problem)
          job.done += 1
          // Let status polls and other calls in between files, whichever parser runs.
          await new Promise((resolve) => setImmediate(resolve))
          return result
        },
        () => job.cancelRequested
      )
      job.results = results
      job.cancelled = job.cancelRequested && job.done < job.total
      job.finished = true
      setTimeout(() => this.jobs.delete(job.jobId), KEEP_FINISHED_MS).unref()
    })()
    return snapshot(job)
  }

  status(jobId: string): ImportJob {
    return snapshot(this.find(jobId))
  }

  /** Stops after the file being imported now; what was imported stays. */
  cancel(jobId: string): ImportJob {
    const job = this.find(jobId)
    if (!job.finished) job.cancelRequested = true
    return snapshot(job)
  }

  private find(jobId: string): Job {
    const job = this.jobs.get(jobId)
    if (!job) throw new DossierError('not_found', `No import job ${jobId}.`)
    return job
  }

  private async importOne(path: string, problem: string | undefined): Promise<ImportResult> {
    const file = readImportFile(path, problem)
    if ('rejected' in file) return file.rejected
    return this.articles.importFile(file.name, file.bytes)
  }
}

function snapshot(job: Job): ImportJob {
  const { cancelRequested: _internal, ...state } = job
  return { ...state, results: [...job.results] }
}
