import { beforeAll, describe, expect, it } from 'vitest'
import type { AchMatrix, AchRow } from '../ach/ach-types'
import { briefMarkdown } from './brief-markdown'
import { achSummaryTable } from './snapshot-tables'
import { createI18n, translator, type Translate } from '../i18n'

let english: Translate
beforeAll(async () => {
  english = translator(await createI18n('en'))
})

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const row = (n: number): AchRow => ({
  id: id(100 + n),
  kind: 'highlight',
  highlightId: id(200 + n),
  claimId: null,
  quote: `Passage ${n}`,
  articleId: id(300),
  articleTitle: 'Report',
  sourceId: null,
  sourceName: 'Gazette',
  publishedAt: null,
  reliability: null,
  credibility: null,
  grade: 'ungraded',
  credibilityWeight: 'medium',
  relevance: 'medium',
  credibilityOverride: null,
  relevanceOverride: null,
  enabled: true
})

describe('the ACH summary embedded in a brief', () => {
  it('ranks the hypotheses least inconsistent first with both scores, and exports as a Markdown table, in the brief’s language', async () => {
    // H1 gets I and II (1 + 2 = 3), H2 gets C and CC (0): H2 ranks first.
    const matrix: AchMatrix = {
      id: id(1),
      caseId: id(2),
      name: 'Who closed the port',
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
      hypotheses: [
        { id: id(11), text: 'The storm' },
        { id: id(12), text: 'A strike' }
      ],
      rows: [row(1), row(2)],
      ratings: [
        { rowId: id(101), hypothesisId: id(11), rating: 'I' },
        { rowId: id(101), hypothesisId: id(12), rating: 'C' },
        { rowId: id(102), hypothesisId: id(11), rating: 'II' },
        { rowId: id(102), hypothesisId: id(12), rating: 'CC' }
      ]
    }
    const table = achSummaryTable(matrix, '2026-03-04T10:00:00Z')
    expect(table.rows).toEqual([
      ['1', 'H2: A strike', '0', '0'],
      ['2', 'H1: The storm', '3', '3']
    ])
    expect(table.caption).toBe('2 evidence rows, 2 counted, 0 linchpins; least inconsistent first. As of 2026-03-04.')
    const input = (t: typeof table) => ({
      brief: { title: 'B', blocks: [{ kind: 'table' as const, table: t }], cites: [], draft: false },
      notes: [],
      caseName: 'C',
      caseId: id(2),
      generatedAt: '2026-03-04',
      styleTitle: 'S',
      manifest: { caseId: id(2), caseName: 'C', generatedAt: '2026-03-04', logHead: null, articles: [] }
    })
    const md = briefMarkdown({
      brief: { title: 'B', blocks: [{ kind: 'table', table }], cites: [], draft: false },
      notes: [],
      caseName: 'C',
      caseId: id(2),
      generatedAt: '2026-03-04',
      styleTitle: 'S',
      manifest: { caseId: id(2), caseName: 'C', generatedAt: '2026-03-04', logHead: null, articles: [] },
      t: english,
      lang: 'en'
    })
    expect(md).toContain('**Competing hypotheses: Who closed the port**\n\n| Rank | Hypothesis | Inconsistency | Weighted |\n| --- | --- | --- | --- |\n| 1 | H2: A strike | 0 | 0 |')
    expect(md).toContain('*2 evidence rows, 2 counted, 0 linchpins; least inconsistent first. As of 2026-03-04.*')
    // The same table in a French brief: its words in French, the analyst's hypotheses as written.
    const fr = briefMarkdown({ ...input(table), t: translator(await createI18n('fr')), lang: 'fr' })
    expect(fr).toContain('**Hypothèses concurrentes : Who closed the port**\n\n| Rang | Hypothèse | Incohérence | Pondérée |')
    expect(fr).toContain('| 1 | H2: A strike | 0 | 0 |')
    expect(fr).toContain('*2 lignes d’éléments de preuve, 2 prises en compte, 0 pivot ; la moins incohérente d’abord. Au 2026-03-04.*')
    expect(fr).toContain('## Annexe des éléments de preuve')
  })
})
