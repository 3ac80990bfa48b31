import { parse } from 'csv-parse/sync'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { labelNamerFor } from '../../../shared/i18n/default-labels'
import { importText, tempServices } from '../../../../test/support/temp-services'

const ARTICLE = '---\ntitle: Harbour pact\nurl: https://news.example.com/pact\n---\nPort operators met on Tuesday. A decision is due this month. Insurers doubt it.'

/** Three highlights: the seeded "Key fact" untouched, the seeded "Claim" renamed by the analyst, and "Evidence" untouched. */
async function library() {
  const s = tempServices()
  const id = await importText(s, 'pact.md', ARTICLE)
  const text = s.articles.get(id).text
  const labels = s.labels.list()
  const byName = (name: string) => labels.find((l) => l.name === name)!.id
  const mark = (quote: string, labelId: string) => s.highlights.create(id, text.indexOf(quote), text.indexOf(quote) + quote.length, labelId)
  mark('Port operators met on Tuesday.', byName('Key fact'))
  const claim = byName('Claim')
  s.labels.update(claim, { name: 'Affirmation à vérifier' })
  mark('A decision is due this month.', claim)
  mark('Insurers doubt it.', byName('Evidence'))
  return { s, id }
}

function csvLabels(file: string): string[] {
  const rows = parse(readFileSync(file, 'utf8').slice(1)) as string[][]
  return rows.slice(1).map((r) => r[1]!)
}

describe('label names in exports (decision 0043)', () => {
  it('Markdown names the untouched seeded labels in the export’s language; a renamed one keeps its name', async () => {
    const { s } = await library()
    const fr = await s.exporter.markdown(join(s.dir, 'fr'), { kind: 'all' }, { locale: 'fr' })
    const frText = readFileSync(join(fr.outDir, fr.files[0]!), 'utf8')
    expect(frText).toContain('**Fait clé**')
    expect(frText).toContain('**Élément de preuve**')
    expect(frText).toContain('**Affirmation à vérifier**')
    expect(frText).not.toContain('Key fact')
    const ja = await s.exporter.markdown(join(s.dir, 'ja'), { kind: 'all' }, { locale: 'ja' })
    expect(readFileSync(join(ja.outDir, ja.files[0]!), 'utf8')).toContain('**重要な事実**')
    // English, or no language given (older clients, tests): the stored names, as before.
    const en = await s.exporter.markdown(join(s.dir, 'en'), { kind: 'all' }, { locale: 'en' })
    const plain = await s.exporter.markdown(join(s.dir, 'plain'))
    const enText = readFileSync(join(en.outDir, en.files[0]!), 'utf8')
    expect(enText).toContain('**Key fact**')
    expect(enText).toContain('**Evidence**')
    expect(readFileSync(join(plain.outDir, plain.files[0]!), 'utf8')).toBe(enText)
  })

  it('a stored render made for one language is not reused for another', async () => {
    const { s } = await library()
    await s.exporter.markdown(join(s.dir, 'en'), { kind: 'all' })
    const fr = await s.exporter.markdown(join(s.dir, 'fr'), { kind: 'all' }, { locale: 'fr' })
    expect(readFileSync(join(fr.outDir, fr.files[0]!), 'utf8')).toContain('**Fait clé**')
    const again = await s.exporter.markdown(join(s.dir, 'en2'), { kind: 'all' })
    expect(readFileSync(join(again.outDir, again.files[0]!), 'utf8')).toContain('**Key fact**')
  })

  it('CSV names labels in the language; JSON keeps the stored names annotation import matches', async () => {
    const { s } = await library()
    const ar = s.exporter.csv(join(s.dir, 'ar'), { kind: 'all' }, await labelNamerFor('ar'))
    expect(csvLabels(ar.file)).toEqual(['حقيقة أساسية', 'Affirmation à vérifier', expect.not.stringMatching(/Evidence/)])
    expect(csvLabels(s.exporter.csv(join(s.dir, 'en'), { kind: 'all' }, await labelNamerFor('en')).file)).toEqual(['Key fact', 'Affirmation à vérifier', 'Evidence'])
    const json = JSON.parse(readFileSync(s.exporter.annotations(join(s.dir, 'json')).file, 'utf8')) as { first: { items: { body: { value: string; purpose: string }[] }[] } }
    expect(json.first.items.map((a) => a.body.find((b) => b.purpose === 'classifying')!.value)).toEqual(['Key fact', 'Affirmation à vérifier', 'Evidence'])
  })

  it('a draft brief names a highlight’s seeded label in the brief’s language (HTML and Word write it over the quote)', async () => {
    const { s, id } = await library()
    const c = s.cases.create('Harbour')
    s.cases.addArticles(c.id, [id])
    const out = join(s.dir, 'draft.html')
    await s.brief.export(c.id, 'html', out, undefined, 'fr')
    const fr = readFileSync(out, 'utf8')
    expect(fr).toContain('Fait clé')
    expect(fr).toContain('Affirmation à vérifier')
    expect(fr).not.toContain('Key fact')
    await s.brief.export(c.id, 'html', out)
    expect(readFileSync(out, 'utf8')).toContain('Key fact')
  })
})
