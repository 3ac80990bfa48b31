import { describe, expect, it, vi } from 'vitest'
import { DossierError } from '../../shared/errors'
import { JobRegistry, type JobEvent } from './job-registry'

/** A job whose steps the test releases one at a time. */
function steps() {
  const waiting: (() => void)[] = []
  return {
    next: () => new Promise<void>((resolve) => waiting.push(resolve)),
    release: async () => {
      await vi.waitFor(() => expect(waiting.length).toBeGreaterThan(0))
      waiting.shift()!()
    }
  }
}

describe('the job registry', () => {
  it('returns at once, reports progress while the work runs, and keeps the result', async () => {
    const jobs = new JobRegistry()
    const gate = steps()
    const started = jobs.start('export', 2, async ({ progress }) => {
      await gate.next()
      progress(1)
      await gate.next()
      progress(2)
      return 'report'
    })
    expect(started).toMatchObject({ kind: 'export', total: 2, done: 0, finished: false, result: null })
    await gate.release()
    await vi.waitFor(() => expect(jobs.status(started.jobId, 'export').done).toBe(1))
    expect(jobs.running().map((j) => j.jobId)).toEqual([started.jobId])
    await gate.release()
    await vi.waitFor(() => expect(jobs.status(started.jobId, 'export').finished).toBe(true))
    expect(jobs.status(started.jobId, 'export')).toMatchObject({ done: 2, cancelled: false, result: 'report', error: null })
    expect(jobs.running()).toEqual([])
  })

  it('cancels through the signal: the work stops, and the job says it was cancelled', async () => {
    const jobs = new JobRegistry()
    const gate = steps()
    let stoppedAt = -1
    const started = jobs.start('import', 5, async ({ signal, progress }) => {
      for (let i = 1; i <= 5; i++) {
        if (signal.aborted) {
          stoppedAt = i
          break
        }
        await gate.next()
        progress(i)
      }
      return 'partial'
    })
    await gate.release()
    await vi.waitFor(() => expect(jobs.status(started.jobId, 'import').done).toBe(1))
    expect(jobs.cancel(started.jobId, 'import').finished).toBe(false)
    await gate.release()
    await vi.waitFor(() => expect(jobs.status(started.jobId, 'import').finished).toBe(true))
    expect(jobs.status(started.jobId, 'import')).toMatchObject({ done: 2, cancelled: true, result: 'partial', error: null })
    expect(stoppedAt).toBe(3)
  })

  it('counts a job that finished all its work before the cancel arrived as not cancelled', async () => {
    const jobs = new JobRegistry()
    const started = jobs.start('export', 1, async ({ progress }) => {
      progress(1)
      return 'done'
    })
    jobs.cancel(started.jobId, 'export')
    await vi.waitFor(() => expect(jobs.status(started.jobId, 'export').finished).toBe(true))
    expect(jobs.status(started.jobId, 'export')).toMatchObject({ cancelled: false, result: 'done' })
  })

  it('keeps a failure as one line for the analyst, and a cancelled error as a cancel', async () => {
    const jobs = new JobRegistry()
    const failing = jobs.start('export', 3, async () => {
      throw new Error('EACCES: permission denied, open /out/a.md\n    at write (fs.js:1)')
    })
    const abandoned = jobs.start('import', 3, async ({ signal }) => {
      await new Promise((resolve) => signal.addEventListener('abort', resolve))
      throw new DossierError('cancelled', 'stopped')
    })
    jobs.cancel(abandoned.jobId, 'import')
    await vi.waitFor(() => expect(jobs.status(failing.jobId, 'export').finished).toBe(true))
    await vi.waitFor(() => expect(jobs.status(abandoned.jobId, 'import').finished).toBe(true))
    expect(jobs.status(failing.jobId, 'export')).toMatchObject({ error: 'EACCES: permission denied, open /out/a.md', result: null })
    expect(jobs.status(abandoned.jobId, 'import')).toMatchObject({ error: null, cancelled: true })
  })

  it('tells subscribers of each start, progress and finish, and stops when unsubscribed', async () => {
    const jobs = new JobRegistry()
    const events: JobEvent[] = []
    const unsubscribe = jobs.subscribe((e) => events.push(e))
    jobs.subscribe(() => {
      throw new Error('a broken listener')
    })
    const started = jobs.start('export', 2, async ({ progress }) => {
      progress(1)
      progress(2, 2)
      return null
    })
    await vi.waitFor(() => expect(jobs.status(started.jobId, 'export').finished).toBe(true))
    expect(events.map((e) => [e.type, e.job.done])).toEqual([
      ['started', 0],
      ['progress', 1],
      ['progress', 2],
      ['finished', 2]
    ])
    unsubscribe()
    jobs.start('export', 0, async () => null)
    expect(events).toHaveLength(4)
  })

  it('answers not_found, naming the kind, for an unknown job or one of another kind', () => {
    const jobs = new JobRegistry()
    const started = jobs.start('export', 1, () => new Promise(() => undefined))
    expect(() => jobs.status('nope', 'import')).toThrow('No import job nope.')
    expect(() => jobs.status(started.jobId, 'import')).toThrow(DossierError)
    expect(() => jobs.cancel(started.jobId, 'import')).toThrow(/No import job/)
  })

  it('forgets a finished job after a while', async () => {
    const jobs = new JobRegistry(50)
    const started = jobs.start('export', 0, async () => 'x')
    // Waited for longer than vitest's 1 s default: on a busy machine the 50 ms timer fires late.
    await vi.waitFor(() => expect(jobs.status(started.jobId, 'export').finished).toBe(true), { timeout: 10_000 })
    await vi.waitFor(() => expect(() => jobs.status(started.jobId, 'export')).toThrow(/No export job/), { timeout: 10_000 })
  })

  it('cancels every running job when the services close', async () => {
    const jobs = new JobRegistry()
    const signals: AbortSignal[] = []
    for (const kind of ['import', 'export']) {
      jobs.start(kind, 1, ({ signal }) => {
        signals.push(signal)
        return new Promise((resolve) => signal.addEventListener('abort', () => resolve(null)))
      })
    }
    jobs.cancelAll()
    expect(signals.every((s) => s.aborted)).toBe(true)
    await vi.waitFor(() => expect(jobs.running()).toEqual([]))
  })
})
