import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Autosaver, type SaveStatus } from './autosave'

const OPTIONS = { debounceMs: 100, maxWaitMs: 300, retryMs: 50 }

describe('Autosaver', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('saves once after typing pauses, with the latest content', async () => {
    const saved: string[] = []
    const saver = new Autosaver(async (c) => void saved.push(c), () => undefined, OPTIONS)
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
    const saver = new Autosaver(async (c) => void saved.push(c), () => undefined, OPTIONS)
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

  it('saves at the maximum wait even while typing never pauses', async () => {
    const saved: string[] = []
    const saver = new Autosaver(async (c) => void saved.push(c), () => undefined, OPTIONS)
    for (let t = 0; t < 320; t += 40) {
      saver.change(`v${t}`)
      await vi.advanceTimersByTimeAsync(40)
    }
    expect(saved.length).toBeGreaterThanOrEqual(1)
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
      OPTIONS
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
      OPTIONS
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
    const saver = new Autosaver(async (c) => void saved.push(c), () => undefined, OPTIONS)
    saver.change('now')
    await saver.flush(true)
    expect(saved).toEqual(['now'])
  })
})
