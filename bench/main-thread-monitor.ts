import { readFileSync } from 'node:fs'
import { monitorEventLoopDelay } from 'node:perf_hooks'

/** What the main thread's event loop went through while a monitor ran. */
export interface MainThreadReport {
  /** The event loop's longest delay (perf_hooks histogram): the longest a click could wait, in wall time. */
  maxDelayMs: number
  p99DelayMs: number
  /**
   * The most CPU the main thread spent between two turns of a 4 ms timer (Linux's per-thread
   * schedstat): the longest synchronous task in CPU terms, which the machine's load does not
   * stretch. Null where /proc is not there.
   */
  maxTaskCpuMs: number | null
  /** Wall time of that same gap, and how long the thread waited for a core during it. */
  maxTaskWallMs: number | null
  maxTaskRunQueueMs: number | null
  /** When that gap ended, in ms since the monitor started: a block at the start is not one in the middle. */
  maxTaskAtMs: number | null
}

/** The main thread's own CPU time and run-queue wait, in ns (Linux), or null. */
function threadTimes(path: string): [number, number] | null {
  try {
    const [cpu, wait] = readFileSync(path, 'utf8').split(' ')
    return [Number(cpu), Number(wait)]
  } catch {
    return null
  }
}

/**
 * Watches the main thread while work runs: the event-loop delay histogram, and a 4 ms timer that
 * reads the thread's CPU time at each turn, so a long block is measured both as the wall time the
 * analyst waits and as the CPU it cost (on a shared machine the first is stretched by the load).
 */
export function monitorMainThread(): { stop(): MainThreadReport } {
  const delay = monitorEventLoopDelay({ resolution: 5 })
  delay.enable()
  const path = `/proc/self/task/${process.pid}/schedstat`
  let last = threadTimes(path)
  const started = performance.now()
  let lastWall = started
  let worst: { cpu: number; wall: number; wait: number; at: number } | null = last ? { cpu: 0, wall: 0, wait: 0, at: 0 } : null
  const timer = setInterval(() => {
    const now = threadTimes(path)
    const wall = performance.now()
    if (now && last && worst) {
      const cpu = (now[0] - last[0]) / 1e6
      if (cpu > worst.cpu) worst = { cpu, wall: wall - lastWall, wait: (now[1] - last[1]) / 1e6, at: wall - started }
    }
    last = now
    lastWall = wall
  }, 4)
  return {
    stop() {
      clearInterval(timer)
      delay.disable()
      return {
        maxDelayMs: delay.max / 1e6,
        p99DelayMs: delay.percentile(99) / 1e6,
        maxTaskCpuMs: worst?.cpu ?? null,
        maxTaskWallMs: worst?.wall ?? null,
        maxTaskRunQueueMs: worst?.wait ?? null,
        maxTaskAtMs: worst?.at ?? null
      }
    }
  }
}
