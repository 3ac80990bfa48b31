import { strFromU8, unzipSync } from 'fflate'
import MarkdownIt from 'markdown-it'
import markdownItFootnote from 'markdown-it-footnote'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { importMarkdown, highlightQuote } from '../../../../test/support/analysis-fixtures'
import { entityTable } from '../../../shared/brief/snapshot-tables'
import { notebookState } from '../../../shared/brief/test-notebook'
import { PORT_RAID } from '../../../shared/entities/fixtures/news-en'
import { tempServices, type TempServices } from '../../../../test/support/temp-services'

/** Two graded articles from two outlets in one case, a quote from each, and the case's brief. */
async function briefCase(s: TempServices) {
  const a = await importMarkdown(s, 'port.md', {
    title: 'Port closes after storm',
    source: 'Harbour Gazette',
    author: 'Ana Silva',
    url: 'https://gazette.example/port',
    body: 'The port closed on Monday after the storm. Ships waited offshore for two days.'
  })
  const b = await importMarkdown(s, 'wire.md', {
    title: 'Shipping resumes',
    source: 'Coastal Wire',
    url: 'https://wire.example/resume',
    body: 'Shipping resumed on Wednesday, the harbour master said.'
  })
  const h1 = highlightQuote(s, a, 'The port closed on Monday after the storm.', 2)
  const h2 = highlightQuote(s, b, 'Shipping resumed on Wednesday, the harbour master said.')
  const c = s.cases.create('Harbour')
  s.cases.addArticles(c.id, [a, b])
  s.sources.list().forEach((src) => src.name === 'Harbour Gazette' && s.grading.setSourceReliability(src.id, 'B'))
  s.cases.saveNotebook(
    c.id,
    notebookState([
      { heading: 'Assessment' },
      { keyJudgement: 'We assess it likely that the port reopens within a week.' },
      { quote: { highlightId: h1, quote: 'The port closed on Monday after the storm.', label: '', citation: 'Harbour Gazette' } },
      { paragraph: 'Traffic has since picked up.' },
      { quote: { highlightId: h2, quote: 'Shipping resumed on Wednesday, the harbour master said.', label: '', citation: 'Coastal Wire' } },
      { heading: 'Outlook' },
      { paragraph: 'Insurers will raise premiums. Nobody has said so yet.' }
    ])
  )
  return { caseId: c.id, a, b, h1, h2 }
}

describe('the brief: exports with footnotes', () => {
  it('writes Word footnotes that name each quote’s source, in the order of the quotes; headings and key judgements styled', async () => {
    const s = tempServices()
    const { caseId } = await briefCase(s)
    const out = join(s.dir, 'brief.docx')
    const result = await s.brief.export(caseId, 'docx', out)
    expect(result).toMatchObject({ file: out, conflictFile: null, footnotes: 2, draft: false })

    const zip = unzipSync(readFileSync(out))
    const document = strFromU8(zip['word/document.xml']!)
    const footnotes = strFromU8(zip['word/footnotes.xml']!)
    // Each quote's text is followed by its footnote reference, 1 then 2.
    const firstQuote = document.indexOf('The port closed on Monday after the storm.')
    const secondQuote = document.indexOf('Shipping resumed on Wednesday')
    const refs = [...document.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => ({ id: m[1], at: m.index! }))
    expect(refs.map((r) => r.id)).toEqual(['1', '2'])
    expect(firstQuote).toBeGreaterThan(0)
    expect(refs[0]!.at).toBeGreaterThan(firstQuote)
    expect(refs[0]!.at).toBeLessThan(secondQuote)
    expect(refs[1]!.at).toBeGreaterThan(secondQuote)

    const noteText = (id: string) => {
      const m = new RegExp(`<w:footnote [^>]*w:id="${id}"[^>]*>([\\s\\S]*?)</w:footnote>`).exec(footnotes)
      return (m?.[1] ?? '').replace(/<[^>]+>/g, '')
    }
    expect(noteText('1')).toMatch(/^Ana Silva, “Port Closes after Storm,” Harbour Gazette, .*https:\/\/gazette\.example\/port\. Grade B2; imported \d{4}-\d{2}-\d{2}; SHA-256 [0-9a-f]{12}\.$/)
    expect(noteText('2')).toMatch(/“Shipping Resumes,” Coastal Wire.*Ungraded; imported/)

    expect(document).toMatch(/<w:pStyle w:val="Heading3"\/>[\s\S]*?Assessment/)
    expect(document).toMatch(/<w:pStyle w:val="KeyJudgement"\/>[\s\S]*?We assess it likely/)
    expect(strFromU8(zip['word/styles.xml']!)).toContain('w:styleId="KeyJudgement"')
    // The evidence appendix is a table of the manifest.
    expect(document).toMatch(/Evidence appendix[\s\S]*<w:tbl>[\s\S]*Port closes after storm[\s\S]*Shipping resumes/)
  })

  it('writes its own words in the export’s language (French): appendix, key judgement, notes’ grades, Word meta and columns; the analyst’s text as written', { timeout: 60_000 }, async () => {
    const s = tempServices()
    const { caseId } = await briefCase(s)
    const md = join(s.dir, 'note.md')
    await s.brief.export(caseId, 'md', md, undefined, 'fr')
    const text = readFileSync(md, 'utf8')
    expect(text).toContain('**Jugement clé\u00a0:** We assess it likely that the port reopens within a week.')
    expect(text).toContain('## Annexe des éléments de preuve')
    expect(text).toContain('| Titre | Source | Fiabilité | URL | Importé le | SHA-256 de l’original |')
    expect(text).toMatch(/\[\^1\]: .*Cote B2 ; importé le \d{4}-\d{2}-\d{2} ; SHA-256 [0-9a-f]{12}\./)
    expect(text).not.toMatch(/Evidence appendix|Key judgement|Grade B2|imported \d/)
    const docx = join(s.dir, 'note.docx')
    await s.brief.export(caseId, 'docx', docx, undefined, 'fr')
    const zip = unzipSync(readFileSync(docx))
    const document = strFromU8(zip['word/document.xml']!)
    expect(document).toContain('Jugement clé\u00a0:')
    expect(document).toContain('Annexe des éléments de preuve')
    expect(document).toContain('Dossier Harbour · ')
    expect(document).toContain('Fiabilité')
    expect(strFromU8(zip['word/footnotes.xml']!)).toContain('Cote B2\u202f; importé le')
    expect(document).not.toMatch(/Evidence appendix|Key judgement/)
  })

  it('writes Pandoc Markdown whose every footnote reference resolves, with front matter and the evidence appendix', async () => {
    const s = tempServices()
    const { caseId } = await briefCase(s)
    const out = join(s.dir, 'brief.md')
    await s.brief.export(caseId, 'md', out)
    const markdown = readFileSync(out, 'utf8')
    expect(markdown).toMatch(/^---\ntitle: "Brief: Harbour"\ncase: "Harbour"\n/)
    expect(markdown).toContain('**Key judgement:** We assess it likely that the port reopens within a week.')

    const md = new MarkdownIt().use(markdownItFootnote)
    const env: { footnotes?: { refs?: Record<string, number>; list?: { label?: string }[] } } = {}
    const tokens = md.parse(markdown.replace(/^---\n[\s\S]*?\n---\n/, ''), env)
    const refs = tokens.flatMap((t) => t.children ?? []).filter((t) => t.type === 'footnote_ref')
    expect(refs).toHaveLength(2)
    const defined = new Set((env.footnotes?.list ?? []).map((f) => f.label))
    for (const ref of refs) expect(defined.has((ref.meta as { label: string }).label)).toBe(true)
    expect(defined.size).toBe(2)
    expect(markdown).toMatch(/\[\^1\]: Ana Silva, “Port Closes after Storm,” Harbour Gazette/)
    expect(markdown).toMatch(/## Evidence appendix[\s\S]*\| Port closes after storm \| Harbour Gazette \| B \|/)
  })

  it('writes one self-contained HTML file whose footnote links all land', async () => {
    const s = tempServices()
    const { caseId } = await briefCase(s)
    const out = join(s.dir, 'brief.html')
    await s.brief.export(caseId, 'html', out)
    const html = readFileSync(out, 'utf8')
    expect(html).not.toMatch(/<script|<link|src=/i)
    const targets = [...html.matchAll(/href="#(fn(?:ref)?\d+)"/g)].map((m) => m[1]!)
    expect(targets.sort()).toEqual(['fn1', 'fn2', 'fnref1', 'fnref2'])
    for (const id of targets) expect(html).toContain(`id="${id}"`)
    expect(html).toContain('class="key-judgement"')
  })

  it('writes PDF through the shell’s printer from the same print-styled HTML, and says where PDF comes from where there is none', async () => {
    const printed: string[] = []
    const s = tempServices({
      printPdf: async (html) => {
        printed.push(html)
        return Buffer.from(`%PDF-1.7 ${html.length}`)
      }
    })
    const { caseId } = await briefCase(s)
    const out = join(s.dir, 'brief.pdf')
    expect(await s.brief.export(caseId, 'pdf', out)).toMatchObject({ file: out, conflictFile: null, footnotes: 2, format: 'pdf' })
    expect(readFileSync(out, 'utf8')).toBe(`%PDF-1.7 ${printed[0]!.length}`)
    // What is printed is the HTML export itself, print styles included.
    expect(printed[0]).toBe((await s.brief.html(caseId)).html)
    expect(printed[0]).toMatch(/@media print[\s\S]*<body class="brief-doc">/)
    expect(s.brief.canWritePdf).toBe(true)

    const web = tempServices()
    const other = await briefCase(web)
    expect(web.brief.canWritePdf).toBe(false)
    await expect(web.brief.export(other.caseId, 'pdf', join(web.dir, 'b.pdf'))).rejects.toThrow(/PDF is written by the desktop app; in the browser, open the brief’s print view/)
  })

  it('never overwrites a brief the analyst edited since the last export', async () => {
    const s = tempServices()
    const { caseId } = await briefCase(s)
    const out = join(s.dir, 'brief.md')
    await s.brief.export(caseId, 'md', out)
    expect((await s.brief.export(caseId, 'md', out)).conflictFile).toBeNull()
    writeFileSync(out, 'My own edits\n')
    const again = await s.brief.export(caseId, 'md', out)
    expect(again.conflictFile).toBe(join(s.dir, 'brief.dossier-conflict.md'))
    expect(readFileSync(out, 'utf8')).toBe('My own edits\n')
    expect(readFileSync(again.conflictFile!, 'utf8')).toContain('[^1]:')
  })
})

describe('check mode', () => {
  it('lists the sentences that stand next to no quote', async () => {
    const s = tempServices()
    const { caseId } = await briefCase(s)
    const check = await s.brief.check(caseId)
    // The key judgement and the paragraph between the quotes stand next to a quote; the outlook does not.
    expect(check.uncited.map((u) => u.text)).toEqual(['Insurers will raise premiums.', 'Nobody has said so yet.'])
    expect(check.passages).toEqual([])
  })

  it('names a quoted passage whose highlight changed, was orphaned or deleted', async () => {
    const s = tempServices()
    const { caseId, h1, h2 } = await briefCase(s)
    s.db.prepare('UPDATE highlights SET exact = ? WHERE id = ?').run('The port closed on Tuesday.', h1)
    expect((await s.brief.check(caseId)).passages).toEqual([
      { cite: 0, kind: 'highlight', id: h1, quoted: 'The port closed on Monday after the storm.', problem: 'changed', now: 'The port closed on Tuesday.' }
    ])
    s.db.prepare('UPDATE highlights SET orphaned = 1 WHERE id = ?').run(h1)
    s.highlights.delete(h2)
    expect((await s.brief.check(caseId)).passages.map((p) => [p.id, p.problem])).toEqual([
      [h1, 'orphaned'],
      [h2, 'deleted']
    ])
  })
})

describe('tables in a brief', () => {
  it('writes an embedded ACH summary as a Word table, before the evidence appendix', async () => {
    const s = tempServices()
    const { caseId } = await briefCase(s)
    const table = { kind: 'ach' as const, title: 'Competing hypotheses: Port', columns: ['Rank', 'Hypothesis', 'Inconsistency', 'Weighted'], rows: [['1', 'H2: A strike', '0', '0'], ['2', 'H1: The storm', '3', '3']], caption: '2 evidence rows' }
    s.cases.saveNotebook(caseId, notebookState([{ heading: 'Hypotheses' }, { table }]))
    const out = join(s.dir, 'tables.docx')
    await s.brief.export(caseId, 'docx', out)
    const document = strFromU8(unzipSync(readFileSync(out))['word/document.xml']!)
    const tables = [...document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim())
    expect(tables).toHaveLength(2)
    expect(tables[0]).toBe('Rank Hypothesis Inconsistency Weighted 1 H2: A strike 0 0 2 H1: The storm 3 3')
    expect(tables[1]).toMatch(/^Title Source Reliability URL Imported Original SHA-256 Port closes after storm/)
  })
})

describe('the entity list in a brief', () => {
  it('lists the entities of the case’s articles only (Trash left out), most mentioned first, and writes them in Markdown, HTML and Word', { timeout: 60_000 }, async () => {
    const s = tempServices()
    const { caseId } = await briefCase(s)
    const raid = await s.articles.importFile('raid.txt', new TextEncoder().encode(`Port raid in Rotterdam\n\nPublished 12 March 2025\n\n${PORT_RAID.text}`))
    const outside = await s.articles.importFile('outside.txt', new TextEncoder().encode('Strike in Valparaíso\n\nDock workers in Valparaíso, Chile, walked out on Friday, said Gabriela Rojas of the Chilean Dockers Union.'))
    await s.entityIndexer.extractPending()
    s.cases.addArticles(caseId, [raid.articleId!])

    const { items, total } = s.entities.ofCase(caseId, 5)
    expect(items).toHaveLength(5)
    expect(total).toBeGreaterThan(5)
    const all = s.entities.ofCase(caseId, 2000).items
    expect(all.map((e) => e.name)).toEqual(expect.arrayContaining(['Ömer Faruk Kaya', 'Caspian Horizon Shipping Ltd']))
    // Only the case's articles count: the Valparaíso strike is in the library, not in the case.
    expect(all.some((e) => /Valpara|Rojas/.test(e.name))).toBe(false)
    expect(s.entities.list().some((e) => /Valpara/.test(e.name))).toBe(true)
    // Most mentioned first: FIOD (and its alias) is named three times.
    const mentions = all.map((e) => e.mentionCount)
    expect(mentions).toEqual([...mentions].sort((x, y) => y - x))
    expect(all.find((e) => e.name === 'Ömer Faruk Kaya')).toMatchObject({ type: 'person', articleCount: 1, mentionCount: 2 })

    const table = entityTable(items, 'Harbour', total, '2026-03-04T10:00:00Z')
    expect(table.caption).toBe(`5 of ${total} entities named in the case’s articles, most mentioned first. As of 2026-03-04.`)
    s.cases.saveNotebook(caseId, notebookState([{ heading: 'Who is involved' }, { table }]))
    const first = items[0]!
    const md = readFileSync((await s.brief.export(caseId, 'md', join(s.dir, 'e.md'))).file, 'utf8')
    expect(md).toContain(`**Entities: Harbour**\n\n| Entity | Type | Mentions | Articles |\n| --- | --- | --- | --- |\n| ${first.name} |`)
    const html = readFileSync((await s.brief.export(caseId, 'html', join(s.dir, 'e.html'))).file, 'utf8')
    expect(html).toMatch(/<strong>Entities: Harbour<\/strong>[\s\S]*<th scope="col">Entity<\/th>[\s\S]*Ömer Faruk Kaya/)
    const docx = strFromU8(unzipSync(readFileSync((await s.brief.export(caseId, 'docx', join(s.dir, 'e.docx'))).file))['word/document.xml']!)
    const tables = [...docx.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim())
    expect(tables[0]).toMatch(new RegExp(`^Entity Type Mentions Articles ${first.name} `))

    // An article put in the Trash takes its entities out of the case's list.
    s.trash.deleteArticle(raid.articleId!)
    expect(s.entities.ofCase(caseId).items.some((e) => e.name === 'Ömer Faruk Kaya')).toBe(false)
    expect(outside.articleId).toBeTruthy()
  })
})

describe('the brief’s tables and what is still being extracted', () => {
  it('extract the case’s articles still waiting first, so a list inserted just after an import leaves none out', { timeout: 60_000 }, async () => {
    const s = tempServices()
    const { caseId } = await briefCase(s)
    // Imported in tests without parse workers: its extraction has not run, as one still queued.
    const raid = await s.articles.importFile('raid.txt', new TextEncoder().encode(`Port raid in Rotterdam\n\nPublished 12 March 2025\n\n${PORT_RAID.text}`))
    s.cases.addArticles(caseId, [raid.articleId!])
    expect(s.entities.ofCase(caseId).items.some((e) => e.name === 'Ömer Faruk Kaya')).toBe(false)

    const listed = (await s.dispatch('entity.ofCase', { caseId, limit: 30 })) as { ok: true; value: { items: { name: string; type: string }[]; waiting: number } }
    expect(listed.value.waiting).toBe(0)
    expect(listed.value.items.find((e) => e.name === 'Ömer Faruk Kaya')).toMatchObject({ type: 'person' })
    const events = (await s.dispatch('timeline.list', { caseId, limit: 20, complete: true })) as { ok: true; value: { items: { date: string }[] } }
    expect(events.value.items.length).toBeGreaterThan(0)
  })

  it('do not wait for a case of many articles never extracted: the library job takes them and the count left out is said', { timeout: 60_000 }, async () => {
    const s = tempServices()
    const c = s.cases.create('Archive')
    const ids: string[] = []
    for (let i = 0; i < 4; i++) ids.push((await s.articles.importFile(`a${i}.txt`, new TextEncoder().encode(`Report ${i}\n\nMinister Ana Silva spoke in Lisbon on report ${i}.`))).articleId!)
    s.cases.addArticles(c.id, ids)
    expect(await s.entityIndexer.extractCase(c.id, 3)).toBe(4)
    expect(s.entityIndexer.running().job).not.toBeNull()
    await vi.waitFor(() => expect(s.entityIndexer.running().job).toBeNull(), { timeout: 30_000 })
    expect(await s.entityIndexer.extractCase(c.id, 3)).toBe(0)
  })
})

describe('a quoted claim', () => {
  it('is cited by its evidence, and check mode says when it was deleted', async () => {
    const s = tempServices()
    const { caseId, h1 } = await briefCase(s)
    const claim = s.claims.add(caseId, 'The port closed for a week', { supports: [h1] })
    s.cases.saveNotebook(caseId, notebookState([{ paragraph: 'The closure is agreed.' }, { claim: { claimId: claim.id, text: 'The port closed for a week' } }]))
    const out = join(s.dir, 'claim.md')
    await s.brief.export(caseId, 'md', out)
    const markdown = readFileSync(out, 'utf8')
    expect(markdown).toContain('> The port closed for a week[^1]')
    expect(markdown).toMatch(/\[\^1\]: Claim \\\(unassessed\\\)\. Supported by: Ana Silva, “Port Closes after Storm,” Harbour Gazette/)
    expect(await s.brief.check(caseId)).toEqual({ uncited: [], passages: [] })
    s.claims.delete(claim.id)
    expect((await s.brief.check(caseId)).passages).toEqual([{ cite: 0, kind: 'claim', id: claim.id, quoted: 'The port closed for a week', problem: 'deleted', now: null }])
  })
})

describe('a case with no brief yet', () => {
  it('exports a draft: each claim with its evidence, then every other highlight with its note, all cited', async () => {
    const s = tempServices()
    const a = await importMarkdown(s, 'port.md', { title: 'Port closes', source: 'Harbour Gazette', body: 'The port closed on Monday. Fuel prices rose.' })
    const h1 = highlightQuote(s, a, 'The port closed on Monday.')
    const h2 = highlightQuote(s, a, 'Fuel prices rose.')
    s.notes.save(h2, JSON.stringify({ root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, text: 'Check against the ministry figures.', format: 0, detail: 0, mode: 'normal', style: '' }] }] } }))
    const c = s.cases.create('Fuel')
    s.cases.addArticles(c.id, [a])
    s.claims.add(c.id, 'The port closed', { supports: [h1] })

    const out = join(s.dir, 'draft.md')
    const result = await s.brief.export(c.id, 'md', out)
    expect(result).toMatchObject({ draft: true, footnotes: 2 })
    const markdown = readFileSync(out, 'utf8')
    expect(markdown).toMatch(/# Draft brief: Fuel[\s\S]*## Claims[\s\S]*\*\*The port closed\*\* \\\(unassessed\\\)[\s\S]*> The port closed on Monday\.\[\^1\][\s\S]*## Highlights[\s\S]*> Fuel prices rose\.\[\^2\]\n\nCheck against the ministry figures\./)
    expect(markdown).toMatch(/\[\^2\]: “Port Closes,” Harbour Gazette/)
    expect(result.check.uncited).toEqual([])
  })
})

describe('a brief quoting right-to-left text', () => {
  it('keeps the Arabic quote right to left in Markdown (a dir hint CommonMark readers keep), HTML and Word (bidi paragraph, rtl runs, their language)', async () => {
    const s = tempServices()
    const quote = 'وقال المتحدث John Smith إن الخطة الجديدة تشمل أربع سفن.'
    const a = await importMarkdown(s, 'ar.md', { title: 'الموانئ', source: 'صحيفة الميناء', body: `أعلنت هيئة الموانئ يوم الاثنين استئناف الرحلات. ${quote}` })
    const h = highlightQuote(s, a, quote)
    const c = s.cases.create('Ports')
    s.cases.addArticles(c.id, [a])
    s.cases.saveNotebook(c.id, notebookState([{ paragraph: 'The ministry’s line:' }, { quote: { highlightId: h, quote, label: '', citation: 'صحيفة الميناء' } }]))

    // Markdown: the quote wrapped in <div dir="rtl">, still a quote with its footnote inside it; English untouched.
    const markdown = readFileSync((await s.brief.export(c.id, 'md', join(s.dir, 'b.md'))).file, 'utf8')
    expect(markdown).toContain(`The ministry’s line:\n\n<div dir="rtl">\n\n> ${quote}[^1]\n\n</div>`)
    const html = new MarkdownIt({ html: true }).use(markdownItFootnote).render(markdown.replace(/^---\n[\s\S]*?\n---\n/, ''))
    expect(html).toMatch(/<div dir="rtl">\s*<blockquote>\s*<p>وقال المتحدث John Smith إن الخطة الجديدة تشمل أربع سفن\.<sup class="footnote-ref">/)

    // HTML (and the PDF printed from it): the quote right to left, in Arabic.
    const page = readFileSync((await s.brief.export(c.id, 'html', join(s.dir, 'b.html'))).file, 'utf8')
    expect(page).toContain('<blockquote class="cited" dir="rtl" lang="ar">')
    expect(page).toMatch(/<p>The ministry’s line:<\/p>/)

    // Word: the quote's paragraph is bidi, its run rtl with Arabic as its complex-script language.
    const docx = strFromU8(unzipSync(readFileSync((await s.brief.export(c.id, 'docx', join(s.dir, 'b.docx'))).file))['word/document.xml']!)
    const quoteParagraph = /<w:p>(?:(?!<\/w:p>)[\s\S])*?وقال المتحدث[\s\S]*?<\/w:p>/.exec(docx)?.[0] ?? ''
    expect(quoteParagraph).toContain('<w:bidi/>')
    expect(quoteParagraph).toMatch(/<w:rPr>(?:(?!<\/w:rPr>)[\s\S])*<w:rtl\/>(?:(?!<\/w:rPr>)[\s\S])*<w:lang w:bidi="ar"\/>/)
    const englishParagraph = /<w:p>(?:(?!<\/w:p>)[\s\S])*?The ministry’s line:[\s\S]*?<\/w:p>/.exec(docx)?.[0] ?? ''
    expect(englishParagraph).not.toMatch(/<w:bidi\/>|<w:rtl\/>/)
  })
})
