import { createWorkerPool } from '../../workers/worker-pool'
import { runComputeTask, type ComputeResult, type ComputeTask } from './compute-tasks'

/** Runs CPU-bound tasks: in the app on the shared pool's worker, in the CLI and tests on this thread. */
export interface ComputeService {
  run<T extends ComputeTask>(task: T, options?: { budgetMs?: number }): Promise<ComputeResult<T>>
  close(): Promise<void>
}

/** A template preview the analyst waits for: past this it is stopped and reported as too complex. */
export const TEMPLATE_BUDGET_MS = 10_000
/** Finding one article's imported passages again (hundreds of near-misses against megabytes). */
export const REANCHOR_BUDGET_MS = 120_000

/** Lets other calls in first, as a worker's reply would, then runs on this thread. */
export function inProcessCompute(): ComputeService {
  return {
    run: async <T extends ComputeTask>(task: T) => {
      await new Promise((resolve) => setImmediate(resolve))
      return (await runComputeTask(task)) as ComputeResult<T>
    },
    close: async () => undefined
  }
}

/** One worker: the tasks are rare and the analyst waits on each; a runaway one is terminated at its budget. */
export function workerCompute(workerPath: string): ComputeService {
  const pool = createWorkerPool({ name: 'compute worker', script: workerPath, size: 1, maxQueued: 64 })
  return {
    run: <T extends ComputeTask>(task: T, options: { budgetMs?: number } = {}) => pool.run<ComputeResult<T>>(task, options),
    close: () => pool.close()
  }
}
