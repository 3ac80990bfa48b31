import { Worker } from 'node:worker_threads'
import { DossierError } from '../../shared/errors'
import { refuse } from '../../shared/refusals'
import type { TaskMessage, TaskReply } from './task-protocol'

export interface WorkerPoolOptions {
  /** Names the workers in messages to the analyst: "the import worker stopped (exit 1)". */
  name: string
  /** The built worker script; it answers tasks with serveTasks() (serve-tasks.ts). */
  script: string
  workerData?: unknown
  /** Worker threads at most; each is started when first needed and replaced when it dies. */
  size: number
  /**
   * Tasks a worker holds at once. Two keep a worker from idling while its next task crosses the
   * thread boundary; the second waits in the worker's queue and its budget starts only when it runs.
   */
  tasksPerWorker?: number
  /** Tasks that may wait for a worker; beyond that run() refuses with `busy` (back-pressure). */
  maxQueued?: number
  /** The time a task may run once a worker starts it; then the worker is terminated and replaced. */
  budgetMs?: number
  /** Start this many workers now, so the first task does not wait for one to load. */
  warm?: number
  /**
   * Give a task to a running worker that has room rather than start another while one is free to
   * take it: for workers that take seconds to load (see pick). Otherwise tasks spread over workers,
   * starting them as needed.
   */
  fillBeforeStarting?: boolean
}

export interface RunOptions {
  /** Aborting fails the task with `cancelled`; a worker already running it is terminated and replaced. */
  signal?: AbortSignal
  /** Overrides the pool's budget for this task; 0 for none. */
  budgetMs?: number
  /**
   * Tasks with the same key replace each other while they wait: the older one fails with
   * TaskSuperseded without running (a search box typed into fast runs only its latest query).
   */
  key?: string
}

/** A waiting task replaced by a newer one with the same key; it never ran. */
export class TaskSuperseded extends Error {
  constructor() {
    super('replaced by a newer task')
    this.name = 'TaskSuperseded'
  }
}

export interface PoolStats {
  workers: number
  /** Tasks handed to a worker and not answered yet. */
  inFlight: number
  queued: number
}

export interface WorkerPool {
  /** Tasks the pool runs at once: what a caller should keep in flight to use every worker. */
  readonly capacity: number
  run<T>(task: unknown, options?: RunOptions): Promise<T>
  stats(): PoolStats
  /** Fails what is queued or running and stops every worker. */
  close(): Promise<void>
}

interface Task {
  id: number
  payload: unknown
  key: string | undefined
  budgetMs: number | undefined
  signal: AbortSignal | undefined
  onAbort: (() => void) | undefined
  resolve(value: unknown): void
  reject(err: Error): void
  /** Set once the worker says it began this task. */
  started: boolean
  /** Answered as cancelled while it waited inside a worker: that worker is stopped when it gets to it. */
  cancelled: boolean
  timer: NodeJS.Timeout | undefined
}

interface Slot {
  worker: Worker
  tasks: Map<number, Task>
  /** Set when the pool terminates the worker itself, so its exit fails nothing more. */
  retired: boolean
}

/**
 * One pool of worker threads for every kind of background work (import parsing, search, export
 * writing, and what comes next). It keeps a map of requests per worker; sends each task to the
 * least busy worker; fails only the task a dying worker was running and hands its other tasks to
 * a replacement; refuses work beyond its queue; and stops a worker whose task outruns its time
 * budget or is cancelled. Idle workers do not keep the process alive.
 */
export function createWorkerPool(options: WorkerPoolOptions): WorkerPool {
  const perWorker = Math.max(1, options.tasksPerWorker ?? 1)
  const maxQueued = options.maxQueued ?? Number.POSITIVE_INFINITY
  // How the pool's refusals name it ("the search worker"), in every language.
  const who = { worker: options.name.split(' ')[0] ?? '', name: options.name }
  const slots: (Slot | null)[] = Array.from({ length: Math.max(1, options.size) }, () => null)
  const queue: Task[] = []
  let nextId = 1
  let closed = false

  function spawn(index: number): Slot {
    const worker = new Worker(options.script, { workerData: options.workerData })
    const slot: Slot = { worker, tasks: new Map(), retired: false }
    worker.on('message', (reply: TaskReply) => {
      const task = slot.tasks.get(reply.id)
      if (!task) return
      if ('started' in reply) {
        task.started = true
        if (task.cancelled) return stop(slot, task, null)
        const budget = task.budgetMs ?? options.budgetMs
        if (budget) {
          task.timer = setTimeout(() => stop(slot, task, overBudget(budget)), budget)
          task.timer.unref()
        }
        return
      }
      slot.tasks.delete(reply.id)
      settle(task)
      if (task.cancelled) {
        // Its caller was answered long ago.
      } else if (reply.ok) task.resolve(reply.value)
      else task.reject(new DossierError(reply.error.code, reply.error.message, reply.error.reason))
      idleCheck(slot)
      pump()
    })
    worker.on('error', (err) => lost(slot, refuse('worker.failed', { ...who, detail: err.message })))
    worker.on('exit', (code) => lost(slot, refuse('worker.stopped', { ...who, exit: code })))
    worker.unref()
    slots[index] = slot
    return slot
  }

  /** The worker died on its own: the task it was running fails; the ones it had not begun run elsewhere. */
  function lost(slot: Slot, failure: DossierError): void {
    const index = slots.indexOf(slot)
    if (index >= 0) slots[index] = null
    if (slot.retired) return
    slot.retired = true
    const held = [...slot.tasks.values()].filter((t) => !t.cancelled)
    slot.tasks.clear()
    // A worker that dies before beginning anything failed to start: retrying its tasks would loop.
    const blame = held.some((t) => t.started) ? held.filter((t) => t.started) : held
    for (const task of held) {
      if (blame.includes(task)) fail(task, failure)
      else queue.unshift(task)
    }
    pump()
  }

  /** Terminates a worker for one task's sake (over budget, cancelled); its other tasks run elsewhere. */
  function stop(slot: Slot, task: Task, err: Error | null): void {
    const index = slots.indexOf(slot)
    if (index >= 0) slots[index] = null
    slot.retired = true
    slot.tasks.delete(task.id)
    if (err) fail(task, err)
    for (const other of slot.tasks.values()) {
      if (other.cancelled) continue
      settle(other)
      other.started = false
      queue.unshift(other)
    }
    slot.tasks.clear()
    void slot.worker.terminate()
    pump()
  }

  function overBudget(ms: number): DossierError {
    return refuse('worker.gave_up', { ...who, seconds: seconds(ms) })
  }

  function settle(task: Task): void {
    if (task.timer) clearTimeout(task.timer)
    task.timer = undefined
    if (task.onAbort) task.signal?.removeEventListener('abort', task.onAbort)
    task.onAbort = undefined
  }

  function fail(task: Task, err: Error): void {
    settle(task)
    task.reject(err)
  }

  function idleCheck(slot: Slot): void {
    if (slot.tasks.size === 0) slot.worker.unref()
  }

  /**
   * The slot with the fewest tasks that can take one more, starting a worker in an empty slot if that
   * is best. With fillBeforeStarting, a new worker only when every running one is full: starting a
   * parse worker costs seconds (it loads jsdom and the rest: 2.5 s of CPU), more than the short task
   * it would wait behind (a pasted article behind the entity extraction of the one imported before it
   * took 10–20 s on a cold second worker under load). A batch still uses every worker: it keeps the
   * pool's capacity in flight.
   */
  function pick(): Slot | null {
    // Fewest tasks first; between equals a running worker beats starting one.
    const startCost = options.fillBeforeStarting ? 2 * perWorker : 1
    let bestIndex = -1
    let bestScore = Number.POSITIVE_INFINITY
    for (let i = 0; i < slots.length; i++) {
      const load = slots[i]?.tasks.size ?? 0
      if (load >= perWorker) continue
      const score = load * 2 + (slots[i] ? 0 : startCost)
      if (score < bestScore) {
        bestIndex = i
        bestScore = score
      }
    }
    if (bestIndex < 0) return null
    return slots[bestIndex] ?? spawn(bestIndex)
  }

  function pump(): void {
    while (!closed && queue.length > 0) {
      let slot: Slot | null
      try {
        slot = pick()
      } catch (err) {
        // The script could not be loaded at all: nothing queued can run.
        for (const task of queue.splice(0)) fail(task, refuse('worker.cannot_start', { ...who, detail: String(err) }))
        return
      }
      if (!slot) return
      const task = queue.shift()!
      slot.tasks.set(task.id, task)
      slot.worker.ref()
      // Copied, not transferred: a Buffer may share its memory with others (Node's pool).
      slot.worker.postMessage({ id: task.id, task: task.payload } satisfies TaskMessage)
    }
  }

  function cancel(task: Task): void {
    const queued = queue.indexOf(task)
    const err = refuse('worker.cancelled', who)
    if (queued >= 0) {
      queue.splice(queued, 1)
      fail(task, err)
      return
    }
    const slot = slots.find((s) => s?.tasks.has(task.id))
    if (!slot) return
    if (task.started) {
      stop(slot, task, err)
    } else {
      // Still waiting inside the worker behind another task: answered now; the worker is stopped
      // if it ever begins it.
      task.cancelled = true
      fail(task, err)
    }
  }

  for (let i = 0; i < Math.min(options.warm ?? 0, slots.length); i++) spawn(i)

  return {
    capacity: slots.length * perWorker,
    run<T>(payload: unknown, runOptions: RunOptions = {}): Promise<T> {
      if (closed) return Promise.reject(refuse('worker.closed', who))
      const { signal, key } = runOptions
      if (signal?.aborted) return Promise.reject(refuse('worker.cancelled', who))
      if (key !== undefined) {
        for (let i = queue.length - 1; i >= 0; i--) {
          if (queue[i]!.key === key) fail(queue.splice(i, 1)[0]!, new TaskSuperseded())
        }
      }
      if (queue.length >= maxQueued) {
        return Promise.reject(refuse('worker.busy', { ...who, waiting: queue.length }))
      }
      return new Promise<T>((resolve, reject) => {
        const task: Task = {
          id: nextId++,
          payload,
          key,
          budgetMs: runOptions.budgetMs,
          signal,
          onAbort: undefined,
          resolve: resolve as (value: unknown) => void,
          reject,
          started: false,
          cancelled: false,
          timer: undefined
        }
        if (signal) {
          task.onAbort = () => cancel(task)
          signal.addEventListener('abort', task.onAbort, { once: true })
        }
        queue.push(task)
        pump()
      })
    },
    stats() {
      const live = slots.filter((s): s is Slot => s !== null)
      return { workers: live.length, inFlight: live.reduce((n, s) => n + s.tasks.size, 0), queued: queue.length }
    },
    async close() {
      closed = true
      const err = refuse('worker.closed', who)
      for (const task of queue.splice(0)) fail(task, err)
      const live = slots.filter((s): s is Slot => s !== null)
      slots.fill(null)
      for (const slot of live) {
        slot.retired = true
        for (const task of slot.tasks.values()) fail(task, err)
        slot.tasks.clear()
      }
      await Promise.all(live.map((s) => s.worker.terminate()))
    }
  }
}

/** A budget in seconds as a message shows it: whole, or to a tenth. */
function seconds(ms: number): number {
  const s = ms / 1000
  return Number.isInteger(s) ? s : Math.round(s * 10) / 10
}
