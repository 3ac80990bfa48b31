import type Database from 'better-sqlite3'
import type { Handlers } from '../../shared/contract'
import { openDatabase } from '../db/open-database'
import type { AppSettings } from '../../shared/settings'
import { AppSettingsService } from './app-settings-service'
import { ArticleService } from './article-service'
import { BackupService } from './backup-service'
import { TrashService } from './trash-service'
import { libraryWarnings } from '../db/risky-location'
import { systemClock, type Clock } from './clock'
import { createDispatch, type Dispatch } from './dispatch'
import { ExportService } from './export-service'
import { ExportJobs } from './export/export-jobs'
import { exportHandlers } from './export/export-handlers'
import { importAnnotations, type AnnotationImportReport } from './export/annotation-import'
import { HighlightService } from './highlight-service'
import { ImportJobs } from './import-jobs'
import { LabelService } from './label-service'
import { inProcessParser, workerParser } from './import/file-parser'
import { NoteService } from './note-service'
import { LibraryQueries } from './library-query'
import { inProcessSearch, workerSearch, type SearchService } from './search/search-service'

export interface ServiceOptions {
  dbPath: string
  shell: 'electron' | 'web'
  version: string
  defaultExportDir: string
  nativeBinding?: string
  clock?: Clock
  /** The built parse-worker.js: import parsing then runs in worker threads, off the main event loop. */
  parseWorkerPath?: string
  /** Take a backup now if the newest is a day old, and check hourly (the app and web shells). */
  dailyBackups?: boolean
  /** Told after every settings change (the Electron shell follows the theme with its native UI). */
  onSettingsChanged?: (settings: AppSettings) => void
  /** The built search-worker.js: searches then run in a worker thread on a read-only connection. */
  searchWorkerPath?: string
  /** The built export-writer.js: Markdown export then writes its files in a worker thread. */
  exportWriterPath?: string
}

export interface Services {
  db: Database.Database
  articles: ArticleService
  highlights: HighlightService
  notes: NoteService
  exporter: ExportService
  /** W3C annotations (Dossier or Hypothesis JSON) into the library; see export/annotation-import.ts. */
  annotationImport(json: string, fileName: string): AnnotationImportReport
  importJobs: ImportJobs
  labels: LabelService
  backups: BackupService
  trash: TrashService
  settings: AppSettingsService
  search: SearchService
  library: LibraryQueries
  handlers: Handlers
  dispatch: Dispatch
  close(): Promise<void>
}

/**
 * The composition root: every shell (Electron, loopback web, CLI, tests) builds the same
 * services from a database path, so they all run the same code against the same store.
 */
export function createServices(options: ServiceOptions): Services {
  const db = openDatabase(options.dbPath, { nativeBinding: options.nativeBinding })
  const clock = options.clock ?? systemClock
  const parser = options.parseWorkerPath ? workerParser(options.parseWorkerPath) : inProcessParser()
  const articles = new ArticleService(db, clock, parser)
  const importJobs = new ImportJobs(articles)
  const labels = new LabelService(db)
  const highlights = new HighlightService(db, clock)
  const notes = new NoteService(db, clock)
  const exporter = new ExportService(
    db,
    clock,
    options.exportWriterPath ? { workerPath: options.exportWriterPath, dbPath: options.dbPath, nativeBinding: options.nativeBinding } : undefined
  )
  const exportJobs = new ExportJobs()
  const trash = new TrashService(db, clock)
  const warnings = libraryWarnings(options.dbPath)
  const backups = new BackupService(db, options.dbPath, { nativeBinding: options.nativeBinding })
  if (options.dailyBackups) backups.startDaily()
  const settings = new AppSettingsService(db, options.onSettingsChanged)
  const search = options.searchWorkerPath
    ? workerSearch(options.searchWorkerPath, { dbPath: options.dbPath, nativeBinding: options.nativeBinding })
    : inProcessSearch(db)
  const library = new LibraryQueries(db)

  const handlers: Handlers = {
    'app.info': () => ({
      version: options.version,
      dbPath: options.dbPath,
      defaultExportDir: settings.get().defaultExportDir ?? options.defaultExportDir,
      shell: options.shell
    }),
    'library.list': ({ limit, offset }) => articles.list(limit, offset),
    'article.get': ({ id }) => articles.get(id),
    'article.importFiles': async ({ files }) => ({
      results: await articles.importMany(
        files.map((f) => ({ name: f.name, bytes: Buffer.from(f.dataBase64, 'base64'), options: { wholeText: f.wholeText } }))
      )
    }),
    'article.importPaste': ({ text }) => articles.importPaste(text),
    'article.importSample': () => articles.importSample(),
    'article.setBlockRemoved': ({ articleId, blockIndex, removed }) => ({
      article: articles.setBlockRemoved(articleId, blockIndex, removed),
      highlights: highlights.list(articleId)
    }),
    'article.updateMetadata': ({ id, patch }) => articles.updateMetadata(id, patch),
    'import.status': ({ jobId }) => importJobs.status(jobId),
    'import.cancel': ({ jobId }) => importJobs.cancel(jobId),
    'highlight.list': ({ articleId }) => highlights.list(articleId),
    'highlight.create': ({ articleId, start, end, labelId }) =>
      labelId === undefined ? highlights.create(articleId, start, end) : highlights.create(articleId, start, end, labelId),
    'highlight.get': ({ id }) => highlights.getLive(id),
    'highlight.delete': ({ id }) => ({ deleted: highlights.delete(id) }),
    'highlight.restore': ({ id }) => highlights.restore(id),
    'highlight.setLabel': ({ id, labelId }) => highlights.setLabel(id, labelId),
    'highlight.reattach': ({ id, start, end }) => highlights.reattach(id, start, end),
    'highlight.setTags': ({ id, tags }) => highlights.setTags(id, tags),
    'article.setTags': ({ id, tags }) => articles.setTags(id, tags),
    'label.list': () => labels.list(),
    'label.create': ({ name, color }) => labels.create(name, color),
    'label.update': ({ id, name, color }) => labels.update(id, { name, color }),
    'label.delete': ({ id, moveTo }) => labels.delete(id, moveTo),
    'note.get': ({ highlightId }) => notes.get(highlightId),
    'note.save': ({ highlightId, content }) => notes.save(highlightId, content),
    'note.revisions': (target) => notes.revisions(target),
    'note.restoreRevision': ({ revisionId }) => notes.restoreRevision(revisionId),
    'notebook.get': ({ articleId }) => notes.getNotebook(articleId),
    'notebook.save': ({ articleId, content }) => notes.saveNotebook(articleId, content),
    'settings.get': () => settings.get(),
    'settings.set': (patch) => settings.update(patch),
    ...exportHandlers(exporter, exportJobs),
    'annotations.import': ({ name, text }) => importAnnotations(db, highlights, notes, text, name),
    'search.query': ({ query, limit, key }) => search.search(query, { limit, key }),
    'library.query': (query) => library.page(query),
    'library.facets': () => library.facets(),
    'article.delete': ({ id }) => trash.deleteArticle(id),
    'trash.list': () => trash.list(),
    'trash.restore': ({ kind, id }) => trash.restore(kind, id),
    'trash.empty': () => trash.empty(),
    'library.warnings': () => ({ warnings }),
    'backup.list': () => ({ items: backups.list() }),
    'backup.create': () => backups.create('manual'),
    'backup.restore': async ({ name }) => {
      const { keptAs, counts } = await backups.restore(name)
      return { keptAs, counts }
    }
  }

  return {
    db,
    articles,
    highlights,
    notes,
    exporter,
    annotationImport: (json, fileName) => importAnnotations(db, highlights, notes, json, fileName),
    importJobs,
    labels,
    backups,
    trash,
    settings,
    search,
    library,
    handlers,
    dispatch: createDispatch(handlers),
    close() {
      void backups.stop()
      // The database first and synchronously: nothing may write after close() returns. A backup
      // in progress is abandoned; its half-written copy is never listed and is swept later.
      db.close()
      return Promise.all([parser.close(), search.close(), exporter.close()]).then(() => undefined)
    }
  }
}
