import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { DossierError } from '../../shared/errors'
import { createWorkerPool, TaskSuperseded, type WorkerPool, type WorkerPoolOptions } from './worker-pool'

/**
 * A stand-in worker speaking the pool's protocol (task-protocol.ts), so the pool is tested on its
 * own: it echoes after a delay, spins forever, dies, or refuses, as each task asks, and says which
 * thread ran the task and how many it was running at once.
 */
const WORKER = `
const { parentPort, threadId } = require('node:worker_threads')
let running = 0
parentPort.on('message', ({ id, task }) => {
  parentPort.postMessage({ id, started: true })
  running++
  const peak = running
  const answer = (value) => { running--; parentPort.postMessage({ id, ok: true, value }) }
  if (task.op === 'crash') process.exit(3)
  if (task.op === 'spin') { for (;;) {} }
  if (task.op === 'refuse') { running--; return parentPort.postMessage({ id, ok: false, error: { code: 'empty_file', message: task.name + ': empty' } }) }
  if (task.op === 'block') { const until = Date.now() + task.ms; while (Date.now() < until) {} return answer({ v: task.v, thread: threadId, peak }) }
  setTimeout(() => answer({ v: task.v, thread: threadId, peak }), task.ms ?? 5)
})
`

const dir = mkdtempSync(join(tmpdir(), 'dossier-pool-'))
const script = join(dir, 'worker.cjs')
writeFileSync(script, WORKER)
const broken = join(dir, 'broken.cjs')
writeFileSync(broken, `throw new Error('cannot load')`)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let pool: WorkerPool | null = null
afterEach(async () => {
  await pool?.close()
  pool = null
})

function makePool(options: Partial<WorkerPoolOptions> = {}): WorkerPool {
  pool = createWorkerPool({ name: 'test worker', script, size: 2, ...options })
  return pool
}

interface Echo {
  v: number
  thread: number
  peak: number
}

const caught = (promise: Promise<unknown>) => promise.then(
  () => null,
  (err: unknown) => err
)

describe('the worker pool', () => {
  it('answers each task with its own result and spreads tasks over its workers', async () => {
    const p = makePool()
    const results = await Promise.all([1, 2, 3, 4].map((v) => p.run<Echo>({ op: 'echo', v, ms: 30 })))
    expect(results.map((r) => r.v)).toEqual([1, 2, 3, 4])
    expect(new Set(results.map((r) => r.thread)).size).toBe(2)
    expect(p.capacity).toBe(2)
  })

  it('turns a refusal into a DossierError with the worker’s code and message', async () => {
    const err = await caught(makePool().run({ op: 'refuse', name: 'bad.txt' }))
    expect(err).toBeInstanceOf(DossierError)
    expect(err).toMatchObject({ code: 'empty_file', message: 'bad.txt: empty' })
  })

  it('fails only the task a dying worker was running, runs the one it held next elsewhere, and replaces the worker', async () => {
    const p = makePool({ size: 1, tasksPerWorker: 2 })
    const [dead, held] = await Promise.allSettled([p.run({ op: 'crash' }), p.run<Echo>({ op: 'echo', v: 7 })])
    expect(dead).toMatchObject({ status: 'rejected', reason: { code: 'internal', message: 'the test worker stopped (exit 3)' } })
    expect(held).toMatchObject({ status: 'fulfilled', value: { v: 7 } })
    expect((await p.run<Echo>({ op: 'echo', v: 8 })).v).toBe(8)
    expect(p.stats().workers).toBe(1)
  })

  it('spreads tasks over workers, starting them as needed', async () => {
    const p = makePool({ size: 2, tasksPerWorker: 2 })
    const [a, b] = await Promise.all([p.run<Echo>({ op: 'echo', v: 1, ms: 100 }), p.run<Echo>({ op: 'echo', v: 2 })])
    expect(a.thread).not.toBe(b.thread)
  })

  it('with fillBeforeStarting, gives a task to a running worker with room rather than start another, and starts one once every worker is full', async () => {
    const p = makePool({ size: 2, tasksPerWorker: 2, fillBeforeStarting: true })
    const first = p.run<Echo>({ op: 'echo', v: 1, ms: 200 })
    const second = p.run<Echo>({ op: 'echo', v: 2 })
    expect(p.stats()).toMatchObject({ workers: 1, inFlight: 2 })
    const third = p.run<Echo>({ op: 'echo', v: 3, ms: 200 })
    expect(p.stats()).toMatchObject({ workers: 2, inFlight: 3 })
    const [a, b, c] = await Promise.all([first, second, third])
    expect(b.thread).toBe(a.thread)
    expect(c.thread).not.toBe(a.thread)
  })

  it('fails its tasks, without retrying them forever, when the worker cannot start', async () => {
    pool = createWorkerPool({ name: 'test worker', script: broken, size: 1 })
    const err = await caught(pool.run({ op: 'echo', v: 1 }))
    expect(err).toMatchObject({ code: 'internal', message: expect.stringContaining('cannot load') })
    expect(pool.stats()).toMatchObject({ inFlight: 0, queued: 0 })
  })

  it('keeps at most its capacity in flight and queues the rest (back-pressure)', async () => {
    const p = makePool({ size: 2, tasksPerWorker: 1 })
    const tasks = [1, 2, 3, 4, 5, 6].map((v) => p.run<Echo>({ op: 'echo', v, ms: 40 }))
    expect(p.stats()).toEqual({ workers: 2, inFlight: 2, queued: 4 })
    const results = await Promise.all(tasks)
    expect(Math.max(...results.map((r) => r.peak))).toBe(1)
    expect(p.stats()).toMatchObject({ inFlight: 0, queued: 0 })
  })

  it('refuses work beyond its queue with a typed busy error, and takes it again once the queue drains', async () => {
    const p = makePool({ size: 1, maxQueued: 2 })
    const accepted = [1, 2, 3].map((v) => p.run<Echo>({ op: 'echo', v, ms: 30 }))
    const refused = await caught(p.run({ op: 'echo', v: 4 }))
    expect(refused).toMatchObject({ code: 'busy', message: expect.stringContaining('2 tasks waiting') })
    await Promise.all(accepted)
    expect((await p.run<Echo>({ op: 'echo', v: 5 })).v).toBe(5)
  })

  it('cancels a waiting task without running it', async () => {
    const p = makePool({ size: 1 })
    const first = p.run<Echo>({ op: 'echo', v: 1, ms: 50 })
    const abort = new AbortController()
    const second = caught(p.run({ op: 'echo', v: 2 }, { signal: abort.signal }))
    abort.abort()
    expect(await second).toMatchObject({ code: 'cancelled' })
    expect((await first).v).toBe(1)
    expect(p.stats()).toMatchObject({ inFlight: 0, queued: 0 })
  })

  it('stops a busy worker when its task is cancelled, and carries on with a new worker', async () => {
    const p = makePool({ size: 1 })
    const before = (await p.run<Echo>({ op: 'echo', v: 0 })).thread
    const abort = new AbortController()
    const spinning = caught(p.run({ op: 'spin' }, { signal: abort.signal }))
    await new Promise((resolve) => setTimeout(resolve, 100))
    const started = Date.now()
    abort.abort()
    expect(await spinning).toMatchObject({ code: 'cancelled' })
    expect(Date.now() - started).toBeLessThan(1000)
    const after = await p.run<Echo>({ op: 'echo', v: 1 })
    expect(after.v).toBe(1)
    expect(after.thread).not.toBe(before)
  })

  it('answers a task cancelled while it waits inside a worker at once, and stops that worker when it reaches it', async () => {
    const p = makePool({ size: 1, tasksPerWorker: 2 })
    const first = p.run<Echo>({ op: 'block', v: 1, ms: 300 })
    const abort = new AbortController()
    const spin = caught(p.run({ op: 'spin' }, { signal: abort.signal }))
    abort.abort()
    expect(await spin).toMatchObject({ code: 'cancelled' })
    const { thread } = await first
    const next = await p.run<Echo>({ op: 'echo', v: 2 })
    expect(next.v).toBe(2)
    expect(next.thread).not.toBe(thread)
  })

  it('stops a task that outruns its time budget with a typed too_complex error, and blames no other task', async () => {
    const p = makePool({ size: 1, tasksPerWorker: 2, budgetMs: 300 })
    const started = Date.now()
    // The second task waits inside the same worker behind the spinning one: its budget has not begun.
    const [spin, behind] = await Promise.allSettled([p.run({ op: 'spin' }), p.run<Echo>({ op: 'echo', v: 2 })])
    expect(spin).toMatchObject({ status: 'rejected', reason: { code: 'too_complex', message: 'the test worker gave up after 0.3 s' } })
    expect(Date.now() - started).toBeLessThan(3000)
    expect(behind).toMatchObject({ status: 'fulfilled', value: { v: 2 } })
  })

  it('charges the budget from when a task starts, not while it waits for a worker', async () => {
    const p = makePool({ size: 1, budgetMs: 1000 })
    // Each runs 0.6 s; the third waits 1.2 s first, which a budget charged from the call would exceed.
    const results = await Promise.all([1, 2, 3].map((v) => p.run<Echo>({ op: 'block', v, ms: 600 })))
    expect(results.map((r) => r.v)).toEqual([1, 2, 3])
  })

  it('lets one task have a budget of its own', async () => {
    const p = makePool({ size: 1 })
    expect(await caught(p.run({ op: 'spin' }, { budgetMs: 100 }))).toMatchObject({ code: 'too_complex' })
  })

  it('replaces a waiting task by a newer one with the same key', async () => {
    const p = makePool({ size: 1 })
    const running = p.run<Echo>({ op: 'echo', v: 1, ms: 50 }, { key: 'box' })
    const replaced = caught(p.run({ op: 'echo', v: 2 }, { key: 'box' }))
    const latest = p.run<Echo>({ op: 'echo', v: 3 }, { key: 'box' })
    expect(await replaced).toBeInstanceOf(TaskSuperseded)
    expect((await running).v).toBe(1)
    expect((await latest).v).toBe(3)
  })

  it('fails what is queued or running when closed, and refuses work after', async () => {
    const p = makePool({ size: 1 })
    const running = caught(p.run({ op: 'echo', v: 1, ms: 200 }))
    const queued = caught(p.run({ op: 'echo', v: 2 }))
    await p.close()
    expect(await running).toMatchObject({ message: 'the test worker was closed' })
    expect(await queued).toMatchObject({ message: 'the test worker was closed' })
    await expect(p.run({ op: 'echo', v: 3 })).rejects.toThrow('the test worker was closed')
  })
})
