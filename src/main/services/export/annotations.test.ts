import { parse } from 'csv-parse/sync'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DossierError } from '../../../shared/errors'
import { createI18n, translator } from '../../../shared/i18n'
import { reasonText } from '../../../shared/i18n/reason-messages'
import { MAX_NOTE_CHARS } from '../../../shared/notes/note-schemas'
import { importText, plainNoteState, tempServices } from '../../../../test/support/temp-services'

const ARTICLE = '---\ntitle: Harbour pact\nurl: https://news.example.com/pact\n---\nPort operators met on Tuesday. =SUM(A1) was typed by a critic. A decision is due this month.'

/** As a spreadsheet reads it: quoted fields, doubled quotes, and CRLF, LF or CR ending a record outside quotes. */
function parseCsv(text: string): string[][] {
  return parse(text, { record_delimiter: ['\r\n', '\n', '\r'] }) as string[][]
}

describe('W3C Web Annotation and CSV export', () => {
  it('writes an AnnotationCollection with quote and position selectors, note, label and tags', async () => {
    const s = tempServices()
    const id = await importText(s, 'pact.md', ARTICLE)
    const text = s.articles.get(id).text
    const h = s.highlights.create(id, text.indexOf('A decision'), text.indexOf('A decision') + 'A decision is due'.length)
    s.notes.save(h.id, plainNoteState('Follow up'))
    s.highlights.setTags(h.id, ['deadline'])
    const { file, count } = s.exporter.annotations(join(s.dir, 'out'))
    expect(count).toBe(1)
    const doc = JSON.parse(readFileSync(file, 'utf8'))
    expect(doc).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: 1 })
    expect(doc.first.items[0]).toMatchObject({
      id: `dossier://highlight/${h.id}`,
      type: 'Annotation',
      body: [
        { type: 'TextualBody', value: 'Follow up', purpose: 'commenting' },
        { value: 'Key fact', purpose: 'classifying' },
        { value: 'deadline', purpose: 'tagging' }
      ],
      target: {
        source: 'https://news.example.com/pact',
        selector: [
          { type: 'TextQuoteSelector', exact: 'A decision is due' },
          { type: 'TextPositionSelector', start: h.start, end: h.end }
        ]
      }
    })
  })

  it('writes CSV with the columns analysts asked for, formulas made inert', async () => {
    const s = tempServices()
    const id = await importText(s, 'pact.md', ARTICLE)
    const text = s.articles.get(id).text
    const at = text.indexOf('=SUM')
    s.highlights.create(id, at, at + '=SUM(A1)'.length)
    const { file } = s.exporter.csv(join(s.dir, 'out'))
    const raw = readFileSync(file, 'utf8')
    expect(raw.startsWith('\ufeff')).toBe(true)
    const [header, row] = parseCsv(raw.slice(1))
    expect(header).toEqual(['article', 'label', 'quote', 'note', 'tags', 'date', 'link', 'page', 'source', 'reliability', 'credibility', 'grade'])
    expect(row!.slice(0, 4)).toEqual(['Harbour pact', 'Key fact', "'=SUM(A1)", ''])
  })
})

describe('importing annotations', () => {
  it('round-trips Dossier JSON into another library: matched by URL, re-anchored, with note, label and tags', async () => {
    const a = tempServices()
    const id = await importText(a, 'pact.md', ARTICLE)
    const text = a.articles.get(id).text
    const h = a.highlights.create(id, text.indexOf('Port operators'), text.indexOf('Port operators') + 'Port operators met'.length)
    a.highlights.setLabel(h.id, '00000000-0000-4000-8000-000000000002')
    a.highlights.setTags(h.id, ['ports'])
    a.notes.save(h.id, plainNoteState('Who attended?'))
    const { file } = a.exporter.annotations(join(a.dir, 'out'))

    const b = tempServices()
    // The same page, with a sentence added before the passage: positions moved.
    const other = await importText(b, 'pact.md', ARTICLE.replace('Port operators', 'Late news. Port operators'))
    const report = await b.annotationImport(readFileSync(file, 'utf8'), file)
    // Placed, and flagged for a look: the words before the passage are not what they were.
    expect(report).toEqual({ imported: 1, needsReview: 1, duplicates: 0, skipped: [], skippedReasons: [] })
    const [placed] = b.highlights.list(other)
    expect(placed).toMatchObject({ exact: 'Port operators met', needsReview: true, labelId: '00000000-0000-4000-8000-000000000002', tags: ['ports'] })
    expect(b.notes.markdown(placed!.id)).toBe('Who attended?')
    // Importing again adds nothing.
    expect(await b.annotationImport(readFileSync(file, 'utf8'), file)).toMatchObject({ imported: 0, duplicates: 1 })
  })

  it('brings in a Hypothesis export and says which annotations it could not place', async () => {
    const s = tempServices()
    const id = await importText(s, 'pact.md', ARTICLE)
    const hypothesis = {
      export_date: '2026-11-05',
      annotations: [
        {
          uri: 'https://news.example.com/pact#section',
          text: 'Check the **date**',
          tags: ['#deadline'],
          target: [{ source: 'https://news.example.com/pact', selector: [{ type: 'TextQuoteSelector', exact: 'decision is due', prefix: 'A ', suffix: ' this' }] }]
        },
        { uri: 'https://elsewhere.example.org/', target: [{ source: 'https://elsewhere.example.org/', selector: [{ type: 'TextQuoteSelector', exact: 'x' }] }] },
        { uri: 'https://news.example.com/pact', text: 'a page note', target: [{ source: 'https://news.example.com/pact' }] },
        { uri: 'https://news.example.com/pact', target: [{ source: 'https://news.example.com/pact', selector: [{ type: 'TextQuoteSelector', exact: 'words that are nowhere in it' }] }] }
      ]
    }
    const report = await s.annotationImport(JSON.stringify(hypothesis), 'hypothesis.json')
    expect(report.imported).toBe(1)
    expect(report.skipped).toEqual([
      'annotation 3: has no TextQuoteSelector with the quoted text (a page note, not a highlight)',
      'annotation 2: no article in the library has the address https://elsewhere.example.org/',
      'annotation 4: the quoted passage "words that are nowhere in it" is not in the article’s text'
    ])
    // The same reasons, worded in the analyst's language from their message ids; English says what main says.
    const en = translator(await createI18n('en'))
    expect(report.skippedReasons.map((why) => reasonText(why, en))).toEqual(report.skipped)
    const fr = translator(await createI18n('fr'))
    expect(reasonText(report.skippedReasons[2]!, fr)).toBe('annotation 4\u00a0: le passage cité «\u00a0words that are nowhere in it\u00a0» ne figure pas dans le texte de l’article')
    const [h] = s.highlights.list(id)
    expect(h).toMatchObject({ exact: 'decision is due', tags: ['deadline'] })
    expect(s.notes.markdown(h!.id)).toBe('Check the **date**')
  })

  it('skips an annotation whose note is over the note limit, saying so, and imports the rest', async () => {
    const s = tempServices()
    const id = await importText(s, 'pact.md', ARTICLE)
    const target = (exact: string) => [{ source: 'https://news.example.com/pact', selector: [{ type: 'TextQuoteSelector', exact }] }]
    const doc = {
      rows: [
        { uri: 'https://news.example.com/pact', text: 'word '.repeat(600_000), target: target('Port operators') },
        // Under the limit as Markdown, over it once every line becomes a paragraph node.
        { uri: 'https://news.example.com/pact', text: 'a\n\n'.repeat(120_000), target: target('met on Tuesday') },
        // One long line: the Markdown fits, the state made from it does not.
        { uri: 'https://news.example.com/pact', text: 'x'.repeat(MAX_NOTE_CHARS - 100), target: target('=SUM(A1)') },
        { uri: 'https://news.example.com/pact', text: 'Fine', target: target('A decision') }
      ]
    }
    const report = await s.annotationImport(JSON.stringify(doc), 'big.json')
    expect(report.imported).toBe(1)
    expect(report.skipped).toEqual([
      expect.stringMatching(/^annotation 1: its note is too long \(The note is [\d,]+ KB; a note holds at most 512 KB/),
      expect.stringMatching(/^annotation 2: its note is too long/),
      expect.stringMatching(/^annotation 3: its note is too long/)
    ])
    const en = translator(await createI18n('en'))
    expect(report.skippedReasons.map((why) => reasonText(why, en))).toEqual(report.skipped)
    expect(s.highlights.list(id).map((h) => h.exact)).toEqual(['A decision'])
    expect(s.db.prepare('SELECT max(length(content)) AS n FROM notes').get()).toEqual({ n: expect.any(Number) })
    expect((s.db.prepare('SELECT max(length(content)) AS n FROM notes').get() as { n: number }).n).toBeLessThanOrEqual(MAX_NOTE_CHARS)
  })

  it('refuses a file that is not JSON or not annotations, naming it, and changes nothing', async () => {
    const s = tempServices()
    await importText(s, 'pact.md', ARTICLE)
    await expect(s.annotationImport('{oops', 'bad.json')).rejects.toThrow(/^bad\.json: not JSON/)
    await expect(s.annotationImport('{"hello": 1}', 'other.json')).rejects.toThrow(/^other\.json: not a W3C annotation/)
    const en = translator(await createI18n('en'))
    for (const [text, name] of [['{oops', 'bad.json'], ['{"hello": 1}', 'other.json']] as const) {
      const err = (await s.annotationImport(text, name).catch((e: unknown) => e)) as DossierError
      expect(reasonText(err.reason!, en)).toBe(err.message)
    }
    expect(s.db.prepare('SELECT count(*) AS n FROM highlights').get()).toEqual({ n: 0 })
  })
})

describe('the window\'s channels for highlights files', () => {
  it('exports JSON or CSV for a scope, imports a file back, and names the file or article at fault', async () => {
    const s = tempServices()
    const id = await importText(s, 'pact.md', ARTICLE)
    const text = s.articles.get(id).text
    const h = s.highlights.create(id, text.indexOf('Port operators'), text.indexOf('Port operators') + 14)
    const outDir = join(s.dir, 'out')
    const json = await s.dispatch('export.highlights', { outDir, scope: { kind: 'all' }, format: 'json' })
    expect(json).toEqual({ ok: true, value: { file: join(outDir, 'annotations.json'), count: 1, conflictFile: null } })
    const csv = await s.dispatch('export.highlights', { outDir, scope: { kind: 'articles', ids: [id] }, format: 'csv' })
    expect(csv).toEqual({ ok: true, value: { file: join(outDir, 'highlights.csv'), count: 1, conflictFile: null } })

    s.highlights.delete(h.id)
    const back = await s.dispatch('annotations.import', { name: 'annotations.json', text: readFileSync(join(outDir, 'annotations.json'), 'utf8') })
    expect(back).toEqual({ ok: true, value: { imported: 1, needsReview: 0, duplicates: 0, skipped: [], skippedReasons: [] } })
    expect(s.highlights.list(id).map((x) => x.exact)).toEqual(['Port operators'])

    const broken = await s.dispatch('annotations.import', { name: 'hypothesis.json', text: '{"rows": [' })
    expect(broken).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/^hypothesis\.json: not JSON/) } })
    const missing = await s.dispatch('export.highlights', { outDir, scope: { kind: 'articles', ids: ['00000000-0000-4000-8000-00000000dead'] }, format: 'csv' })
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } })
    const wrongFormat = await s.dispatch('export.highlights', { outDir, scope: { kind: 'all' }, format: 'xml' })
    expect(wrongFormat).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('format') } })
  })
})

describe('re-exporting a highlights file', () => {
  it('replaces its own file, but leaves one the analyst changed and writes the new version beside it', async () => {
    const s = tempServices()
    const id = await importText(s, 'pact.md', ARTICLE)
    const text = s.articles.get(id).text
    s.highlights.create(id, text.indexOf('Port operators'), text.indexOf('Port operators') + 14)
    const outDir = join(s.dir, 'out')
    const first = s.exporter.csv(outDir)
    expect(first).toEqual({ file: join(outDir, 'highlights.csv'), count: 1, conflictFile: null })

    // Unchanged by the analyst: a new highlight simply updates it.
    s.highlights.create(id, text.indexOf('A decision'), text.indexOf('A decision') + 10)
    expect(s.exporter.csv(outDir)).toEqual({ file: first.file, count: 2, conflictFile: null })
    expect(parseCsv(readFileSync(first.file, 'utf8'))).toHaveLength(3)

    // Edited in a spreadsheet: kept as it is, and the new export goes beside it, every time until resolved.
    writeFileSync(first.file, 'my own sheet\r\n')
    for (let i = 0; i < 2; i++) {
      const again = s.exporter.csv(outDir)
      expect(again).toEqual({ file: first.file, count: 2, conflictFile: join(outDir, 'highlights.dossier-conflict.csv') })
      expect(readFileSync(first.file, 'utf8')).toBe('my own sheet\r\n')
      expect(parseCsv(readFileSync(again.conflictFile!, 'utf8'))).toHaveLength(3)
    }
    // Another folder is another file, with its own record.
    expect(s.exporter.annotations(join(s.dir, 'elsewhere')).conflictFile).toBeNull()
  })
})
