import type { ErrorInfo } from '../../shared/errors'

/** What the pool posts to a worker. */
export interface TaskMessage {
  id: number
  task: unknown
}

/** What a worker posts back: that it began a task (its time budget starts then), then its answer. */
export type TaskReply =
  | { id: number; started: true }
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: ErrorInfo }
