import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { DossierError } from '../../../shared/errors'
import { JobRegistry } from '../../jobs/job-registry'
import { ArticleService } from '../article-service'
import { systemClock } from '../clock'
import { tableCounts, tempServices } from '../../../../test/support/temp-services'
import { inProcessParser, type FileParser } from './file-parser'
import { folderImports } from './folder-import'

function writeFolder(root: string, count: number): void {
  mkdirSync(join(root, 'nested'), { recursive: true })
  mkdirSync(join(root, '.git'), { recursive: true })
  for (let i = 1; i <= count; i++) {
    writeFileSync(
      join(i % 2 ? root : join(root, 'nested'), `memo-${String(i).padStart(3, '0')}.txt`),
      `Memo number ${i} on port fees\n\nThe port authority raised berth fees by ${i} percent on Monday, officials said.\n`
    )
  }
  writeFileSync(join(root, 'blank.txt'), '\n\n')
  writeFileSync(join(root, '.git', 'HEAD.txt'), 'ref: refs/heads/main')
}

describe('import jobs (File > Import Folder…)', () => {
  it('gives an encrypted PDF a ticket to import it again with its password, and the ticket works only for that file', async () => {
    const s = tempServices()
    const { encryptedPdf } = await import('./test-documents')
    const path = join(s.dir, 'sealed.pdf')
    writeFileSync(path, encryptedPdf('Sealed text of the harbour memo.', 'pw'))
    const started = s.importJobs.start([path])
    await vi.waitFor(() => expect(s.importJobs.status(started.jobId).finished).toBe(true), { timeout: 15_000 })
    const [refused] = s.importJobs.status(started.jobId).results
    expect(refused).toMatchObject({ status: 'rejected', needsPassword: true, retryToken: expect.any(String) })
    const token = refused!.retryToken!
    // A wrong password: asked again, same ticket, nothing stored.
    const wrong = await s.dispatch('import.retryWithPassword', { token, password: 'nope' })
    expect(wrong).toMatchObject({ ok: true, value: { needsPassword: true, retryToken: token, message: 'sealed.pdf: the password is not right for this encrypted PDF.' } })
    expect(tableCounts(s.db).articles).toBe(0)
    const right = await s.dispatch('import.retryWithPassword', { token, password: 'pw' })
    expect(right).toMatchObject({ ok: true, value: { status: 'imported', name: 'sealed.pdf' } })
    expect(tableCounts(s.db).articles).toBe(1)
    // Redeemed: the ticket is gone, and a made-up one opens nothing.
    expect(await s.dispatch('import.retryWithPassword', { token, password: 'pw' })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await s.dispatch('import.retryWithPassword', { token: '00000000-0000-4000-8000-000000000001', password: 'pw' })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await s.dispatch('import.retryWithPassword', { token: '../../etc/passwd', password: 'pw' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })


  it('imports a folder recursively and reports every file, skipping hidden folders', async () => {
    const s = tempServices()
    const root = join(s.dir, 'memos')
    writeFolder(root, 6)
    const started = s.importJobs.start([root])
    expect(started).toMatchObject({ total: 7, finished: false })
    await vi.waitFor(() => expect(s.importJobs.status(started.jobId).finished).toBe(true), { timeout: 15_000 })
    const job = s.importJobs.status(started.jobId)
    expect(job).toMatchObject({ done: 7, total: 7, cancelled: false })
    expect(job.results.filter((r) => r.status === 'imported')).toHaveLength(6)
    expect(job.results.find((r) => r.name === 'blank.txt')).toMatchObject({ status: 'rejected' })
    expect(job.results.some((r) => r.name === 'HEAD.txt')).toBe(false)
    expect(tableCounts(s.db).articles).toBe(6)
  })

  it('stops when cancelled, keeping only whole articles', async () => {
    const s = tempServices()
    const root = join(s.dir, 'memos')
    writeFolder(root, 40)
    const started = s.importJobs.start([root])
    // Cancelled while its first file is being imported: that file completes, no other starts.
    s.importJobs.cancel(started.jobId)
    await vi.waitFor(() => expect(s.importJobs.status(started.jobId).finished).toBe(true), { timeout: 15_000 })
    const job = s.importJobs.status(started.jobId)
    expect(job.cancelled).toBe(true)
    expect(job.done).toBe(1)
    const rows = s.db.prepare('SELECT title, text FROM articles').all() as { title: string; text: string }[]
    expect(rows).toHaveLength(job.results.filter((r) => r.status === 'imported').length)
    for (const row of rows) expect(row.text).toMatch(/^The port authority raised berth fees by \d+ percent on Monday, officials said\.$/)
  })

  it('abandons a file stuck in parsing when cancelled, keeping the files imported before it', async () => {
    const s = tempServices()
    const root = join(s.dir, 'memos')
    writeFolder(root, 2)
    writeFileSync(join(root, 'stuck.txt'), 'A page whose parse never ends\n\nuntil the import is cancelled.\n')
    // The pool's worker would be stopped here (file-parser.test.ts); this parser waits for the signal.
    const real = inProcessParser()
    const parser: FileParser = {
      ...real,
      parse: (name, bytes, options) =>
        name !== 'stuck.txt'
          ? real.parse(name, bytes, options)
          : new Promise((_, reject) => options?.signal?.addEventListener('abort', () => reject(new DossierError('cancelled', 'stopped'))))
    }
    const imports = folderImports(new JobRegistry(), new ArticleService(s.db, systemClock, parser))
    const started = imports.start([root])
    await vi.waitFor(() => expect(imports.status(started.jobId).done).toBe(3), { timeout: 15_000 })
    expect(imports.status(started.jobId).finished).toBe(false)
    imports.cancel(started.jobId)
    await vi.waitFor(() => expect(imports.status(started.jobId).finished).toBe(true), { timeout: 15_000 })
    const job = imports.status(started.jobId)
    expect(job).toMatchObject({ cancelled: true, done: 3, total: 4 })
    expect(job.results.map((r) => r.name).sort()).toEqual(['blank.txt', 'memo-001.txt', 'memo-002.txt'])
    expect(tableCounts(s.db).articles).toBe(2)
  })

  it('refuses a path that does not exist before importing anything, naming it', () => {
    const s = tempServices()
    expect(() => s.importJobs.start([join(s.dir, 'no-such-folder')])).toThrow(/no-such-folder/)
    expect(tableCounts(s.db).articles).toBe(0)
  })

  it('answers not_found for an unknown job', async () => {
    const s = tempServices()
    expect(await s.dispatch('import.status', { jobId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })
})
