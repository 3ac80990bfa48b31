import { useSyncExternalStore } from 'react'
import type { MessageKey } from '../../../shared/i18n'

/** A background job as the status bar shows it: what, how far, and how to stop it. */
export interface JobView {
  id: string
  /** Its accessible name ("Import progress"). */
  name: MessageKey
  /** How far it is, an ICU message of `{done}` and `{total}`: "Importing 3 of 33 files…". */
  progress: MessageKey
  done: number
  total: number
  cancelling?: boolean
  cancel?(): void
}

let jobs: readonly JobView[] = []
const listeners = new Set<() => void>()

function publish(next: readonly JobView[]): void {
  jobs = next
  for (const listener of listeners) listener()
}

/** Starts or updates a job (import, export, and every background job to come). */
export function reportJob(job: JobView): void {
  publish(jobs.some((j) => j.id === job.id) ? jobs.map((j) => (j.id === job.id ? job : j)) : [...jobs, job])
}

export function endJob(id: string): void {
  if (jobs.some((j) => j.id === id)) publish(jobs.filter((j) => j.id !== id))
}

export function useJobs(): readonly JobView[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => jobs
  )
}
