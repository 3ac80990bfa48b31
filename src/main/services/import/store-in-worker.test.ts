import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { copyFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/open-database'
import { ArticleService, type WorkerWriter } from '../article-service'
import { CaseService } from '../analysis/case-service'
import { importAnalysis } from '../analysis/import-analysis'
import { NearDuplicates } from '../analysis/near-duplicates'
import { SourceService } from '../analysis/source-service'
import { inProcessParser, workerParser, type FileParser } from './file-parser'
import { folderImports } from './folder-import'
import { JobRegistry } from '../../jobs/job-registry'
import { parseAndStore } from './store-in-worker'
import { makePdf } from './test-documents'
import { steppingClock, tableCounts, tempDir, tempServices, utf8, type TempServices } from '../../../../test/support/temp-services'

const sqlitePath = createRequire(import.meta.url).resolve('better-sqlite3')

/**
 * The parse worker's storing step (decision 0036), run on this thread but on a connection of its
 * own, as the worker opens it: what the analyst sees must be what storing on main gave. The
 * worker thread itself runs in the end-to-end suite (the web shell parses in workers).
 */
function workerStoring(s: TempServices, writer: WorkerWriter = { actor: 'worker-test' }): ArticleService {
  const clock = steppingClock('2026-03-01T00:00:00.000Z')
  const parser: FileParser = { ...inProcessParser(), parseAndStore }
  return new ArticleService(s.db, clock, parser, {
    appVersion: 'test',
    hooks: importAnalysis(new SourceService(s.db, clock), new NearDuplicates(s.db), new CaseService(s.db, clock)),
    writer
  })
}

const NEWS = (paragraph: string) =>
  utf8(`<!doctype html><html><head><title>Quillwort survey</title><meta property="og:site_name" content="Upland Weekly">
<link rel="canonical" href="https://upland.example.com/quillwort"></head><body><article><h1>Quillwort survey</h1>
<p>Quillwort grows in the shallows of upland lakes, where the survey counted it in every bay this summer.</p>
<p>${paragraph}</p></article></body></html>`)

function counts(db: Database.Database): Record<string, number> {
  const n = (sql: string) => db.prepare(sql).pluck().get() as number
  return {
    ...tableCounts(db),
    sources: n('SELECT count(*) FROM sources'),
    signatures: n('SELECT count(*) FROM article_minhash'),
    log: n('SELECT count(*) FROM activity_log'),
    searchable: n("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'quillwort'")
  }
}

describe('a new article stored by the parse worker on its own connection', () => {
  it('is in the library as if main had stored it: its search entry, source, signature, log entry and import report', async () => {
    const s = tempServices()
    const articles = workerStoring(s)
    const before = counts(s.db)
    const result = await articles.importFile('quillwort.html', NEWS('The count rose in the northern lakes and fell in the southern ones.'))
    expect(result).toMatchObject({ status: 'imported', title: 'Quillwort survey', message: null })
    expect(s.articles.get(result.articleId!)).toMatchObject({ title: 'Quillwort survey', source: 'Upland Weekly', importedAt: '2026-03-01T00:00:00.000Z' })
    expect(counts(s.db)).toEqual({ ...before, articles: before.articles! + 1, sources: before.sources! + 1, signatures: before.signatures! + 1, log: before.log! + 1, searchable: 1 })
    expect(s.db.prepare("SELECT actor FROM activity_log WHERE action = 'import'").pluck().get()).toBe('worker-test')

    const pdf = await makePdf({ pages: [[{ text: 'Survey of upland lakes in the northern hills', x: 72, y: 700, size: 12 }], [{ text: 'The second page of the survey', x: 72, y: 700, size: 12 }]], title: 'Upland lakes' })
    expect(await articles.importFile('lakes.pdf', pdf)).toMatchObject({ status: 'imported', title: 'Upland lakes', pages: 2 })
  })

  it('answers a second copy as already in the library, and a changed text at the same address as a newer version on main', async () => {
    const s = tempServices()
    const articles = workerStoring(s)
    const first = await articles.importFile('quillwort.html', NEWS('The count rose in the northern lakes and fell in the southern ones.'))
    expect(await articles.importFile('again.html', NEWS('The count rose in the northern lakes and fell in the southern ones.'))).toMatchObject({
      status: 'duplicate',
      articleId: first.articleId
    })
    const newer = await articles.importFile('update.html', NEWS('A correction: the count rose in every lake, north and south alike.'))
    expect(newer).toMatchObject({ status: 'updated', articleId: first.articleId })
    expect(s.articles.get(first.articleId!).text).toContain('A correction')
    expect(counts(s.db).articles).toBe(1)
  })

  it('goes under the source proposed for it in the row it is stored with: a second outlet of the same site under the first one\'s name, its row written once', async () => {
    const s = tempServices()
    const articles = workerStoring(s)
    await articles.importFile('quillwort.html', NEWS('The count rose in the northern lakes and fell in the southern ones.'))
    const writes = () => s.db.prepare('SELECT n FROM brief_changes').pluck().get() as number
    const before = writes()
    const other = new TextDecoder().decode(NEWS('Sedges crowd the same bays later in the season.')).replace('Upland Weekly', 'Upland Daily').replace('/quillwort', '/sedges').replace(/Quillwort survey/g, 'Sedge survey')
    const second = await articles.importFile('sedges.html', utf8(other))
    expect(s.articles.get(second.articleId!)).toMatchObject({ title: 'Sedge survey', source: 'Upland Weekly' })
    expect(s.db.prepare("SELECT key, n FROM library_facets WHERE kind = 'source' AND n <> 0").all()).toEqual([{ key: 'Upland Weekly', n: 2 }])
    expect(s.db.prepare("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'source:\"Upland Weekly\" AND sedges'").pluck().get()).toBe(1)
    // Its row, its tags' and signature's rows: the row is not rewritten by a later UPDATE of its source.
    expect(writes() - before).toBe(2)
  })

  it('leaves nothing when its write fails half way (after the row, at the near-duplicate index), and the next import is stored', async () => {
    const s = tempServices()
    const articles = workerStoring(s)
    const before = counts(s.db)
    // A persistent trigger fails the transaction's last write on the worker's connection, as a full disk would.
    s.db.exec("CREATE TRIGGER fail_signature BEFORE INSERT ON article_minhash BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END")
    const result = await articles.importFile('quillwort.html', NEWS('The count rose in the northern lakes and fell in the southern ones.'))
    expect(result).toMatchObject({ status: 'rejected', articleId: null })
    expect(result.message).toContain('disk I/O error')
    expect(counts(s.db)).toEqual(before)
    s.db.exec('DROP TRIGGER fail_signature')
    expect(await articles.importFile('quillwort.html', NEWS('The count rose in the northern lakes and fell in the southern ones.'))).toMatchObject({ status: 'imported' })
    expect(counts(s.db)).toMatchObject({ articles: before.articles! + 1, searchable: 1 })
  })

  it('waits for another connection\'s write to end instead of failing (busy timeout)', async () => {
    const s = tempServices()
    const articles = workerStoring(s)
    // Parsers loaded, so the import's time below is its wait.
    await articles.importFile('warm.html', utf8('<html><body><article><h1>Warm-up</h1><p>A first page, so the HTML parser is loaded before the lock is taken.</p></article></body></html>'))
    // Another thread holds the write lock for 600 ms, as main does while it saves a note.
    const holder = new Worker(
      `const Database = require(${JSON.stringify(sqlitePath)}); const { workerData, parentPort } = require('node:worker_threads')
       const db = new Database(workerData); db.exec('BEGIN IMMEDIATE'); parentPort.postMessage('locked')
       setTimeout(() => { db.exec('COMMIT'); db.close(); parentPort.postMessage('released') }, 600)`,
      { eval: true, workerData: s.dbPath }
    )
    const released = new Promise((resolve) => holder.on('message', (m: string) => m === 'released' && resolve(m)))
    await new Promise((resolve) => holder.once('message', resolve))
    const t = performance.now()
    const result = await articles.importFile('quillwort.html', NEWS('The count rose in the northern lakes and fell in the southern ones.'))
    expect(result).toMatchObject({ status: 'imported' })
    // It stored after the other write ended: waited, not failed.
    expect(performance.now() - t).toBeGreaterThan(400)
    await released
    await holder.terminate()
  })
})

describe('a bulk import (dossier import, decision 0050)', () => {
  /** Articles in the library file itself, as a crash that lost the unsynced write-ahead log would leave it. */
  function articlesInLibraryFile(dbPath: string, dir: string): number {
    const copy = join(dir, `copy-${Math.random().toString(36).slice(2)}.sqlite`)
    copyFileSync(dbPath, copy)
    const db = new Database(copy)
    try {
      return db.prepare('SELECT count(*) FROM articles').pluck().get() as number
    } finally {
      db.close()
    }
  }

  const page = (address: string, paragraph: string) => new TextDecoder().decode(NEWS(paragraph)).replace('/quillwort"', `/${address}"`)

  it('commits each file without syncing and leaves the whole batch synced into the library when it returns', async () => {
    const s = tempServices()
    const dir = tempDir()
    const files = ['reeds', 'sedges', 'rushes'].map((plant) => {
      const path = join(dir, `${plant}.html`)
      writeFileSync(path, page(plant, `The survey also counted ${plant} along every shore of the upland lakes.`))
      return { path }
    })
    const bulk = folderImports(new JobRegistry(), workerStoring(s, { actor: 'worker-test', synchronous: 'NORMAL' }))
    const results = await bulk.importFiles(files)
    expect(results.map((r) => r.result.status)).toEqual(['imported', 'imported', 'imported'])
    expect(s.db.prepare("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'quillwort'").pluck().get()).toBe(3)
    expect(articlesInLibraryFile(s.dbPath, dir)).toBe(3)

    // The app's import syncs each file into the log as it commits, and leaves copying it into the library to SQLite's checkpoints.
    const app = folderImports(new JobRegistry(), workerStoring(s))
    writeFileSync(files[0]!.path, page('reeds-later', 'A later count of reeds along the northern shore.'))
    expect((await app.importFiles([files[0]!]))[0]!.result.status).toBe('imported')
    expect(articlesInLibraryFile(s.dbPath, dir)).toBe(3)
    expect(s.db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(4)
  })
})

describe('a parse worker stopped in the middle of its write', () => {
  it('leaves nothing, and releases the write lock: main writes at once after it', async () => {
    const s = tempServices()
    const before = counts(s.db)
    // A stand-in parse worker that starts the article's write transaction and never finishes it,
    // until the pool's budget terminates it (as Cancel does).
    const script = join(s.dir, 'stuck-writer.cjs')
    writeFileSync(
      script,
      `const Database = require(${JSON.stringify(sqlitePath)})
       const { parentPort } = require('node:worker_threads')
       parentPort.on('message', ({ id, task }) => {
         parentPort.postMessage({ id, started: true })
         const db = new Database(task.store.dbPath)
         db.exec('BEGIN IMMEDIATE')
         db.prepare("INSERT INTO sources (id, name, created_at) VALUES ('s-half', 'Half Written', '2026-01-01T00:00:00.000Z')").run()
         for (;;) {}
       })`
    )
    const parser = workerParser(script, 1, 400)
    const articles = new ArticleService(s.db, steppingClock(), parser, { appVersion: 'test', writer: { actor: 'worker-test' } })
    try {
      const result = await articles.importFile('stuck.txt', utf8('Stuck\n\nA file whose store never ends.'))
      expect(result).toMatchObject({ status: 'rejected' })
      expect(result.message).toContain('too complex to import')
      s.db.prepare("INSERT INTO sources (id, name, created_at) VALUES ('s-main', 'Main Writes', '2026-01-01T00:00:00.000Z')").run()
      expect(s.db.prepare("SELECT id FROM sources WHERE id LIKE 's-%'").pluck().all()).toEqual(['s-main'])
      expect(counts(s.db)).toEqual({ ...before, sources: before.sources! + 1 })
    } finally {
      await parser.close()
    }
  })
})

describe('the app killed in the middle of an article\'s write', () => {
  it('leaves nothing of it when the library is opened again', async () => {
    const s = tempServices()
    await s.articles.importFile('first.txt', utf8('First article\n\nAn article stored before the crash.'))
    const before = counts(s.db)
    s.db.close()
    // A process writing an article's row (its search entry and log entry by trigger) is killed before COMMIT.
    const child = spawn(
      process.execPath,
      [
        '-e',
        `const Database = require(${JSON.stringify(sqlitePath)})
         const db = new Database(process.argv[1])
         for (const f of ['dossier_sha256', 'dossier_cjk_index']) db.function(f, { varargs: true }, () => null)
         db.function('dossier_actor', () => 'crash-test')
         db.function('dossier_log_hash', { varargs: true }, () => 'x'.repeat(64))
         db.exec('BEGIN IMMEDIATE')
         db.prepare("INSERT INTO articles (id, title, imported_at, original_name, original_type, original, text, content_hash, document) VALUES ('a-half', 'Quillwort half', '2026-01-01T00:00:00.000Z', 'half.txt', 'text', x'00', 'quillwort ' || hex(randomblob(400000)), 'h', '{}')").run()
         process.stdout.write('written')
         setInterval(() => {}, 1000)`,
        s.dbPath
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] }
    )
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    await new Promise<void>((resolve, reject) => {
      child.stdout.once('data', () => resolve())
      child.once('exit', () => reject(new Error(`the writer exited before writing: ${stderr}`)))
    })
    child.kill('SIGKILL')
    await new Promise((resolve) => child.once('exit', resolve))
    const reopened = openDatabase(s.dbPath, { backupBeforeMigration: false })
    try {
      expect(counts(reopened)).toEqual(before)
    } finally {
      reopened.close()
    }
  })
})
