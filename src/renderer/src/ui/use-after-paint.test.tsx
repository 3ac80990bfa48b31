// @vitest-environment jsdom
import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useAfterPaint } from './use-after-paint'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

function Shown({ value }: { value: string }) {
  return <p>{useAfterPaint(value)}</p>
}

describe('useAfterPaint', () => {
  let frames: (() => void)[]
  beforeEach(() => {
    vi.useFakeTimers()
    frames = []
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb))
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('shows the first value at once, and a change only after the frame that follows it is painted', async () => {
    const host = document.createElement('div')
    const root = createRoot(host)
    await act(async () => root.render(<Shown value="H1: 3" />))
    expect(host.textContent).toBe('H1: 3')

    // Two ratings before a frame: the screen keeps the old text until that frame is painted...
    await act(async () => root.render(<Shown value="H1: 4" />))
    await act(async () => root.render(<Shown value="H1: 5" />))
    expect(host.textContent).toBe('H1: 3')
    // ...then shows the last value, not the one in between.
    await act(async () => {
      frames.splice(0).forEach((cb) => cb())
      await vi.runOnlyPendingTimersAsync()
    })
    expect(host.textContent).toBe('H1: 5')
    await act(async () => root.unmount())
  })

  it('still follows in a window that paints no frame (hidden), within 100 ms', async () => {
    const host = document.createElement('div')
    const root = createRoot(host)
    await act(async () => root.render(<Shown value="a" />))
    await act(async () => root.render(<Shown value="b" />))
    await act(async () => {
      await vi.advanceTimersByTimeAsync(100)
    })
    expect(host.textContent).toBe('b')
    await act(async () => root.unmount())
  })
})
