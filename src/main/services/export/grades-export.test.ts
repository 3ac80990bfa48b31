import { parse } from 'csv-parse/sync'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { WIRE_STORY, OTHER_STORY } from '../../../shared/analysis/fixtures/labelled-pairs'
import { highlightQuote, importMarkdown } from '../../../../test/support/analysis-fixtures'
import { tempServices } from '../../../../test/support/temp-services'

async function gradedLibrary() {
  const s = tempServices()
  const wire = await importMarkdown(s, 'wire.md', { title: 'UN panel on gold', source: 'Reuters', url: 'https://www.reuters.com/gold', body: WIRE_STORY })
  const other = await importMarkdown(s, 'other.md', { title: 'Cobalt glut', source: 'Mining Weekly', body: OTHER_STORY })
  const graded = highlightQuote(s, wire, 'pay a weekly levy to fighters', 2)
  const ungraded = highlightQuote(s, wire, 'declared as Ugandan production')
  s.grading.setSourceReliability(s.sources.list().find((x) => x.name === 'Reuters')!.id, 'B')
  return { s, wire, other, graded, ungraded }
}

describe('exports carry grades', () => {
  it('Markdown: the source reliability in front matter and the grade after each graded quote; ungraded shows no made-up grade', async () => {
    const { s } = await gradedLibrary()
    const out = join(s.dir, 'md')
    await s.exporter.markdown(out)
    const file = readFileSync(join(out, 'UN panel on gold.md'), 'utf8')
    expect(file).toMatch(/^---\ntitle: "UN panel on gold"\nsource: "Reuters"\nreliability: "B"\nurl: /)
    expect(file).toContain('> pay a weekly levy to fighters\n>\n> Grade: **B2** (source usually reliable; information probably true)\n>\n> [Open in Dossier]')
    // The source is graded, the passage is not: the chip says so rather than inventing a credibility.
    expect(file).toContain('> declared as Ugandan production\n>\n> Grade: **B?** (source usually reliable; information not graded)\n')
    expect(readFileSync(join(out, 'Cobalt glut.md'), 'utf8')).not.toMatch(/reliability:|Grade:/)
  })

  it('re-exports an article whose grade changed, with the new grade', async () => {
    const { s, wire, graded } = await gradedLibrary()
    const out = join(s.dir, 'md')
    await s.exporter.markdown(out)
    s.grading.setCredibility(graded, 4)
    s.grading.setArticleReliability(wire, 'C', 'this piece cites one trader')
    const again = await s.exporter.markdown(out)
    expect(again).toMatchObject({ updated: 1, conflicts: [] })
    const file = readFileSync(join(out, 'UN panel on gold.md'), 'utf8')
    expect(file).toContain('reliability: "C"')
    expect(file).toContain('Grade: **C4** (source fairly reliable; information doubtful)')
  })

  it('W3C JSON: an assessing body with both scales; CSV: source, reliability, credibility and grade columns', async () => {
    const { s, graded, ungraded } = await gradedLibrary()
    const { file: json } = s.exporter.annotations(join(s.dir, 'json'))
    const items = (JSON.parse(readFileSync(json, 'utf8')) as { first: { items: { id: string; body?: Record<string, unknown>[] }[] } }).first.items
    const body = (id: string) => items.find((i) => i.id === `dossier://highlight/${id}`)!.body!.find((b) => b.purpose === 'assessing')
    expect(body(graded)).toEqual({ type: 'TextualBody', value: 'B2', purpose: 'assessing', sourceReliability: 'B', informationCredibility: 2 })
    expect(body(ungraded)).toMatchObject({ value: 'B?', informationCredibility: null })

    const { file: csv } = s.exporter.csv(join(s.dir, 'csv'))
    const [header, ...rows] = parse(readFileSync(csv, 'utf8').slice(1)) as string[][]
    expect(header!.slice(-4)).toEqual(['source', 'reliability', 'credibility', 'grade'])
    expect(rows.map((r) => r.slice(2, 3).concat(r.slice(-4)))).toEqual([
      ['pay a weekly levy to fighters', 'Reuters', 'B', '2', 'B2'],
      ['declared as Ugandan production', 'Reuters', 'B', '', 'B?']
    ])
  })

  it('exports "this case": only the case’s articles', async () => {
    const { s, other } = await gradedLibrary()
    const c = s.cases.create('Cobalt')
    s.cases.addArticles(c.id, [other])
    const report = await s.exporter.markdown(join(s.dir, 'case'), { kind: 'case', caseId: c.id })
    expect(report.files).toEqual(['Cobalt glut.md'])
    await expect(s.exporter.markdown(join(s.dir, 'none'), { kind: 'case', caseId: '00000000-0000-4000-8000-00000000dead' })).rejects.toThrow(/No case/)
  })
})
