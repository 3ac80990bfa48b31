import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

/** A window with animation frames the test paints by hand, and a pagehide it can fire. */
function fakeWindow() {
  const frames: (() => void)[] = []
  const hide: (() => void)[] = []
  vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb))
  vi.stubGlobal('window', { addEventListener: (type: string, cb: () => void) => type === 'pagehide' && hide.push(cb) })
  return {
    paint: () => frames.splice(0).forEach((cb) => cb()),
    leave: () => hide.forEach((cb) => cb())
  }
}

describe('afterPaint', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.resetModules()
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('waits for the frame to be painted, then runs each piece of work once, in order', async () => {
    const w = fakeWindow()
    const { afterPaint } = await import('./after-paint')
    const ran: string[] = []
    afterPaint((leaving) => ran.push(`a${leaving}`))
    afterPaint((leaving) => ran.push(`b${leaving}`))
    await vi.advanceTimersByTimeAsync(0)
    expect(ran).toEqual([]) // the key press's frame comes first
    w.paint()
    await vi.advanceTimersByTimeAsync(0)
    expect(ran).toEqual(['afalse', 'bfalse'])
    await vi.advanceTimersByTimeAsync(200)
    expect(ran).toHaveLength(2)
  })

  it('runs anyway when no frame comes (a hidden window)', async () => {
    fakeWindow()
    const { afterPaint } = await import('./after-paint')
    const ran: boolean[] = []
    afterPaint((leaving) => ran.push(leaving), 100)
    await vi.advanceTimersByTimeAsync(99)
    expect(ran).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(ran).toEqual([false])
  })

  it('runs what is still waiting at once when the page is left, saying so', async () => {
    const w = fakeWindow()
    const { afterPaint } = await import('./after-paint')
    const ran: boolean[] = []
    afterPaint((leaving) => ran.push(leaving))
    w.leave()
    expect(ran).toEqual([true])
    w.paint()
    await vi.advanceTimersByTimeAsync(200)
    expect(ran).toEqual([true])
  })
})
