/**
 * Runs in a worker thread: parsing and cleaning an HTML page, laying out a PDF's pages, or finding hundreds of highlights
 * again in a long changed text, takes long enough to stall the main process's event loop.
 */
import { reanchorAll } from '../../../shared/anchoring/reanchor'
import { serveTasks } from '../../workers/serve-tasks'
import { parseAndPrepare } from './prepared-file'
import { analyseArticle } from '../../../shared/entities/analyse-article'
import type { ParseTask } from './file-parser'

serveTasks<ParseTask, unknown>(
  (task) =>
    task.kind === 'parse'
      ? parseAndPrepare(task.name, task.bytes, { wholeText: task.wholeText, password: task.password, pageUrl: task.pageUrl })
      : task.kind === 'analyse'
        ? analyseArticle(task.text, task.published, task.language)
        : reanchorAll(task.text, task.selectors),
  (task) => (task.kind === 'parse' ? task.name : task.kind === 'analyse' ? 'entity extraction' : 're-anchoring')
)
