/**
 * Runs in a worker thread: parsing and cleaning an HTML page can take tens of milliseconds, and
 * the main process's event loop must keep serving the window meanwhile.
 */
import { parentPort } from 'node:worker_threads'
import { DossierError, firstLine } from '../../../shared/errors'
import { parseFile } from './parse-document'
import type { ParseReply, ParseRequest } from './file-parser'

const port = parentPort
if (!port) throw new Error('parse-worker must run in a worker thread')

port.on('message', (request: ParseRequest) => {
  let reply: ParseReply
  try {
    reply = { id: request.id, ok: true, parsed: parseFile(request.name, request.bytes, { wholeText: request.wholeText }) }
  } catch (err) {
    reply = {
      id: request.id,
      ok: false,
      error: err instanceof DossierError ? err.toInfo() : { code: 'internal', message: `${request.name}: ${firstLine(err)}` }
    }
  }
  port.postMessage(reply)
})
