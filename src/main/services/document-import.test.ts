import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrate } from '../db/migrate'
import { MIGRATIONS } from '../db/migrations'
import { column } from '../../shared/pdf/test-pages'
import { makeDocx, makePdf, para } from './import/test-documents'
import { tempDir, tempServices } from '../../../test/support/temp-services'

const PARAGRAPHS = [
  'The ministry published its annual review of maritime security in the northern waters on Monday.',
  'Officials said patrols doubled over the year while incidents fell by a third across the region.',
  'Shipping companies welcomed the report but asked for clearer rules on convoy escorts in the straits.'
]

async function report(extra = ''): Promise<Uint8Array> {
  const pages = [0, 1, 2].map((n) => [
    { text: 'Northern Waters Review', x: 72, y: 800, size: 8 },
    ...column([`${PARAGRAPHS[n]!}${extra}`], 72, 700, 90).lines,
    { text: String(n + 1), x: 290, y: 40, size: 8 }
  ])
  return makePdf({ pages, title: 'Northern waters review' })
}

describe('importing documents', () => {
  it('stores a PDF with its original bytes and their SHA-256, and reports pages and what was set aside', async () => {
    const s = tempServices()
    const bytes = await report()
    const result = await s.articles.importFile('review.pdf', bytes)
    expect(result).toMatchObject({ status: 'imported', title: 'Northern waters review', pages: 3 })
    expect(result.removed).toEqual(expect.arrayContaining([{ reason: 'running header (on 3 pages)', count: 3 }, { reason: 'page number', count: 3 }]))
    const article = s.articles.get(result.articleId!)
    expect(article.originalType).toBe('pdf')
    expect(article.originalSha256).toBe(createHash('sha256').update(bytes).digest('hex'))
    expect(Buffer.compare(s.articles.original(article.id), Buffer.from(bytes))).toBe(0)
    expect(article.text).toBe(PARAGRAPHS.join('\n\n'))
    expect(article.document.blocks.filter((b) => !b.removed).map((b) => b.page)).toEqual([1, 2, 3])
  })

  it('hands the Page view a PDF\'s original bytes through the contract, and nothing for other articles', async () => {
    const s = tempServices()
    const bytes = await report()
    const pdf = await s.articles.importFile('review.pdf', bytes)
    const got = (await s.dispatch('article.originalPdf', { id: pdf.articleId })) as { ok: true; value: { bytes: Uint8Array } }
    expect(got.ok).toBe(true)
    // Bytes, not base64, each in a buffer of its own (a structured clone sends a view's whole buffer).
    expect(got.value.bytes).toBeInstanceOf(Uint8Array)
    expect(got.value.bytes.buffer.byteLength).toBe(bytes.byteLength)
    expect(Buffer.compare(got.value.bytes, Buffer.from(bytes))).toBe(0)
    const text = await s.articles.importFile('note.txt', new TextEncoder().encode('A note\n\nNo pages here.'))
    expect(await s.dispatch('article.originalPdf', { id: text.articleId })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/not imported from a PDF/) } })
    expect(await s.dispatch('article.originalPdf', { id: pdf.articleId, extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('cites the page of a search hit in a PDF, for the text and for a highlight', async () => {
    const s = tempServices()
    const pdf = await s.articles.importFile('review.pdf', await report())
    const text = s.articles.get(pdf.articleId!).text
    const start = text.indexOf('convoy escorts')
    s.highlights.create(pdf.articleId!, start, start + 'convoy escorts'.length)
    const results = (await s.dispatch('search.query', { query: 'convoy' })) as { ok: true; value: { groups: { hits: { kind: string; page?: number }[] }[] } }
    expect(results.ok).toBe(true)
    const hits = results.value.groups[0]!.hits
    expect(hits.map((h) => [h.kind, h.page]).sort()).toEqual([
      ['highlight', 3],
      ['text', 3]
    ])
    const other = await s.articles.importFile('note.txt', new TextEncoder().encode('Convoy note\n\nA convoy left.'))
    const plain = (await s.dispatch('search.query', { query: 'left' })) as { ok: true; value: { groups: { articleId: string; hits: { page?: number }[] }[] } }
    expect(plain.value.groups.find((g) => g.articleId === other.articleId)!.hits[0]!.page).toBeUndefined()
  })

    it('reports an encrypted PDF as needing its password, and stores nothing', async () => {
    const s = tempServices()
    const { encryptedPdf } = await import('./import/test-documents')
    const result = await s.articles.importFile('sealed.pdf', encryptedPdf('Sealed text of the memo.', 'pw'))
    expect(result).toMatchObject({ status: 'rejected', needsPassword: true, message: 'sealed.pdf: the PDF is encrypted; give its password to import it.' })
    expect(s.articles.list(10, 0).total).toBe(0)
    const retried = await s.articles.importFile('sealed.pdf', encryptedPdf('Sealed text of the memo.', 'pw'), { password: 'pw' })
    expect(retried.status).toBe('imported')
  })

  it('lists what a Word import left out', async () => {
    const s = tempServices()
    const result = await s.articles.importFile('memo.docx', makeDocx({ body: para('Memo on the harbour pact.'), comments: 1 }))
    expect(result).toMatchObject({ status: 'imported', notes: ['1 comment not imported'] })
  })

  it('re-imports a newer version of a PDF and finds highlights again', async () => {
    const s = tempServices()
    const first = await s.articles.importFile('review.pdf', await report())
    const article = s.articles.get(first.articleId!)
    const start = article.text.indexOf('patrols doubled')
    const h = s.highlights.create(article.id, start, start + 'patrols doubled'.length)
    const second = await s.articles.importFile('review-v2.pdf', await report(' Revised.'))
    expect(second).toMatchObject({ status: 'updated', articleId: article.id })
    const again = s.highlights.list(article.id).find((x) => x.id === h.id)!
    expect(again.orphaned).toBe(false)
    // The page follows the passage: it is on the second page in both versions.
    expect(again.page).toBe(2)
    expect(s.articles.get(article.id).text.slice(again.start, again.end)).toBe('patrols doubled')
  })
})

describe('migration 18', () => {
  it('lets an existing library store PDF, Word and EPUB originals and keeps its articles', () => {
    const db = new Database(join(tempDir(), 'old.sqlite'))
    db.pragma('foreign_keys = ON')
    migrate(db, MIGRATIONS.filter((m) => m.version <= 17), 'old.sqlite')
    const insert = db.prepare(
      `INSERT INTO articles (id, title, imported_at, original_name, original_type, original, text, content_hash, document)
       VALUES (?, 'T', '2026-01-01', 'a', ?, x'00', 'text', ?, '{"version":1,"blocks":[]}')`
    )
    insert.run('00000000-0000-4000-8000-000000000001', 'text', 'h1')
    expect(() => insert.run('00000000-0000-4000-8000-000000000002', 'pdf', 'h2')).toThrow(/CHECK constraint/)
    migrate(db, MIGRATIONS, 'old.sqlite')
    insert.run('00000000-0000-4000-8000-000000000002', 'pdf', 'h2')
    insert.run('00000000-0000-4000-8000-000000000003', 'epub', 'h3')
    expect(() => insert.run('00000000-0000-4000-8000-000000000004', 'exe', 'h4')).toThrow(/CHECK constraint/)
    expect(db.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: 3 })
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    // Still in defensive mode afterwards: the schema table cannot be written.
    expect(() => db.prepare("UPDATE sqlite_schema SET sql = sql WHERE name = 'articles'").run()).toThrow()
    db.close()
  })
})
