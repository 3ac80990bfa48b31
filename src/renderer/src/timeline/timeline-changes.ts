import { useSyncExternalStore } from 'react'

/** Bumped when an event is added or taken back outside the Timeline view (Add to timeline, its Undo), so the view asks again. */
let version = 0
const listeners = new Set<() => void>()

export function timelineChanged(): void {
  version++
  for (const l of listeners) l()
}

export function useTimelineVersion(): number {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => version
  )
}
