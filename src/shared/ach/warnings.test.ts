import { describe, expect, it } from 'vitest'
import { achWarnings, type RowFacts } from './warnings'

const row = (over: Partial<RowFacts>): RowFacts => ({
  enabled: true,
  cells: ['I', 'I'],
  sourceKey: null,
  sourceName: null,
  articleId: null,
  passage: '',
  reliability: null,
  credibility: null,
  credibilityWeight: 'medium',
  ...over
})

describe('ACH warnings', () => {
  it('warns when several rows come from one source, naming it and the rows', () => {
    const w = achWarnings(
      [
        row({ sourceKey: 's1', sourceName: 'Reuters', articleId: 'a1', passage: 'Troops crossed the river at dawn.' }),
        row({ sourceKey: 's2', sourceName: 'AP', articleId: 'a2', passage: 'The ministry denied it.' }),
        row({ sourceKey: 's1', sourceName: 'Reuters', articleId: 'a3', passage: 'Shelling was heard overnight near the bridge.' })
      ],
      ['H1', 'H2']
    )
    expect(w.map((x) => x.kind)).toEqual(['same_source'])
    expect(w[0]!.message).toBe('Same source: 2 rows come from Reuters (rows 1 and 3); they may not be independent evidence.')
    expect(w[0]!.rows).toEqual([0, 2])
  })

  it('warns about passages that are near-copies, or whose articles are', () => {
    const copied = 'The convoy of forty trucks left the depot at six in the morning heading north'
    const w = achWarnings(
      [
        row({ articleId: 'a1', passage: copied }),
        row({ articleId: 'a2', passage: `Witnesses said: ${copied}, according to officials.` }),
        row({ articleId: 'a3', passage: 'An unrelated report on grain prices in the capital.' }),
        row({ articleId: 'a4', passage: 'A rewrite with no words in common at all here.' })
      ],
      ['H1', 'H2'],
      (a, b) => [a, b].sort().join() === 'a3,a4'
    )
    expect(w.filter((x) => x.kind === 'near_copy').map((x) => [x.rows, x.message.includes('share most of their wording')])).toEqual([
      [[0, 1], true],
      [[2, 3], false]
    ])
  })

  it('warns about a hypothesis nothing rates inconsistent, once there is evidence', () => {
    expect(achWarnings([], ['H1'])).toEqual([])
    const w = achWarnings([row({ cells: ['C', 'I', 'NA'] }), row({ cells: ['N', 'II', null] })], ['Accident', 'Sabotage', 'Drill'])
    expect(w.map((x) => [x.kind, x.hypotheses])).toEqual([
      ['no_inconsistent_evidence', [0]],
      ['no_inconsistent_evidence', [2]]
    ])
    expect(w[0]!.message).toContain('“Accident”')
  })

  it('warns when a row graded E or 5–6 carries a High credibility weight', () => {
    const w = achWarnings(
      [
        row({ reliability: 'E', credibility: 2, credibilityWeight: 'high' }),
        row({ reliability: 'A', credibility: 6, credibilityWeight: 'high' }),
        row({ reliability: 'A', credibility: 1, credibilityWeight: 'high' }),
        row({ reliability: 'E', credibility: 5, credibilityWeight: 'low' })
      ],
      ['H1', 'H2']
    )
    expect(w.map((x) => [x.kind, x.rows])).toEqual([
      ['low_grade_high_weight', [0]],
      ['low_grade_high_weight', [1]]
    ])
    expect(w[0]!.message).toBe('Weak grade, high weight: row 1 is graded E2 but weighted High for credibility.')
  })

  it('ignores rows toggled off', () => {
    const w = achWarnings(
      [row({ sourceKey: 's', articleId: 'a1', passage: 'x y z w' }), row({ sourceKey: 's', articleId: 'a2', passage: 'x y z w', enabled: false })],
      ['H1', 'H2']
    )
    expect(w).toEqual([])
  })
})
