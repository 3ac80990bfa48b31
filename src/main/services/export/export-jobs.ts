import { randomUUID } from 'node:crypto'
import { DossierError } from '../../../shared/errors'
import type { ExportReport } from './markdown-export'

export interface ExportJobState {
  jobId: string
  total: number
  done: number
  finished: boolean
  cancelled: boolean
  report: ExportReport | null
  /** Why the export stopped, for the analyst; null when it did not fail. */
  error: string | null
}

interface Job extends ExportJobState {
  cancelRequested: boolean
}

const KEEP_FINISHED_MS = 10 * 60_000

export type ExportRun = (hooks: { onProgress(done: number, total: number): void; shouldStop(): boolean }) => Promise<ExportReport>

/** Long exports run as jobs the window polls for progress, as imports do; cancel stops between batches. */
export class ExportJobs {
  private readonly jobs = new Map<string, Job>()

  /** Starts the run and returns at once. `total` is known before the first file is written. */
  start(total: number, run: ExportRun): ExportJobState {
    const job: Job = { jobId: randomUUID(), total, done: 0, finished: false, cancelled: false, report: null, error: null, cancelRequested: false }
    this.jobs.set(job.jobId, job)
    void run({
      onProgress: (done) => {
        job.done = done
      },
      shouldStop: () => job.cancelRequested
    })
      .then((report) => {
        job.report = report
        job.cancelled = job.cancelRequested && job.done < job.total
      })
      .catch((err: unknown) => {
        job.error = err instanceof Error ? err.message.split('\n', 1)[0]! : String(err)
      })
      .finally(() => {
        job.finished = true
        setTimeout(() => this.jobs.delete(job.jobId), KEEP_FINISHED_MS).unref()
      })
    return snapshot(job)
  }

  status(jobId: string): ExportJobState {
    return snapshot(this.find(jobId))
  }

  cancel(jobId: string): ExportJobState {
    const job = this.find(jobId)
    if (!job.finished) job.cancelRequested = true
    return snapshot(job)
  }

  private find(jobId: string): Job {
    const job = this.jobs.get(jobId)
    if (!job) throw new DossierError('not_found', `No export job ${jobId}.`)
    return job
  }
}

function snapshot(job: Job): ExportJobState {
  const { cancelRequested: _internal, ...state } = job
  return { ...state }
}
