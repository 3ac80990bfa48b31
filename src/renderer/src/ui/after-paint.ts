type Work = (leaving: boolean) => void

const pending = new Set<() => void>()
let listening = false

/**
 * Runs `work` just after the next frame is painted (a task queued from an animation frame runs
 * after that frame), or after `latest` ms when no frame comes (a hidden window paints none), or at
 * once when the page is being left (`leaving` true: a request must then outlive the page). For
 * work a key press causes but the screen does not wait for, such as saving what it changed: in the
 * web shell a request costs the main thread a millisecond or more before it leaves, and would
 * otherwise delay the frame that shows the change. Calls keep their order.
 */
export function afterPaint(work: Work, latest = 100): void {
  if (!listening) {
    listening = true
    window.addEventListener('pagehide', () => {
      for (const run of [...pending]) run()
    })
  }
  let done = false
  const run = (leaving: boolean) => {
    if (done) return
    done = true
    pending.delete(leave)
    clearTimeout(fallback)
    work(leaving)
  }
  const leave = () => run(true)
  pending.add(leave)
  const fallback = setTimeout(() => run(false), latest)
  requestAnimationFrame(() => setTimeout(() => run(false), 0))
}
