import { parentPort } from 'node:worker_threads'
import { DossierError, firstLine } from '../../shared/errors'
import type { TaskMessage, TaskReply } from './task-protocol'

/**
 * The worker's side of the pool: answers each task with run()'s value, or with the error it threw
 * as {code, message}. `describe` names the task in an unexpected error ("report.html: …").
 */
export function serveTasks<Task, Result>(run: (task: Task) => Result | Promise<Result>, describe: (task: Task) => string): void {
  const port = parentPort
  if (!port) throw new Error('a pool worker must run in a worker thread')
  port.on('message', async ({ id, task }: TaskMessage) => {
    port.postMessage({ id, started: true } satisfies TaskReply)
    let reply: TaskReply
    try {
      reply = { id, ok: true, value: await run(task as Task) }
    } catch (err) {
      reply = {
        id,
        ok: false,
        error: err instanceof DossierError ? err.toInfo() : { code: 'internal', message: `${describe(task as Task)}: ${firstLine(err)}` }
      }
    }
    port.postMessage(reply)
  })
}
