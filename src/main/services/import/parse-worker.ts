/**
 * Runs in a worker thread: parsing and cleaning an HTML page, or finding hundreds of highlights
 * again in a long changed text, takes long enough to stall the main process's event loop.
 */
import { parentPort } from 'node:worker_threads'
import { DossierError, firstLine } from '../../../shared/errors'
import { reanchorAll } from '../../../shared/anchoring/reanchor'
import { parseFile } from './parse-document'
import type { ParseReply, ParseRequest } from './file-parser'

const port = parentPort
if (!port) throw new Error('parse-worker must run in a worker thread')

port.on('message', (request: ParseRequest) => {
  let reply: ParseReply
  try {
    reply =
      request.kind === 'parse'
        ? { id: request.id, ok: true, parsed: parseFile(request.name, request.bytes, { wholeText: request.wholeText }) }
        : { id: request.id, ok: true, placed: reanchorAll(request.text, request.selectors) }
  } catch (err) {
    const what = request.kind === 'parse' ? request.name : 're-anchoring'
    reply = {
      id: request.id,
      ok: false,
      error: err instanceof DossierError ? err.toInfo() : { code: 'internal', message: `${what}: ${firstLine(err)}` }
    }
  }
  port.postMessage(reply)
})
