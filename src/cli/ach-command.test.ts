import { describe, expect, it } from 'vitest'
import { caseWithEvidence } from '../../test/support/ach-fixtures'
import { run } from './run'

describe('dossier ach (in-process, as the CLI runs it)', () => {
  it('prints {hypotheses, rows, ratings, scores} with --json, a readable table without, and refuses a case with no matrix', async () => {
    const { s, caseId, h1, h2 } = await caseWithEvidence()
    const empty = s.cases.create('Empty', '')
    const m = s.ach.create(caseId, 'Who moved?')
    const a = s.ach.addHypothesis(m.id, 'An exercise')
    const b = s.ach.addHypothesis(m.id, 'An incursion')
    const [r1, r2] = s.ach.addRows(m.id, [{ highlightId: h1 }, { highlightId: h2 }]).added
    s.ach.rate(r1!.id, a.id, 'II')
    s.ach.rate(r1!.id, b.id, 'C')
    s.ach.rate(r2!.id, b.id, 'I')
    const dbPath = s.dbPath
    s.close()
    const cli = async (...argv: string[]) => {
      let stdout = ''
      let stderr = ''
      const code = await run(argv, { stdout: { write: (x: string) => (stdout += x) }, stderr: { write: (x: string) => (stderr += x) }, env: {}, cwd: s.dir })
      return { code, stdout, stderr }
    }
    const json = await cli('ach', '--case', caseId, '--json', '--db', dbPath)
    expect(json.code).toBe(0)
    const out = JSON.parse(json.stdout) as { hypotheses: { id: string; text: string }[]; rows: { id: string }[]; ratings: unknown[]; scores: Record<string, Record<string, number>> }
    expect(out.hypotheses.map((h) => h.text)).toEqual(['An exercise', 'An incursion'])
    expect(out.rows.map((r) => r.id)).toEqual([r1!.id, r2!.id])
    expect(out.ratings).toHaveLength(3)
    // Exercise: II (2) × High √2 × Medium 1 = 2√2 ≈ 2.83; incursion: I (1) × Low 1/√2 × Medium 1 ≈ 0.71.
    expect(out.scores.inconsistency).toEqual({ [a.id]: 2, [b.id]: 1 })
    expect(out.scores.weighted).toEqual({ [a.id]: 2.828427, [b.id]: 0.707107 })
    expect(out.scores.diagnosticity).toEqual({ [r1!.id]: 3, [r2!.id]: 0 })

    const human = await cli('ach', '--case', 'Border', '--db', dbPath)
    expect(human.code).toBe(0)
    expect(human.stdout).toContain(' 1. H2  inconsistency   1  weighted   0.71  An incursion')
    expect(human.stdout).toMatch(/1\. B2 {7}High\/Medium {2}diag 3 {2}H1:II H2:C {2}LINCHPIN/)

    const none = await cli('ach', '--case', empty.id, '--db', dbPath)
    expect([none.code, none.stderr]).toEqual([1, 'dossier: case “Empty” has no hypotheses matrix yet; make one in the Hypotheses view.\n'])
    const usage = await cli('ach', '--db', dbPath)
    expect([usage.code, usage.stderr]).toEqual([2, 'dossier: ach needs --case CASE_ID (and --matrix ID when the case has several matrices). Run dossier --help.\n'])
  })
})
