import fc from 'fast-check'
import { afterAll, beforeAll, expect } from 'vitest'

type TimerGlobals = Pick<typeof globalThis, 'setTimeout' | 'clearTimeout' | 'setInterval' | 'clearInterval' | 'setImmediate' | 'clearImmediate' | 'Date'>

// CI must not fail on a case no one can reproduce: there, property tests use one fixed seed.
// Everywhere else each run explores new cases, and a failure prints its seed to replay.
if (process.env.CI) fc.configureGlobal({ seed: 20261125 })

// With isolate: false a fork runs many files in one module graph: a file that leaves fake timers on
// globalThis makes every later file's timers never fire, and their tests time out far from the
// cause (an import pool's budget, the crash harness's kills). Vitest restores a file's spies after
// its own afterAll, so the check runs as each file starts too, naming the file before it.
const FORK = Symbol.for('dossier.test.fork')
const fork = ((globalThis as { [FORK]?: { timers: TimerGlobals; lastFile: string } })[FORK] ??= {
  timers: {
    setTimeout: globalThis.setTimeout,
    clearTimeout: globalThis.clearTimeout,
    setInterval: globalThis.setInterval,
    clearInterval: globalThis.clearInterval,
    setImmediate: globalThis.setImmediate,
    clearImmediate: globalThis.clearImmediate,
    Date: globalThis.Date
  },
  lastFile: ''
})

function checkTimers(culprit: string): void {
  const left = (Object.keys(fork.timers) as (keyof TimerGlobals)[]).filter((name) => globalThis[name] !== fork.timers[name])
  if (left.length === 0) return
  Object.assign(globalThis, fork.timers)
  throw new Error(`${culprit} left ${left.join(', ')} replaced (fake timers, or a spy on them): later files in its fork would hang`)
}

beforeAll(() => checkTimers(`the file run before this one in its fork (${fork.lastFile || 'unknown'})`))
afterAll(() => {
  fork.lastFile = expect.getState().testPath ?? ''
  checkTimers('this file')
})
