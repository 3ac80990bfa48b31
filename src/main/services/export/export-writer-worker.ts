/**
 * Writes export files in a worker thread (export-writer.ts), so the main thread can read and
 * render the next batch meanwhile.
 */
import { parentPort } from 'node:worker_threads'
import { writeBatch, type WriteBatch, type WriteReply } from './export-writer'

const port = parentPort
if (!port) throw new Error('export-writer-worker must run in a worker thread')

port.on('message', (batch: WriteBatch) => {
  port.postMessage({ id: batch.id, results: writeBatch(batch.dir, batch.files) } satisfies WriteReply)
})
