/**
 * Runs in a worker thread: parsing and cleaning an HTML page, laying out a PDF's pages, storing
 * a new article on the worker's own connection, or finding hundreds of highlights again in a long
 * changed text, takes long enough to stall the main process's event loop.
 */
import { reanchorAll } from '../../../shared/anchoring/reanchor'
import { serveTasks } from '../../workers/serve-tasks'
import { parseAndPrepare } from './prepared-file'
import { parseAndStore } from './store-in-worker'
import { analyseArticle } from '../../../shared/entities/analyse-article'
import { workerData } from 'node:worker_threads'
import { extractionWriter, type ExtractionLibrary } from '../entities/extraction-writer'
import { ownCopy, type ParseTask } from './file-parser'

// Given when the pool belongs to an open library: extraction then also stores, on this thread.
const library = (workerData as { library?: ExtractionLibrary } | undefined)?.library
const writer = library ? extractionWriter(library) : null

serveTasks<ParseTask, unknown>(
  (task) => {
    switch (task.kind) {
      case 'parse':
        return parseAndPrepare(task.name, ownCopy(task.bytes), { wholeText: task.wholeText, password: task.password, pageUrl: task.pageUrl })
      case 'import':
        return parseAndStore(task.name, ownCopy(task.bytes), { wholeText: task.wholeText, password: task.password, pageUrl: task.pageUrl }, task.store)
      case 'analyse':
        return analyseArticle(task.text, task.published, task.language)
      case 'extract':
        if (!writer) throw new Error('this worker was started without a library to write extractions into')
        return writer.extract(task.articleId, task.force)
      default:
        return reanchorAll(task.text, task.selectors)
    }
  },
  (task) => (task.kind === 'parse' || task.kind === 'import' ? task.name : task.kind === 'analyse' || task.kind === 'extract' ? 'entity extraction' : 're-anchoring')
)
