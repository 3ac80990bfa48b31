import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../../test/support/temp-services'
import { workerWriter, type FileToWrite, type WriteResult } from './export-writer'

/**
 * A stand-in for the built export-writer worker that writes nothing: it answers each batch with
 * its thread id, and dies on a file named "crash". The pool around it is what is tested here.
 */
function fakeWorker(): string {
  const path = join(tempDir(), 'fake-writer.mjs')
  writeFileSync(
    path,
    `import { parentPort, threadId } from 'node:worker_threads'
     parentPort.on('message', ({ id, task: { files } }) => {
       parentPort.postMessage({ id, started: true })
       if (files.some((f) => f.fileName === 'crash')) process.exit(3)
       setTimeout(() => parentPort.postMessage({ id, ok: true, value: files.map(() => ({ kind: 'written', outcome: { status: 'created', sha256: String(threadId) } })) }), 20)
     })`
  )
  return path
}

const batch = (...names: string[]): FileToWrite[] =>
  names.map((fileName) => ({ articleId: fileName, fileName, body: null, sha256: '', recordedSha: null, mayExist: false }))

const thread = (results: WriteResult[]) => (results[0]?.kind === 'written' && results[0].outcome.status === 'created' ? results[0].outcome.sha256 : null)

describe('the export writer pool', () => {
  it('spreads batches in flight over its threads', async () => {
    const writer = workerWriter(fakeWorker(), { dbPath: ':unused:' })
    try {
      const [a, b] = await Promise.all([writer.write('/nowhere', batch('a.md')), writer.write('/nowhere', batch('b.md'))])
      expect(thread(a)).not.toBeNull()
      expect(thread(a)).not.toBe(thread(b))
    } finally {
      await writer.close()
    }
  })

  it('fails only the batches of a worker that died, and starts another for the next batch', async () => {
    const writer = workerWriter(fakeWorker(), { dbPath: ':unused:' })
    try {
      const [dead, alive] = await Promise.allSettled([writer.write('/nowhere', batch('crash')), writer.write('/nowhere', batch('b.md'))])
      expect(dead).toMatchObject({ status: 'rejected', reason: { message: 'the export writer stopped (exit 3)' } })
      expect(alive).toMatchObject({ status: 'fulfilled' })
      expect(thread(await writer.write('/nowhere', batch('c.md')))).not.toBeNull()
    } finally {
      await writer.close()
    }
  })

  it('refuses work once closed', async () => {
    const writer = workerWriter(fakeWorker(), { dbPath: ':unused:' })
    await writer.write('/nowhere', batch('a.md'))
    await writer.close()
    await expect(writer.write('/nowhere', batch('b.md'))).rejects.toThrow('the export writer was closed')
  })
})
