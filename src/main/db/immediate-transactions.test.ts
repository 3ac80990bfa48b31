import { createRequire } from 'node:module'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { importText, tempDir, tempServices } from '../../../test/support/temp-services'
import { openDatabase } from './open-database'

const BETTER_SQLITE3 = createRequire(import.meta.url).resolve('better-sqlite3')

/**
 * A parse worker's write, as SQLite sees it: another thread's connection takes the write lock,
 * writes a setting, holds the lock for `holdMs` and commits. Resolves once the lock is taken, with
 * a promise of the worker's end.
 */
async function workerHoldingTheLock(dbPath: string, holdMs: number): Promise<{ done: Promise<void> }> {
  const worker = new Worker(
    `const Database = require(${JSON.stringify(BETTER_SQLITE3)})
     const { parentPort, workerData } = require('node:worker_threads')
     const db = new Database(workerData.dbPath, { fileMustExist: true })
     db.exec('BEGIN IMMEDIATE')
     db.prepare("INSERT INTO settings (key, value) VALUES ('worker-wrote', '1')").run()
     parentPort.postMessage('locked')
     Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.holdMs)
     db.exec('COMMIT')
     db.close()`,
    { eval: true, workerData: { dbPath, holdMs } }
  )
  const done = new Promise<void>((resolve, reject) => {
    worker.once('error', reject)
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with ${code}`))))
  })
  await Promise.race([new Promise((resolve) => worker.once('message', resolve)), done.then(() => Promise.reject(new Error('the worker never took the write lock')))])
  return { done }
}

describe('transactions on a library the parse workers also write to', () => {
  it('a transaction that reads before it writes waits for a worker holding the write lock, instead of being refused', async () => {
    const path = join(tempDir(), 'library.sqlite')
    const db = openDatabase(path, { backupBeforeMigration: false })
    try {
      const worker = await workerHoldingTheLock(path, 300)
      const seen = db.transaction(() => {
        const before = db.prepare("SELECT count(*) FROM settings WHERE key = 'worker-wrote'").pluck().get()
        db.prepare("INSERT INTO settings (key, value) VALUES ('main-wrote', '1')").run()
        return before
      })()
      await worker.done
      // The transaction began once the worker had committed: it read the worker's row.
      expect(seen).toBe(1)
      expect(db.prepare("SELECT key FROM settings WHERE key LIKE '%-wrote' ORDER BY key").pluck().all()).toEqual(['main-wrote', 'worker-wrote'])
    } finally {
      db.close()
    }
  })

  it('adding articles to a case while an import is being stored succeeds', async () => {
    const s = tempServices()
    const first = await importText(s, 'ports.txt', 'Ports reopen\n\nThe harbour authority said ferries return next week.')
    const second = await importText(s, 'ice.txt', 'Ice season\n\nBreakers are on standby along the northern route.')
    const kase = s.cases.create('Winter shipping')
    const worker = await workerHoldingTheLock(s.dbPath, 300)
    const added = s.cases.addArticles(kase.id, [first, second])
    await worker.done
    expect(s.cases.articleIds(added.id).sort()).toEqual([first, second].sort())
  })
})
