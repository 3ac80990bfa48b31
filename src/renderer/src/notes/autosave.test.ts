import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Autosaver, afterNextPaint, type SaveStatus } from './autosave'

const OPTIONS = { debounceMs: 100, maxWaitMs: 300, retryMs: 50 }
/** Saves as soon as they are due: the frame a save waits for is tested on its own below. */
const AT_ONCE = (save: () => void) => save()

describe('Autosaver', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('saves once after typing pauses, with the latest content', async () => {
    const saved: string[] = []
    const saver = new Autosaver(async (c) => void saved.push(c), () => undefined, OPTIONS, AT_ONCE)
    saver.change('a')
    saver.change('ab')
    await vi.advanceTimersByTimeAsync(99)
    expect(saved).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(saved).toEqual(['ab'])
  })

  it('serializes only the content it saves, not each keystroke\'s', async () => {
    const saved: string[] = []
    let serialized = 0
    const saver = new Autosaver(async (c) => void saved.push(c), () => undefined, OPTIONS, AT_ONCE)
    for (const text of ['a', 'ab', 'abc', 'abcd']) {
      saver.change(() => {
        serialized++
        return text
      })
    }
    expect(serialized).toBe(0)
    await vi.advanceTimersByTimeAsync(100)
    expect(saved).toEqual(['abcd'])
    expect(serialized).toBe(1)
  })

  it('saves at the maximum wait even while typing never pauses: at the first key after it', async () => {
    const saved: string[] = []
    const saver = new Autosaver(async (c) => void saved.push(c), () => undefined, OPTIONS, AT_ONCE)
    for (let t = 0; t < 320; t += 40) {
      saver.change(`v${t}`)
      await vi.advanceTimersByTimeAsync(40)
    }
    expect(saved).toEqual([])
    saver.change('v320')
    await vi.advanceTimersByTimeAsync(0)
    expect(saved).toEqual(['v320'])
  })

  it('keeps content whose save failed and retries until it is written', async () => {
    const saved: string[] = []
    const statuses: SaveStatus[] = []
    let failures = 2
    const saver = new Autosaver(
      async (c) => {
        if (failures-- > 0) throw new Error('disk full')
        saved.push(c)
      },
      (s) => statuses.push(s),
      OPTIONS,
      AT_ONCE
    )
    saver.change('precious')
    await vi.advanceTimersByTimeAsync(100 + 50 + 50)
    expect(saved).toEqual(['precious'])
    expect(statuses).toContain('failed')
    expect(statuses.at(-1)).toBe('saved')
  })

  it('never writes an older version over a newer one', async () => {
    const saved: string[] = []
    let release!: () => void
    const saver = new Autosaver(
      (c) => {
        saved.push(c)
        return c === 'first' ? new Promise<void>((r) => (release = r)) : Promise.resolve()
      },
      () => undefined,
      OPTIONS,
      AT_ONCE
    )
    saver.change('first')
    const flushing = saver.flush()
    saver.change('second')
    const second = saver.flush()
    release()
    await Promise.all([flushing, second])
    expect(saved).toEqual(['first', 'second'])
    expect(saver.hasPending()).toBe(false)
  })

  it('flush writes immediately and resolves after the write', async () => {
    const saved: string[] = []
    const saver = new Autosaver(async (c) => void saved.push(c), () => undefined, OPTIONS, AT_ONCE)
    saver.change('now')
    await saver.flush(true)
    expect(saved).toEqual(['now'])
  })

  it('costs a key no timer and no status change while a burst of typing goes on', async () => {
    const statuses: SaveStatus[] = []
    const saved: string[] = []
    const saver = new Autosaver(async (c) => void saved.push(c), (s) => statuses.push(s), OPTIONS, AT_ONCE)
    // Counted by hand, not with vi.spyOn: Vitest restores its spies again when the file ends, which
    // would put these fake timers back on globalThis for every later file in the fork (isolate: false).
    const { setTimeout: fakeSet, clearTimeout: fakeClear } = globalThis
    let set = 0
    let cleared = 0
    globalThis.setTimeout = ((...args: Parameters<typeof setTimeout>) => (set++, fakeSet(...args))) as typeof setTimeout
    globalThis.clearTimeout = ((...args: Parameters<typeof clearTimeout>) => (cleared++, fakeClear(...args))) as typeof clearTimeout
    try {
      for (let i = 0; i < 50; i++) {
        saver.change(`v${i}`)
        await vi.advanceTimersByTimeAsync(1)
      }
    } finally {
      Object.assign(globalThis, { setTimeout: fakeSet, clearTimeout: fakeClear })
    }
    // One timer for the burst (it re-arms itself once, at its first firing), not one per key.
    expect(set).toBeLessThanOrEqual(2)
    expect(cleared).toBe(0)
    expect(statuses).toEqual(['unsaved'])
    await vi.advanceTimersByTimeAsync(100)
    expect(saved).toEqual(['v49'])
    expect(statuses).toEqual(['unsaved', 'saving', 'saved'])
  })

  it('starts a save that falls due while typing just after the next frame is drawn', async () => {
    const saved: string[] = []
    const frames: (() => void)[] = []
    const saver = new Autosaver(async (c) => void saved.push(c), () => undefined, OPTIONS, (save) => frames.push(save))
    for (let t = 0; t <= 280; t += 40) {
      if (t) await vi.advanceTimersByTimeAsync(40)
      saver.change(`v${t}`)
    }
    // Past the longest wait (300 ms) between two keys: nothing starts there, where the next key
    // would wait behind it.
    await vi.advanceTimersByTimeAsync(30)
    expect(frames).toHaveLength(0)
    // The next key asks for the save after its own frame; the keys after it ask for no more.
    await vi.advanceTimersByTimeAsync(10)
    saver.change('v320')
    expect(frames).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(40)
    saver.change('v360')
    expect(frames).toHaveLength(1)
    expect(saved).toEqual([])
    frames.shift()!()
    await vi.advanceTimersByTimeAsync(0)
    expect(saved).toEqual(['v360'])
  })

  it('afterNextPaint runs a save once, after the next frame, or after 100 ms when the page draws none', async () => {
    let runs = 0
    afterNextPaint(() => runs++)
    expect(runs).toBe(0)
    await vi.advanceTimersByTimeAsync(20)
    expect(runs).toBe(1)
    await vi.advanceTimersByTimeAsync(200)
    expect(runs).toBe(1)
    // A hidden page draws no frame: the save is not held forever.
    vi.stubGlobal('requestAnimationFrame', () => 0)
    try {
      afterNextPaint(() => runs++)
      await vi.advanceTimersByTimeAsync(99)
      expect(runs).toBe(1)
      await vi.advanceTimersByTimeAsync(1)
      expect(runs).toBe(2)
    } finally {
      vi.unstubAllGlobals()
    }
  })
})
