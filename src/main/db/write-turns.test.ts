import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { newWriteTurns, withWriteTurn } from './write-turns'

/** A thread that takes the turn, says so, holds it `holdMs` and lets go (the protocol of withWriteTurn, inlined: workers run plain JS). */
function holder(turns: SharedArrayBuffer, holdMs: number): Promise<void> {
  const worker = new Worker(
    `const { workerData, parentPort } = require('node:worker_threads')
     const word = new Int32Array(workerData.turns)
     Atomics.store(word, 0, 99)
     parentPort.postMessage('holding')
     Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.holdMs)
     Atomics.store(word, 0, 0)
     Atomics.notify(word, 0, 1)`,
    { eval: true, workerData: { turns, holdMs } }
  )
  return new Promise((resolve, reject) => {
    worker.once('message', () => resolve())
    worker.once('error', reject)
  })
}

describe('write turns', () => {
  it('a writer waits while another thread writes and goes as soon as it is done, not after a busy sleep', async () => {
    const turns = newWriteTurns()
    await holder(turns, 150)
    const started = Date.now()
    const order: string[] = []
    withWriteTurn(turns, () => order.push('second writer'), 5_000)
    const waited = Date.now() - started
    expect(order).toEqual(['second writer'])
    expect(waited).toBeGreaterThanOrEqual(100)
    expect(waited).toBeLessThan(2_000)
    // Free again: the next write goes at once.
    expect(withWriteTurn(turns, () => 'next', 5_000)).toBe('next')
  })

  it('a turn left held by a writer that is gone (terminated mid-write) passes on, and turns work after it', () => {
    const turns = newWriteTurns()
    new Int32Array(turns)[0] = 42 // a worker terminated inside its write never lets go
    const started = Date.now()
    expect(withWriteTurn(turns, () => 'written', 200)).toBe('written')
    expect(Date.now() - started).toBeGreaterThanOrEqual(190)
    expect(new Int32Array(turns)[0]).toBe(0)
    expect(withWriteTurn(turns, () => 'again', 200)).toBe('again')
  })

  it('ends its turn when the write throws, so the next writer is not kept waiting', () => {
    const turns = newWriteTurns()
    expect(() => withWriteTurn(turns, () => { throw new Error('constraint failed') })).toThrow('constraint failed')
    expect(new Int32Array(turns)[0]).toBe(0)
  })
})
