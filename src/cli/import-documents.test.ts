import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { column } from '../shared/pdf/test-pages'
import { encryptedPdf, makeDocx, makeEpub, makePdf, para } from '../main/services/import/test-documents'
import type { FileReport } from './commands/import-command'
import { run } from './run'

let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-cli-docs-'))
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

async function dossier(argv: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await run([...argv, '--db', join(dir, 'library.sqlite')], {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: {},
    cwd: dir
  })
  return { code, stdout, stderr }
}

describe('dossier import of documents', () => {
  it('imports PDF, Word and EPUB files from a folder, with pages and removed-block reasons in --json', async () => {
    const folder = join(dir, 'inbox')
    mkdirSync(folder)
    const pages = [1, 2, 3].map((n) => [
      { text: 'Baltic Ports Outlook', x: 72, y: 800, size: 8 },
      ...column([`Container traffic in the third quarter rose on page ${n} of the outlook, the ports said.`], 72, 700, 90).lines
    ])
    writeFileSync(join(folder, 'outlook.pdf'), await makePdf({ pages, title: 'Baltic ports outlook' }))
    writeFileSync(join(folder, 'memo.docx'), makeDocx({ body: para('Memo on convoy escorts for the straits.'), comments: 2 }))
    writeFileSync(join(folder, 'book.epub'), makeEpub({ title: 'Harbour Years', chapters: [{ file: 'a.xhtml', body: '<p>It began at the harbour.</p>' }] }))
    const { code, stdout } = await dossier(['import', folder, '--json'])
    expect(code).toBe(0)
    const reports = JSON.parse(stdout) as (FileReport & { article: { removed: { reason: string }[] } })[]
    const pdf = reports.find((r) => r.file.endsWith('outlook.pdf'))!
    expect(pdf).toMatchObject({ status: 'imported', title: 'Baltic ports outlook', pages: 3 })
    expect(pdf.article.removed.map((r) => r.reason)).toContain('running header (on 3 pages)')
    expect(reports.find((r) => r.file.endsWith('memo.docx'))).toMatchObject({ status: 'imported', notes: ['2 comments not imported'] })
    expect(reports.find((r) => r.file.endsWith('book.epub'))).toMatchObject({ status: 'imported', title: 'Harbour Years' })
  })

  it('takes --password for an encrypted PDF and says, naming the file, when it is missing', async () => {
    writeFileSync(join(dir, 'sealed.pdf'), encryptedPdf('Sealed findings on the harbour contract.', 'opensesame'))
    const without = await dossier(['import', 'sealed.pdf'])
    expect(without.code).toBe(1)
    expect(without.stdout).toContain('sealed.pdf — the PDF is encrypted; give its password to import it.')
    const withIt = await dossier(['import', 'sealed.pdf', '--password', 'opensesame', '--json'])
    expect(withIt.code).toBe(0)
    expect(JSON.parse(withIt.stdout)[0]).toMatchObject({ status: 'imported', pages: 1 })
  })
})

describe('pages in exports', () => {
  it('cites the page (with the PDF’s label) in Markdown, W3C JSON and CSV', async () => {
    const pages = [0, 1, 2].map((n) => column([`Finding ${n + 1}: the harbour authority ${['missed', 'delayed', 'cancelled'][n]} the dredging contract.`], 72, 700, 90).lines)
    writeFileSync(join(dir, 'inquiry.pdf'), await makePdf({ pages, title: 'Harbour inquiry', labels: [{ from: 0, style: 'r' }, { from: 2, style: 'D' }] }))
    const imported = JSON.parse((await dossier(['import', 'inquiry.pdf', '--json'])).stdout)[0] as FileReport
    expect((await dossier(['highlight', imported.articleId!, '--quote', 'cancelled the dredging contract'])).code).toBe(0)
    expect((await dossier(['highlight', imported.articleId!, '--quote', 'delayed the dredging contract'])).code).toBe(0)
    const out = join(dir, 'out')
    for (const format of ['md', 'json', 'csv']) expect((await dossier(['export', '--out', out, '--format', format])).code).toBe(0)
    const { readFileSync, readdirSync } = await import('node:fs')
    const md = readFileSync(join(out, readdirSync(out).find((f) => f.endsWith('.md'))!), 'utf8')
    expect(md).toMatch(/> delayed the dredging contract\n>\n> p\. ii · \[Open in Dossier\]/)
    expect(md).toMatch(/> cancelled the dredging contract\n>\n> p\. 1 · \[Open in Dossier\]/)
    const json = JSON.parse(readFileSync(join(out, 'annotations.json'), 'utf8')) as { first: { items: { target: { selector: Record<string, unknown>[] } }[] } }
    const pageSelectors = json.first.items.map((i) => i.target.selector.find((s) => s.type === 'FragmentSelector'))
    expect(pageSelectors).toEqual([
      { type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: 'page=2', label: 'ii' },
      { type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: 'page=3', label: '1' }
    ])
    const csv = readFileSync(join(out, 'highlights.csv'), 'utf8')
    expect(csv.split('\r\n')[0]).toMatch(/,link,page,/)
    expect(csv).toMatch(/delayed the dredging contract.*,dossier:\/\/highlight\/[-0-9a-f]+,ii,/)
  })
})
