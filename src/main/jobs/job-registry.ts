import { randomUUID } from 'node:crypto'
import { DossierError, firstLine, type ErrorInfo } from '../../shared/errors'
import { refuse } from '../../shared/refusals'

/** A background job as a window sees it: how far it got, and how it ended. */
export interface JobState<Result> {
  jobId: string
  /** What kind of work: 'import', 'export', … (a status bar names it; status() checks it). */
  kind: string
  total: number
  done: number
  finished: boolean
  /** Stopped by cancel() before all its work was done. */
  cancelled: boolean
  result: Result | null
  /** Why the job failed, in one line for the analyst; null when it did not fail. */
  error: string | null
  /** The same failure with its stable code (and reason), for the window to word in the analyst's language. */
  failure: ErrorInfo | null
}

/** What a job's work is given: where to report progress, and how to notice it was cancelled. */
export interface JobContext {
  /** Aborted by cancel(): pass it on to work that can stop (a worker pool task stops its worker). */
  signal: AbortSignal
  progress(done: number, total?: number): void
}

export type JobEvent = { type: 'started' | 'progress' | 'finished'; job: JobState<unknown> }

interface Entry {
  state: JobState<unknown>
  abort: AbortController
}

/** How long a finished job's state stays available to the window that asked for it. */
const KEEP_FINISHED_MS = 10 * 60_000

/**
 * Every background job (import, export, and what comes next) runs through one registry: it
 * starts the work and returns at once, keeps the job's progress for polling, cancels it through
 * an AbortSignal, and tells subscribers (a status bar, Electron's event channel) each change.
 */
export class JobRegistry {
  private readonly jobs = new Map<string, Entry>()
  private readonly listeners = new Set<(event: JobEvent) => void>()

  constructor(private readonly keepFinishedMs = KEEP_FINISHED_MS) {}

  start<Result>(kind: string, total: number, run: (context: JobContext) => Promise<Result>): JobState<Result> {
    const entry: Entry = {
      state: { jobId: randomUUID(), kind, total, done: 0, finished: false, cancelled: false, result: null, error: null, failure: null },
      abort: new AbortController()
    }
    const { state } = entry
    this.jobs.set(state.jobId, entry)
    this.emit('started', state)
    const context: JobContext = {
      signal: entry.abort.signal,
      progress: (done, newTotal) => {
        if (state.finished) return
        state.done = done
        if (newTotal !== undefined) state.total = newTotal
        this.emit('progress', state)
      }
    }
    // Begun at once, as far as its first await: a cancel right after start() lets that much finish.
    let work: Promise<Result>
    try {
      work = run(context)
    } catch (err) {
      work = Promise.reject(err)
    }
    void work
      .then(
        (result) => {
          state.result = result
        },
        (err: unknown) => {
          if (err instanceof DossierError && err.code === 'cancelled') return
          state.error = firstLine(err) || 'the job failed'
          state.failure = err instanceof DossierError ? { ...err.toInfo(), message: state.error } : { code: 'internal', message: state.error }
        }
      )
      .finally(() => {
        state.cancelled = entry.abort.signal.aborted && state.done < state.total
        state.finished = true
        this.emit('finished', state)
        setTimeout(() => this.jobs.delete(state.jobId), this.keepFinishedMs).unref()
      })
    return snapshot(state) as JobState<Result>
  }

  /** The job's state now; not_found (naming the kind) for an unknown id or one of another kind. */
  status<Result>(jobId: string, kind: string): JobState<Result> {
    return snapshot(this.find(jobId, kind).state) as JobState<Result>
  }

  /** Asks the job to stop: work not begun is skipped, and work that honours the signal stops now. */
  cancel<Result>(jobId: string, kind: string): JobState<Result> {
    const entry = this.find(jobId, kind)
    if (!entry.state.finished) entry.abort.abort()
    return snapshot(entry.state) as JobState<Result>
  }

  /** Jobs still running, oldest first. */
  running(): JobState<unknown>[] {
    return [...this.jobs.values()].filter((e) => !e.state.finished).map((e) => snapshot(e.state))
  }

  /** Calls the listener on every start, progress and finish; returns the unsubscribe. */
  subscribe(listener: (event: JobEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Cancels every running job (the services are closing). */
  cancelAll(): void {
    for (const entry of this.jobs.values()) if (!entry.state.finished) entry.abort.abort()
  }

  private find(jobId: string, kind: string): Entry {
    const entry = this.jobs.get(jobId)
    if (!entry || entry.state.kind !== kind) throw refuse('missing.job', { kind: kind.replaceAll('-', '_'), id: jobId })
    return entry
  }

  private emit(type: JobEvent['type'], state: JobState<unknown>): void {
    if (this.listeners.size === 0) return
    const event: JobEvent = { type, job: snapshot(state) }
    for (const listener of this.listeners) {
      try {
        listener(event)
      } catch {
        // A listener's failure is its own; the job and the other listeners carry on.
      }
    }
  }
}

function snapshot<T>(state: JobState<T>): JobState<T> {
  return { ...state }
}
