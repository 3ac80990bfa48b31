/**
 * Runs in a worker thread: parsing and cleaning an HTML page, laying out a PDF's pages, storing
 * a new article on the worker's own connection, or finding hundreds of highlights again in a long
 * changed text, takes long enough to stall the main process's event loop.
 */
import { reanchorAll } from '../../../shared/anchoring/reanchor'
import { serveTasks } from '../../workers/serve-tasks'
import { parseAndPrepare } from './prepared-file'
import { parseAndStore } from './store-in-worker'
import { workerData } from 'node:worker_threads'
import type { ExtractionLibrary, extractionWriter } from '../entities/extraction-writer'
import { ownCopy, type ParseTask } from './file-parser'

// Given when the pool belongs to an open library: extraction then also stores, on this thread.
const library = (workerData as { library?: ExtractionLibrary } | undefined)?.library
// Entity extraction (compromise and its lexicons) is loaded by the first task that needs it: it
// was a third of a worker's start, paid by every import before its first file (decision 0040).
const analysis = () => import('../../../shared/entities/analyse-article')
let writer: Promise<ReturnType<typeof extractionWriter>> | undefined
const writerFor = (lib: ExtractionLibrary) => (writer ??= import('../entities/extraction-writer').then((m) => m.extractionWriter(lib)))

serveTasks<ParseTask, unknown>(
  (task) => {
    switch (task.kind) {
      case 'parse':
        return parseAndPrepare(task.name, ownCopy(task.bytes), { wholeText: task.wholeText, password: task.password, pageUrl: task.pageUrl })
      case 'import':
        return parseAndStore(task.name, ownCopy(task.bytes), { wholeText: task.wholeText, password: task.password, pageUrl: task.pageUrl }, task.store)
      case 'analyse':
        return analysis().then((m) => m.analyseArticle(task.text, task.published, task.language))
      case 'extract':
        if (!library) throw new Error('this worker was started without a library to write extractions into')
        return writerFor(library).then((w) => w.extract(task.articleId, task.force))
      default:
        return reanchorAll(task.text, task.selectors)
    }
  },
  (task) => (task.kind === 'parse' || task.kind === 'import' ? task.name : task.kind === 'analyse' || task.kind === 'extract' ? 'entity extraction' : 're-anchoring')
)
