/**
 * Runs `work` once the window has nothing else to do (the shell painted, the first requests
 * answered): where code that was split off the first paint is fetched ahead of its first use.
 * Returns a cancel for an effect's cleanup.
 */
export function whenIdle(work: () => void): () => void {
  const id = requestIdleCallback(work, { timeout: 10_000 })
  return () => cancelIdleCallback(id)
}
