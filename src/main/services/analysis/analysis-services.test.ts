import { describe, expect, it } from 'vitest'
import { createHash, randomUUID } from 'node:crypto'
import { OTHER_STORY, REWRITE_PARAGRAPHS, REWRITE_STORY, WIRE_PARAGRAPHS, WIRE_STORY } from '../../../shared/analysis/fixtures/labelled-pairs'
import { importText, tempServices, utf8 } from '../../../../test/support/temp-services'
import { highlightQuote, importMarkdown } from '../../../../test/support/analysis-fixtures'

const sha = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex')

describe('sources', () => {
  it('proposes a source from the outlet the article names, and reuses it by name or by domain', async () => {
    const s = tempServices()
    const a = await importMarkdown(s, 'a.md', { title: 'Gold levies', source: 'Reuters', url: 'https://www.reuters.com/world/gold-1', body: WIRE_STORY })
    const b = await importMarkdown(s, 'b.md', { title: 'Cobalt glut', url: 'https://reuters.com/markets/cobalt', body: OTHER_STORY })
    const c = await importMarkdown(s, 'c.md', { title: 'Panel findings', source: 'reuters', body: REWRITE_STORY })
    const d = await importMarkdown(s, 'd.md', { title: 'Blog post', url: 'https://minewatch.example.org/post', body: 'Miners at the pits pay a weekly levy to the fighters, a digger said.' })
    const sources = s.sources.list()
    expect(sources.map((x) => [x.name, x.domain, x.articles])).toEqual([
      ['minewatch.example.org', 'minewatch.example.org', 1],
      ['Reuters', 'reuters.com', 3]
    ])
    expect(new Set([a, b, c].map((id) => s.articles.get(id).source))).toEqual(new Set(['Reuters']))
    expect(s.articles.get(d).source).toBe('minewatch.example.org')
  })

  it('renames, merges and splits sources and reassigns an article; the merged grade history stays readable', async () => {
    const s = tempServices({ actor: 'analyst1' })
    const a = await importMarkdown(s, 'a.md', { title: 'One', source: 'Harbour Daily', body: WIRE_STORY })
    const b = await importMarkdown(s, 'b.md', { title: 'Two', source: 'The Harbour Daily', body: OTHER_STORY })
    const [first, second] = s.sources.list()
    s.grading.setSourceReliability(first!.id, 'C', 'known outlet, mixed record')
    expect(() => s.sources.rename(second!.id, 'harbour daily')).toThrow(/exists already; merge/)
    const merged = s.sources.merge([first!.id], second!.id)
    expect(merged.articles).toBe(2)
    expect(s.articles.get(a).source).toBe('The Harbour Daily')
    expect(s.sources.list()).toHaveLength(1)
    expect(s.grading.history('source', second!.id)).toEqual([
      expect.objectContaining({ from: null, to: 'C', reason: 'known outlet, mixed record', actor: 'analyst1' })
    ])
    // An import naming the merged source lands on the kept one.
    const c = await importMarkdown(s, 'c.md', { title: 'Three', source: 'Harbour Daily', body: REWRITE_STORY })
    expect(s.articles.get(c).source).toBe('The Harbour Daily')

    const split = s.sources.split(second!.id, [b], 'Harbour Daily Weekend')
    expect(split).toMatchObject({ name: 'Harbour Daily Weekend', articles: 1, reliability: null })
    s.sources.assign(b, second!.id)
    expect(s.articles.get(b).source).toBe('The Harbour Daily')
    s.sources.rename(second!.id, 'Harbour Daily (print)')
    expect(s.articles.get(a).source).toBe('Harbour Daily (print)')
  })
})

describe('undoing a merge', () => {
  it('gives the merged source back its own articles, name and grade; an article reassigned since stays put', async () => {
    const s = tempServices()
    const a = await importMarkdown(s, 'a.md', { title: 'One', source: 'Harbour Daily', body: WIRE_STORY })
    const b = await importMarkdown(s, 'b.md', { title: 'Two', source: 'Port Wire', body: OTHER_STORY })
    const c = await importMarkdown(s, 'c.md', { title: 'Three', source: 'Harbour Daily', body: REWRITE_STORY })
    const daily = s.sources.list().find((x) => x.name === 'Harbour Daily')!
    const wire = s.sources.list().find((x) => x.name === 'Port Wire')!
    s.grading.setSourceReliability(daily.id, 'B')
    const before = s.sources.articles(daily.id).map((x) => x.id)
    expect(before.sort()).toEqual([a, c].sort())
    s.sources.merge([daily.id], wire.id)
    s.sources.assign(c, null)
    const back = s.sources.unmerge(daily.id, before)
    expect(back).toMatchObject({ name: 'Harbour Daily', reliability: 'B', articles: 1 })
    expect(s.articles.get(a)).toMatchObject({ source: 'Harbour Daily', sourceId: daily.id, sourceReliability: 'B', reliabilityOverride: null })
    expect(s.articles.get(c).source).toBeNull()
    expect(s.articles.get(b).source).toBe('Port Wire')
    expect(() => s.sources.unmerge(daily.id, [])).toThrow(/not merged/)
    // A per-article override shows as the article's own grade, and in the library's rows.
    s.grading.setArticleReliability(a, 'D', 'anonymous sourcing')
    expect(s.articles.get(a)).toMatchObject({ sourceReliability: 'B', reliabilityOverride: 'D' })
    expect(s.sources.articles(daily.id)).toEqual([expect.objectContaining({ id: a, reliabilityOverride: 'D' })])
    const rows = s.library.page({ filter: {}, sort: 'title', direction: 'asc', offset: 0, limit: 10 }).items
    expect(rows.map((r) => [r.title, r.reliability])).toEqual([
      ['One', 'D'],
      ['Three', null],
      ['Two', null]
    ])
  })
})

describe('grades', () => {
  it('keeps every change with who, when, from, to and why; an unchanged grade adds nothing', async () => {
    const s = tempServices({ actor: 'mkalnins' })
    const id = await importMarkdown(s, 'a.md', { title: 'One', source: 'Reuters', body: WIRE_STORY })
    const h = highlightQuote(s, id, 'pay a weekly levy to fighters')
    expect(s.highlights.get(h)).toMatchObject({ credibility: null, reliability: null })
    const source = s.sources.list()[0]!.id
    s.grading.setSourceReliability(source, 'B')
    s.grading.setSourceReliability(source, 'B')
    s.grading.setCredibility(h, 2, 'matches customs data')
    s.grading.setArticleReliability(id, 'D', 'this piece relies on one anonymous trader')
    expect(s.highlights.get(h)).toMatchObject({ credibility: 2, reliability: 'D' })
    s.grading.setArticleReliability(id, null)
    expect(s.highlights.get(h).reliability).toBe('B')
    expect(s.grading.history('source', source)).toEqual([expect.objectContaining({ from: null, to: 'B', actor: 'mkalnins', reason: null })])
    expect(s.grading.history('highlight', h)).toEqual([expect.objectContaining({ scale: 'credibility', from: null, to: '2', reason: 'matches customs data' })])
    expect(s.grading.history('article', id).map((g) => [g.from, g.to])).toEqual([
      ['D', null],
      [null, 'D']
    ])
    expect(() => s.grading.setCredibility(h, 7 as 1)).toThrow(/not a credibility grade/)
  })
})

describe('cases', () => {
  it('are created, renamed, described, archived and restored; articles belong to several; imports go to the open case', async () => {
    const s = tempServices()
    const gold = s.cases.create('Gold  and armed groups ', 'Who profits from artisanal gold in Ituri?')
    const cobalt = s.cases.create('Cobalt prices')
    expect(() => s.cases.create('gold and armed groups')).toThrow(/exists already/)
    s.cases.open(gold.id)
    const a = await importMarkdown(s, 'a.md', { title: 'One', source: 'Reuters', body: WIRE_STORY })
    s.cases.open(null)
    const b = await importMarkdown(s, 'b.md', { title: 'Two', source: 'Reuters', body: OTHER_STORY })
    s.cases.addArticles(cobalt.id, [a, b])
    expect(s.cases.articleIds(gold.id)).toEqual([a])
    expect(s.cases.casesOf(a).map((c) => c.name)).toEqual(['Cobalt prices', 'Gold and armed groups'])
    expect(() => s.cases.addArticles(gold.id, ['00000000-0000-4000-8000-00000000dead'])).toThrow(/No article/)

    s.cases.open(cobalt.id)
    expect(s.cases.last()?.id).toBe(cobalt.id)
    s.cases.rename(cobalt.id, 'Cobalt glut')
    s.cases.archive(cobalt.id)
    expect(s.cases.list().map((c) => c.name)).toEqual(['Gold and armed groups'])
    expect(s.cases.last()).toBeNull()
    expect(s.cases.openCaseId).toBeNull()
    expect(s.cases.restore(cobalt.id)).toMatchObject({ name: 'Cobalt glut', archivedAt: null, articles: 2 })
  })

  it('keep a notebook in the same editor format as an article notebook', async () => {
    const s = tempServices()
    const c = s.cases.create('Gold')
    const { plainNoteState } = await import('../../../../test/support/temp-services')
    s.cases.saveNotebook(c.id, plainNoteState('Brief: levies at twelve sites.'))
    expect(s.cases.getNotebook(c.id)?.content).toBe(plainNoteState('Brief: levies at twelve sites.'))
    expect(() => s.cases.saveNotebook(c.id, '{"nope": 1}')).toThrow()
  })

  it('keep History for a case notebook: each save is a revision, and restoring one brings it back', async () => {
    const s = tempServices()
    const c = s.cases.create('Gold')
    const other = s.cases.create('Cobalt')
    const { plainNoteState } = await import('../../../../test/support/temp-services')
    s.cases.saveNotebook(c.id, plainNoteState('First draft: levies at twelve sites.'))
    s.cases.saveNotebook(c.id, plainNoteState('First draft: levies at twelve sites.'))
    s.cases.saveNotebook(c.id, plainNoteState('Second draft: levies at fourteen sites.'))
    s.cases.saveNotebook(other.id, plainNoteState('Cobalt notes.'))
    // Through the contract, as the History dialog asks.
    expect(await s.dispatch('note.revisions', { caseId: c.id })).toMatchObject({ ok: true })
    const revisions = s.notes.revisions({ caseId: c.id })
    // An identical save adds none; the other case's notebook is not listed.
    expect(revisions.map((r) => r.preview)).toEqual(['Second draft: levies at fourteen sites.', 'First draft: levies at twelve sites.'])
    const restored = await s.dispatch('note.restoreRevision', { revisionId: revisions[1]!.id })
    expect(restored).toMatchObject({ ok: true, value: { caseId: c.id, highlightId: null, articleId: null } })
    expect(s.cases.getNotebook(c.id)?.content).toBe(plainNoteState('First draft: levies at twelve sites.'))
    // The restore is itself a revision, so the second draft can come back too.
    expect(s.notes.revisions({ caseId: c.id })).toHaveLength(3)
  })
})

describe('claims and their warnings', () => {
  /** A case with the wire story, a near-copy of it from another outlet, and independent reporting. */
  async function builtCase() {
    const s = tempServices()
    const c = s.cases.create('Gold and armed groups')
    s.cases.open(c.id)
    const wire = await importMarkdown(s, 'wire.md', { title: 'UN panel on gold', source: 'Reuters', body: WIRE_STORY })
    const copy = await importMarkdown(s, 'copy.md', {
      title: 'Gold funds militias, UN says',
      source: 'Lakes Observer',
      body: `Our correspondent in Bunia.\n\n${WIRE_PARAGRAPHS.slice(0, 8).join('\n\n')}`
    })
    const own = await importMarkdown(s, 'own.md', { title: 'Militias and the mines', source: 'Ituri Voice', body: REWRITE_STORY })
    return { s, c, wire, copy, own }
  }

  it('warn of a single source, no contradicting evidence and low credibility only', async () => {
    const { s, c, wire } = await builtCase()
    const h1 = highlightQuote(s, wire, 'pay a weekly levy to fighters', 4)
    const h2 = highlightQuote(s, wire, 'declared as Ugandan production')
    const claim = s.claims.add(c.id, 'Armed groups earn revenue from artisanal gold', { supports: [h1, h2] })
    expect(claim.warnings.map((w) => w.kind)).toEqual(['single_source', 'low_credibility_only', 'no_contradicting_evidence'])
    expect(claim.warnings[0]!.message).toBe('Single source: all 2 supporting passages come from Reuters.')
    expect(claim).toMatchObject({ supports: 2, contradicts: 0, bestCredibility: 4 })
  })

  it('warn of circular reporting when two outlets carry the same copied passage, and not for independent reporting', async () => {
    const { s, c, wire, copy, own } = await builtCase()
    const quote = 'at least twelve mining sites around the town of Mongbwalu pay a weekly levy'
    const fromWire = highlightQuote(s, wire, quote, 2)
    const fromCopy = highlightQuote(s, copy, quote, 2)
    const fromOwn = highlightQuote(s, own, REWRITE_PARAGRAPHS[1]!, 2)
    const contra = highlightQuote(s, wire, 'said the army had cleared most of the sites', 3)

    const circular = s.claims.add(c.id, 'Fighters levy the Mongbwalu pits', { supports: [fromWire, fromCopy], contradicts: [contra] })
    expect(circular.warnings.map((w) => w.kind)).toEqual(['circular_reporting'])
    expect(circular.warnings[0]!.message).toMatch(/share most of their wording/)

    const independent = s.claims.add(c.id, 'Fighters levy the pits (independent)', { supports: [fromWire, fromOwn], contradicts: [contra] })
    expect(independent.warnings).toEqual([])
    expect(new Set(independent.evidence.map((e) => `${e.relation} ${e.sourceName} ${e.grade}`))).toEqual(
      new Set(['supports Reuters ?2', 'supports Ituri Voice ?2', 'contradicts Reuters ?3'])
    )

    // The articles themselves are near-copies even where the highlighted passages differ.
    const a = highlightQuote(s, wire, 'Customs records show exports of gold from Uganda', 2)
    const b = highlightQuote(s, copy, 'check the origin of every shipment', 2)
    expect(s.claims.add(c.id, 'Gold leaves through Uganda', { supports: [a, b], contradicts: [contra] }).warnings.map((w) => w.kind)).toEqual(['circular_reporting'])

    const list = s.claims.list(c.id)
    expect(list.map((x) => x.text)[0]).toBe('Fighters levy the pits (independent)')
    expect(list.find((x) => x.id === independent.id)).toMatchObject({ supports: 2, contradicts: 1, bestCredibility: 2 })

    // The list reads a narrower query than a claim's own page (migration 035): both must say the
    // same of every claim, also once an article is in the Trash and its passages no longer count.
    const same = () => {
      for (const summary of s.claims.list(c.id)) {
        const { evidence, ...detail } = s.claims.get(summary.id)
        void evidence
        expect(summary).toEqual(detail)
      }
    }
    same()
    s.trash.deleteArticle(own)
    expect(s.claims.list(c.id).find((x) => x.id === independent.id)).toMatchObject({ supports: 1, contradicts: 1 })
    same()
  })

  it('changes a link, unlinks, sets a status, and refuses a highlight in the Trash', async () => {
    const { s, c, wire } = await builtCase()
    const h = highlightQuote(s, wire, 'pay a weekly levy to fighters')
    const claim = s.claims.add(c.id, 'Levies are paid')
    expect(s.claims.link(claim.id, h, 'supports').supports).toBe(1)
    expect(s.claims.link(claim.id, h, 'context')).toMatchObject({ supports: 0, context: 1 })
    expect(s.claims.unlink(claim.id, h).context).toBe(0)
    expect(s.claims.setStatus(claim.id, 'contested').status).toBe('contested')
    s.highlights.delete(h)
    expect(() => s.claims.link(claim.id, h, 'supports')).toThrow(/in the Trash/)
  })
})

describe('provenance', () => {
  it('stores the hashes of the original bytes and the canonical text, the time, how it came in and the app version', async () => {
    const s = tempServices({ version: '9.9.9' })
    const bytes = utf8('Ferry strike\n\r\nThe ferries stopped on Monday.\r\n')
    const file = (await s.articles.importFile('ferry.txt', bytes)).articleId!
    const pasted = (await s.articles.importPaste('Ice report\n\nThe Gulf froze early this year.')).articleId!
    const row = (id: string) =>
      s.db.prepare('SELECT original_sha256, text_sha256, import_method, import_origin, app_version, imported_at, text FROM articles WHERE id = ?').get(id) as Record<string, string>
    expect(row(file)).toMatchObject({ original_sha256: sha(bytes), import_method: 'file', import_origin: 'ferry.txt', app_version: '9.9.9' })
    expect(row(file).text_sha256).toBe(sha(row(file).text!))
    expect(row(file).imported_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    expect(row(pasted)).toMatchObject({ import_method: 'paste', import_origin: null })
  })

  it('logs imports, text changes, grades, claim links, deletions, restorations and the emptied Trash, and refuses to change the log', async () => {
    const s = tempServices({ actor: 'analyst1' })
    const id = await importText(s, 'ferry.txt', 'Ferry strike\n\nThe ferries stopped on Monday after the talks failed.\n\nUnions met again on Tuesday.')
    const h = s.highlights.create(id, 14, 40).id
    s.grading.setCredibility(h, 3)
    const c = s.cases.create('Ferries')
    const claim = s.claims.add(c.id, 'The ferries stopped', { supports: [h] })
    s.articles.setBlockRemoved(id, 2, true)
    s.highlights.delete(h)
    s.trash.restore('highlight', h)
    s.trash.deleteArticle(id)
    s.trash.empty()
    const actions = s.provenance.log().map((e) => `${e.action} ${e.subjectKind}`).reverse()
    expect(actions).toEqual([
      'import article',
      'grade highlight',
      'claim-create claim',
      'claim-link claim',
      'text-change article',
      'delete highlight',
      'restore highlight',
      'delete article',
      'purge article',
      // The purged article's highlight leaves the claim with it.
      'claim-unlink claim'
    ])
    expect(s.provenance.log().every((e) => e.actor === 'analyst1')).toBe(true)
    expect(s.provenance.log().find((e) => e.action === 'purge')?.details).toMatchObject({ title: 'Ferry strike' })
    expect(() => s.db.prepare('UPDATE activity_log SET actor = ? WHERE seq = 1').run('someone')).toThrow(/append-only/)
    expect(() => s.db.prepare('DELETE FROM activity_log WHERE seq = 1').run()).toThrow(/append-only/)
    expect(s.provenance.verify()).toMatchObject({ ok: true, failures: [] })
    void claim
  })

  it('verify names each article whose original changed and each broken log entry', async () => {
    const s = tempServices()
    const a = await importText(s, 'a.txt', 'Alpha\n\nThe first article of the library.')
    const b = await importText(s, 'b.txt', 'Beta\n\nThe second article of the library.')
    expect(s.provenance.verify()).toMatchObject({ ok: true, articles: 2, entries: 2 })
    s.db.prepare("UPDATE articles SET original = CAST('tampered' AS BLOB) WHERE id = ?").run(b)
    s.db.exec('DROP TRIGGER activity_log_no_update')
    s.db.prepare("UPDATE activity_log SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 1").run()
    const report = s.provenance.verify()
    expect(report.ok).toBe(false)
    expect(report.failures.map((f) => f.id)).toEqual([b, 'log entry 1'])
    expect(report.failures[0]!.message).toBe('“Beta”: the stored original no longer matches the SHA-256 recorded at import.')
    void a
  })

  it('verify reads every original across its batches: each tampered one is named, wherever it falls, and every byte is counted', () => {
    const s = tempServices()
    const insert = s.db.prepare(`INSERT INTO articles (id, title, imported_at, original_name, original_type, original, text, content_hash, original_sha256, text_sha256)
      VALUES (?, ?, '2026-01-01T00:00:00.000Z', ?, 'text', ?, ?, ?, ?, ?)`)
    const ids: string[] = []
    let bytes = 0
    s.db.transaction(() => {
      for (let i = 0; i < 100; i++) {
        const text = `Article ${i}: ${'a stored original. '.repeat(i + 1)}`
        const id = randomUUID()
        ids.push(id)
        bytes += Buffer.byteLength(text)
        insert.run(id, `Article ${i}`, `a${i}.txt`, Buffer.from(text), text, sha(text), sha(text), sha(text))
      }
    })()
    // The first and last of the library, either side of a batch's edge, and one alone in the last batch.
    const tampered = [0, 15, 16, 17, 63, 99]
    for (const i of tampered) s.db.prepare("UPDATE articles SET original = CAST('tampered' AS BLOB) WHERE id = ?").run(ids[i])
    const report = s.provenance.verify()
    expect(report).toMatchObject({ ok: false, articles: 100 })
    expect(report.bytes).toBe(bytes - tampered.reduce((n, i) => n + Buffer.byteLength(`Article ${i}: ${'a stored original. '.repeat(i + 1)}`) - 'tampered'.length, 0))
    expect(report.failures.map((f) => f.id)).toEqual(tampered.map((i) => ids[i]))
  })

  it('verify runs as a job: progress up to every original and log entry, the same report, and Cancel stops it between batches', async () => {
    const s = tempServices()
    const insert = s.db.prepare(`INSERT INTO articles (id, title, imported_at, original_name, original_type, original, text, content_hash, original_sha256, text_sha256)
      VALUES (?, ?, '2026-01-01T00:00:00.000Z', ?, 'text', ?, ?, ?, ?, ?)`)
    s.db.transaction(() => {
      for (let i = 0; i < 600; i++) {
        const text = `Article ${i}: a stored original.`
        insert.run(randomUUID(), `Article ${i}`, `a${i}.txt`, Buffer.from(text), text, sha(text), sha(text), sha(text))
      }
    })()
    type Job = { jobId: string; total: number; done: number; finished: boolean; cancelled: boolean; report: { ok: boolean; articles: number } | null; error: string | null }
    const call = async (channel: 'provenance.verifyStart' | 'provenance.verifyStatus' | 'provenance.verifyCancel', input: object): Promise<Job> => {
      const reply = await s.dispatch(channel, input)
      if (!reply.ok) throw new Error(reply.error.message)
      return reply.value as Job
    }
    const settle = async (job: Job) => {
      const seen = [job.done]
      while (!job.finished) {
        await new Promise((resolve) => setTimeout(resolve, 1))
        job = await call('provenance.verifyStatus', { jobId: job.jobId })
        seen.push(job.done)
      }
      return { job, seen }
    }

    const { job, seen } = await settle(await call('provenance.verifyStart', {}))
    const entries = s.db.prepare('SELECT count(*) FROM activity_log').pluck().get() as number
    expect(job).toMatchObject({ finished: true, cancelled: false, error: null, total: 600 + entries, done: 600 + entries })
    expect(job.report).toEqual(s.provenance.verify())
    expect(seen.some((done) => done > 0 && done < job.total)).toBe(true)

    const started = await call('provenance.verifyStart', {})
    await call('provenance.verifyCancel', { jobId: started.jobId })
    const { job: stopped } = await settle(started)
    expect(stopped).toMatchObject({ finished: true, cancelled: true, report: null, error: null })
    expect(stopped.done).toBeLessThan(stopped.total)
    // A verify job is not an export's: the id is refused on another kind's channel.
    expect(await s.dispatch('export.status', { jobId: started.jobId })).toMatchObject({ ok: false, error: { message: `No export job ${started.jobId}.` } })
  })

  it('writes an evidence manifest of a case with titles, sources, addresses, import times and hashes', async () => {
    const s = tempServices()
    const c = s.cases.create('Gold')
    const id = await importMarkdown(s, 'wire.md', { title: 'UN panel on gold', source: 'Reuters', url: 'https://www.reuters.com/gold', body: WIRE_STORY })
    s.cases.addArticles(c.id, [id])
    const manifest = s.provenance.manifest(c.id)
    expect(manifest).toMatchObject({ caseName: 'Gold', logHead: { seq: expect.any(Number) } })
    expect(manifest.articles).toEqual([
      expect.objectContaining({ title: 'UN panel on gold', source: 'Reuters', url: 'https://www.reuters.com/gold', importMethod: 'file', importOrigin: 'wire.md' })
    ])
    expect(manifest.articles[0]!.originalSha256).toBe(sha(s.articles.original(id)))
  })
})
