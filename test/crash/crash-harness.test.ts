import { describe, expect, it } from 'vitest'
import { plainNoteState } from '../support/temp-services'
import { NOTE_TEXT_PLACEHOLDER } from './crash-fixtures'
import { runCrashHarness } from './crash-harness'

/** `npm run stress` (scripts/stress-crash.mjs) sets DOSSIER_CRASH_KILLS=1000; CI runs the fast version
 * (120 kills: every kind of work is still interrupted many times, see the expectations below). */
const KILLS = Number(process.env.DOSSIER_CRASH_KILLS ?? 120)

describe('kill -9 harness', () => {
  it(`loses no acknowledged save, half-imports nothing and never leaves the schema between versions over ${KILLS} SIGKILLs`, { timeout: 60_000 + KILLS * 2_000 }, async () => {
    const seed = Number(process.env.DOSSIER_CRASH_SEED ?? (process.env.CI ? 20261202 : Date.now() % 1_000_000))
    const report = await runCrashHarness({
      kills: KILLS,
      noteTemplate: plainNoteState(NOTE_TEXT_PLACEHOLDER),
      seed,
      log: (line) => console.log(line)
    })
    console.log(
      `crash harness: ${report.kills} kills in ${(report.elapsedMs / 1000).toFixed(1)} s; killed during ${JSON.stringify(report.killedDuring)}; ` +
        `acknowledged ${JSON.stringify(report.acknowledged)}`
    )
    expect(report.problems).toEqual([])
    expect(report.kills).toBe(KILLS)
    // The harness is only worth its time if kills land in the middle of real work of every kind.
    expect(report.acknowledged.notes).toBeGreaterThan(0)
    expect(report.acknowledged.imports).toBeGreaterThan(0)
    expect(report.killedDuring.open ?? 0).toBeGreaterThan(0)
    expect((report.killedDuring.import ?? 0) + (report.killedDuring.work ?? 0)).toBeGreaterThan(0)
  })
})
