import { describe, expect, it } from 'vitest'
import { caseWithEvidence } from '../../../../test/support/ach-fixtures'
import { scoresOf } from '../../../shared/ach/matrix-scores'
import { matrixMarkdown } from '../../../shared/ach/matrix-markdown'
import { matrixCsv } from './ach-export'

describe('ACH matrices (service, real SQLite)', () => {
  it('builds a matrix, rates it, and reads back weights from the grades, scores and warnings', async () => {
    const { s, caseId, h1, h2, h3 } = await caseWithEvidence()
    const m = s.ach.create(caseId, '  Who moved? ')
    expect(m.name).toBe('Who moved?')
    const a = s.ach.addHypothesis(m.id, 'An exercise')
    const b = s.ach.addHypothesis(m.id, 'An incursion')
    const added = s.ach.addRows(m.id, [{ highlightId: h1 }, { highlightId: h2 }, { highlightId: h3 }, { highlightId: h1 }])
    expect(added.skipped).toBe(1)
    expect(added.added.map((r) => [r.grade, r.credibilityWeight, r.relevance, r.sourceName])).toEqual([
      ['B2', 'high', 'medium', 'Reuters'],
      ['B5', 'low', 'medium', 'Reuters'],
      ['ungraded', 'medium', 'medium', 'Town Voice']
    ])
    const [r1, r2, r3] = added.added.map((r) => r.id) as [string, string, string]
    s.ach.rate(r1, a.id, 'I')
    s.ach.rate(r1, b.id, 'C')
    s.ach.rate(r2, a.id, 'C')
    s.ach.rate(r2, b.id, 'II')
    s.ach.rate(r3, a.id, 'N')
    s.ach.rate(r3, b.id, 'NA')
    s.ach.rate(r3, b.id, null)
    const got = s.ach.get(m.id)
    expect(got.hypotheses.map((h) => h.text)).toEqual(['An exercise', 'An incursion'])
    expect(got.ratings).toHaveLength(5)
    const scores = scoresOf(got)
    // Exercise: r1 I × High × Medium = √2 ≈ 1.414.  Incursion: r2 II × Low × Medium = 2/√2 ≈ 1.414.
    expect(scores.inconsistency).toEqual([1, 2])
    expect(scores.weighted[0]).toBeCloseTo(Math.SQRT2, 12)
    expect(scores.weighted[1]).toBeCloseTo(Math.SQRT2, 12)
    expect(scores.leastInconsistent).toEqual([0, 1])
    // Overriding r2's credibility to Medium makes the incursion more inconsistent (2 > 1.414).
    const r2Medium = s.ach.updateRow(r2, { credibility: 'medium' })
    expect([r2Medium.credibilityWeight, r2Medium.credibilityOverride]).toEqual(['medium', 'medium'])
    expect(scoresOf(s.ach.get(m.id)).leastInconsistent).toEqual([0])
    // Clearing the override goes back to the grade's default.
    expect(s.ach.updateRow(r2, { credibility: null }).credibilityWeight).toBe('low')
    // Switching a row off takes it out of the scores.
    s.ach.updateRow(r1, { enabled: false })
    expect(scoresOf(s.ach.get(m.id)).inconsistency).toEqual([0, 2])
    expect(s.ach.list(caseId)).toEqual([expect.objectContaining({ name: 'Who moved?', hypotheses: 2, rows: 3 })])
  })

  it('reorders hypotheses and rows, and undoes removals with their ratings', async () => {
    const { s, caseId, h1, h2, h3 } = await caseWithEvidence()
    const m = s.ach.create(caseId, 'M')
    const [a, b, c] = ['A', 'B', 'C'].map((t) => s.ach.addHypothesis(m.id, t))
    expect(s.ach.moveHypothesis(c!.id, 0).map((h) => h.text)).toEqual(['C', 'A', 'B'])
    const rows = s.ach.addRows(m.id, [{ highlightId: h1 }, { highlightId: h2 }]).added
    s.ach.addRows(m.id, [{ highlightId: h3 }], 0)
    expect(s.ach.get(m.id).rows.map((r) => r.highlightId)).toEqual([h3, h1, h2])
    s.ach.rate(rows[0]!.id, b!.id, 'II')
    s.ach.rate(rows[1]!.id, b!.id, 'C')

    const removedH = s.ach.removeHypothesis(b!.id)
    expect(removedH.position).toBe(2)
    expect(s.ach.get(m.id).ratings).toEqual([])
    s.ach.restoreHypothesis(removedH)
    const back = s.ach.get(m.id)
    expect(back.hypotheses.map((h) => h.text)).toEqual(['C', 'A', 'B'])
    expect(back.ratings).toHaveLength(2)

    const removedR = s.ach.removeRow(rows[0]!.id)
    expect(s.ach.get(m.id).rows.map((r) => r.highlightId)).toEqual([h3, h2])
    s.ach.restoreRow(removedR)
    expect(s.ach.get(m.id).rows.map((r) => r.highlightId)).toEqual([h3, h1, h2])
    expect(s.ach.get(m.id).ratings.find((g) => g.rowId === rows[0]!.id)?.rating).toBe('II')
    expect(s.ach.moveRow(rows[1]!.id, 0)).toEqual([rows[1]!.id, s.ach.get(m.id).rows[1]!.id, rows[0]!.id])
    void a
  })

  it('keeps a trashed highlight’s row out of sight until it is restored, and drops a deleted claim’s row', async () => {
    const { s, caseId, h1, h2 } = await caseWithEvidence()
    const claim = s.claims.add(caseId, 'Troops crossed the border', { supports: [h1] })
    const m = s.ach.create(caseId, 'M')
    s.ach.addRows(m.id, [{ highlightId: h2 }, { claimId: claim.id }])
    const claimRow = s.ach.get(m.id).rows[1]!
    expect(claimRow).toMatchObject({ kind: 'claim', quote: 'Troops crossed the border', grade: 'B2', credibilityWeight: 'high', sourceName: 'Reuters' })
    s.highlights.delete(h2)
    expect(s.ach.get(m.id).rows.map((r) => r.kind)).toEqual(['claim'])
    s.highlights.restore(h2)
    expect(s.ach.get(m.id).rows).toHaveLength(2)
    s.claims.delete(claim.id)
    expect(s.ach.get(m.id).rows).toHaveLength(1)
  })

  it('refuses bad input with a sentence and writes nothing', async () => {
    const { s, caseId, h1 } = await caseWithEvidence()
    const other = s.cases.create('Other', '')
    const foreign = s.claims.add(other.id, 'Elsewhere')
    const m = s.ach.create(caseId, 'M')
    expect(() => s.ach.addRows(m.id, [{ highlightId: h1 }, { claimId: foreign.id }])).toThrow(/belongs to another case/)
    expect(s.ach.get(m.id).rows).toEqual([])
    expect(() => s.ach.addHypothesis(m.id, '   ')).toThrow(/short statement/)
    const m2 = s.ach.create(caseId, 'M2')
    const h = s.ach.addHypothesis(m2.id, 'H')
    const row = s.ach.addRows(m.id, [{ highlightId: h1 }]).added[0]!
    expect(() => s.ach.rate(row.id, h.id, 'I')).toThrow(/another matrix/)
    expect(() => s.ach.create('00000000-0000-4000-8000-000000000000', 'x')).toThrow(/No case/)
  })

  it('saves dated snapshots that read as they were after the matrix changes', async () => {
    const { s, caseId, h1 } = await caseWithEvidence()
    const m = s.ach.create(caseId, 'M')
    const h = s.ach.addHypothesis(m.id, 'H1')
    const row = s.ach.addRows(m.id, [{ highlightId: h1 }]).added[0]!
    s.ach.rate(row.id, h.id, 'I')
    const first = s.ach.snapshot(m.id, 'before the call')
    s.ach.rate(row.id, h.id, 'CC')
    const second = s.ach.snapshot(m.id)
    expect(s.ach.snapshots(m.id).map((x) => x.id)).toEqual([second.id, first.id])
    expect(s.ach.getSnapshot(first.id)).toMatchObject({ label: 'before the call', matrix: { ratings: [{ rating: 'I' }] } })
    expect(s.ach.getSnapshot(second.id).matrix.ratings[0]!.rating).toBe('CC')
  })

  it('exports Markdown and CSV with scores and the cited evidence', async () => {
    const { s, caseId, h1, h2 } = await caseWithEvidence()
    const m = s.ach.create(caseId, 'Who moved?')
    const a = s.ach.addHypothesis(m.id, 'An exercise')
    const b = s.ach.addHypothesis(m.id, 'An incursion')
    const [r1, r2] = s.ach.addRows(m.id, [{ highlightId: h1 }, { highlightId: h2 }]).added
    s.ach.rate(r1!.id, a.id, 'I')
    s.ach.rate(r2!.id, b.id, 'I')
    const md = matrixMarkdown(s.ach.get(m.id))
    expect(md).toContain('| # | Evidence | Source | Date | Grade | Credibility | Relevance | H1 | H2 | Diagnosticity |')
    expect(md).toContain('| 1 **linchpin** | “Troops crossed the river at dawn” [^e1] | Reuters |  | B2 | High | Medium | I |  | 0 |')
    // Weighted: H1 = 1 × √2 × 1 ≈ 1.41, H2 = 1 × 1/√2 × 1 ≈ 0.71.
    expect(md).toContain('| **Weighted** |  |  |  |  |  |  | 1.41 | 0.71 |  |')
    expect(md).toContain('1. **H2** An incursion: inconsistency 1, weighted 0.71')
    expect(md).toContain(`[^e1]: “Troops crossed the river at dawn” Border report, Reuters, B2 <dossier://highlight/${h1}>`)
    expect(md).toContain('- Same source: 2 rows come from Reuters \\(rows 1 and 2\\)')
    const csv = matrixCsv(s.ach.get(m.id))
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n')
    expect(lines[0]).toBe('row,kind,evidence,article,source,published,grade,credibility_weight,relevance_weight,enabled,diagnosticity,linchpin,link,H1: An exercise,H2: An incursion')
    expect(lines[1]).toBe(`1,highlight,Troops crossed the river at dawn,Border report,Reuters,,B2,high,medium,yes,0,yes,dossier://highlight/${h1},I,`)
    expect(lines.at(-1)).toBe('weighted,,,,,,,,,,,,,1.4142,0.7071')
  })
})
