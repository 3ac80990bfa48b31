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
import { importAnnotations, type AnnotationImportReport } from './export/annotation-import'
import { HighlightService } from './highlight-service'
import { folderImports, type FolderImports } from './import/folder-import'
import { JobRegistry } from '../jobs/job-registry'
import { LabelService } from './label-service'
import { inProcessParser, workerParser } from './import/file-parser'
import { inProcessCompute, workerCompute } from './compute/compute-service'
import { NoteService } from './note-service'
import { LibraryQueries } from './library-query'
import { inProcessSearch, workerSearch, type SearchService } from './search/search-service'
import { appHandlers } from './handlers/app'
import { articleHandlers } from './handlers/articles'
import { backupHandlers } from './handlers/backup'
import { exportHandlers } from './handlers/export'
import { highlightHandlers } from './handlers/highlights'
import { importHandlers } from './handlers/import'
import { labelHandlers } from './handlers/labels'
import { libraryHandlers } from './handlers/library'
import { noteHandlers } from './handlers/notes'
import { searchHandlers } from './handlers/search'
import { settingsHandlers } from './handlers/settings'
import { trashHandlers } from './handlers/trash'
import { caseHandlers } from './handlers/cases'
import { currentActor, registerProvenanceFunctions } from '../provenance/log-hash'
import { CaseService } from './analysis/case-service'
import { ClaimService } from './analysis/claim-service'
import { GradingService } from './analysis/grading-service'
import { importAnalysis } from './analysis/import-analysis'
import { newWriteTurns } from '../db/write-turns'
import { NearDuplicates } from './analysis/near-duplicates'
import { ProvenanceService } from './analysis/provenance-service'
import { BriefService, type PdfPrinter } from './brief/brief-service'
import { SourceService } from './analysis/source-service'
import { EntityIndexer } from './entities/entity-indexer'
import { LanguageBackfill } from './language/language-backfill'
import { CjkBackfill } from './search/cjk-backfill'
import { EntityService } from './entities/entity-service'
import { TimelineService } from './entities/timeline-service'
import { WatchList } from './entities/watch-list'
import { entityHandlers } from './handlers/entities'
import type { ImportHooks } from './article-service'
import { CaptureService } from './capture/capture-service'
import { CaptureEndpoint } from './capture/capture-endpoint'
import { captureHandlers } from './handlers/capture'
import { AchService } from './ach/ach-service'
import { achHandlers } from './handlers/ach'
import { briefHandlers } from './handlers/brief'

export interface ServiceOptions {
  dbPath: string
  shell: 'electron' | 'web'
  version: string
  defaultExportDir: string
  nativeBinding?: string
  clock?: Clock
  /** The built parse-worker.js: import parsing then runs in worker threads, off the main event loop. */
  parseWorkerPath?: string
  /**
   * Queue entity extraction after each import, in the parse workers (the app and web shells).
   * `dossier import` says no: a bulk import spends every core on importing, and the commands that
   * read entities extract what is missing first (`extractPending`).
   */
  extractAfterImport?: boolean
  /**
   * A bulk import from a terminal (`dossier import`): the parse workers commit each file without
   * syncing, and each batch is synced once when it ends (decision 0050). The app syncs every file.
   */
  bulkImport?: boolean
  /**
   * Whether articles waiting for extraction at opening are extracted in the background once the
   * window is up (default: yes where `extractAfterImport`). The UI benchmark turns it off: it reloads
   * the page many times on one server to time the first paint, which an analyst sees before it starts.
   */
  catchUpEntities?: boolean
  /** Take a backup now if the newest is a day old, and check hourly (the app and web shells). */
  dailyBackups?: boolean
  /** Told after every settings change (the Electron shell follows the theme with its native UI). */
  onSettingsChanged?: (settings: AppSettings) => void
  /** The built search-worker.js: searches then run in a worker thread on a read-only connection. */
  searchWorkerPath?: string
  /** The built export-writer.js: Markdown export then writes its files in a worker thread. */
  exportWriterPath?: string
  /** The built compute-worker.js: annotation re-anchoring and template previews then run off the main event loop. */
  computeWorkerPath?: string
  /** Who grade changes and the activity log name: the OS user by default. */
  actor?: string
  /**
   * Run the browser capture endpoint (the app and web shells): on the port in Settings unless
   * `port` is given (0: any free port, for tests), following the setting when it changes.
   */
  /** Prints a brief's HTML to PDF (the Electron shell's hidden window); without it, PDF is the browser's print. */
  printPdf?: PdfPrinter
  captureEndpoint?: { articleLink: (articleId: string) => string | null; port?: number; onRefused?: (status: number, reason: string) => void }
}

export interface Services {
  db: Database.Database
  articles: ArticleService
  highlights: HighlightService
  notes: NoteService
  exporter: ExportService
  /** W3C annotations (Dossier or Hypothesis JSON) into the library; see export/annotation-import.ts. */
  annotationImport(json: string, fileName: string): Promise<AnnotationImportReport>
  /** File > Import Folder…, as jobs in `jobs`. */
  importJobs: FolderImports
  /** Every background job: import, export, and what comes next. */
  jobs: JobRegistry
  labels: LabelService
  backups: BackupService
  trash: TrashService
  settings: AppSettingsService
  search: SearchService
  library: LibraryQueries
  cases: CaseService
  sources: SourceService
  grading: GradingService
  claims: ClaimService
  provenance: ProvenanceService
  nearDuplicates: NearDuplicates
  entities: EntityService
  /** Extraction: after each import, and for the whole library as a background job. */
  entityIndexer: EntityIndexer
  /** Languages for articles that have none yet (migration 050), in the compute worker. */
  languageBackfill: LanguageBackfill
  /** CJK rows written before the side index (migration 051), indexed in the background. */
  cjkBackfill: CjkBackfill
  watchList: WatchList
  timeline: TimelineService
  /** Competing-hypotheses matrices of a case. */
  ach: AchService
  /** The case's cited brief: check mode and its exports. */
  brief: BriefService
  /** Browser pairing and captures. */
  capture: CaptureService
  /** The capture endpoint, where this shell runs one; `listening` settles when it has its port. */
  captureEndpoint: CaptureEndpoint | null
  listening: Promise<void>
  handlers: Handlers
  dispatch: Dispatch
  close(): Promise<void>
}

/**
 * The composition root: every shell (Electron, loopback web, CLI, tests) builds the same
 * services from a database path, so they all run the same code against the same store.
 */
export function createServices(options: ServiceOptions): Services {
  const clock = options.clock ?? systemClock
  const actor = options.actor ?? currentActor()
  // The workers get the library too: they store entity extractions on their own connection.
  // Started before the library is opened, so that their loading (jsdom) overlaps its migrations;
  // a bulk import starts all of them, since every one will have work at once.
  const parser = options.parseWorkerPath
    ? workerParser(
        options.parseWorkerPath,
        undefined,
        undefined,
        options.dbPath === ':memory:' ? undefined : { dbPath: options.dbPath, nativeBinding: options.nativeBinding, actor },
        options.bulkImport ? Number.POSITIVE_INFINITY : 1
      )
    : inProcessParser()
  let db: Database.Database
  try {
    db = openDatabase(options.dbPath, { nativeBinding: options.nativeBinding })
  } catch (err) {
    void parser.close()
    throw err
  }
  registerProvenanceFunctions(db, actor)
  const sources = new SourceService(db, clock)
  const grading = new GradingService(db, clock, actor, sources)
  const nearDuplicates = new NearDuplicates(db)
  const cases = new CaseService(db, clock)
  const claims = new ClaimService(db, clock, nearDuplicates)
  const ach = new AchService(db, clock, claims)
  const provenance = new ProvenanceService(db, clock, options.nativeBinding)
  const brief = new BriefService(db, clock, { cases, claims, provenance, pdf: options.printPdf, appVersion: options.version })
  const jobs = new JobRegistry()
  const entities = new EntityService(db, clock)
  const timeline = new TimelineService(db, clock)
  const watchList = new WatchList(db, clock)
  const entityIndexer = new EntityIndexer(db, (text, published, language) => parser.analyse(text, published, language), { entities, timeline, watch: watchList, jobs }, Math.max(1, parser.concurrency >> 1), parser.extract)
  const articles = new ArticleService(db, clock, parser, {
    appVersion: options.version,
    hooks: withEntityIndex(importAnalysis(sources, nearDuplicates, cases), watchList, options.parseWorkerPath && options.extractAfterImport !== false ? entityIndexer : null),
    // Parse workers store new articles on their own connection: writing a long report stalled main (decision 0036).
    writer: {
      actor,
      writeTurns: newWriteTurns(),
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(options.bulkImport ? { synchronous: 'NORMAL' as const } : {})
    }
  })
  const importJobs = folderImports(jobs, articles)
  const labels = new LabelService(db)
  const highlights = new HighlightService(db, clock)
  const notes = new NoteService(db, clock, cases)
  const compute = options.computeWorkerPath ? workerCompute(options.computeWorkerPath) : inProcessCompute()
  const languageBackfill = new LanguageBackfill(db, (samples) => compute.run({ kind: 'detectLanguages', samples }, { budgetMs: 60_000 }))
  // The app and the web shell (which have the compute worker) catch up once the window is up; the
  // CLI and the tests call run() when they need it. Articles a `dossier import` stored, or an
  // extraction cut short by quitting, are extracted then too: nothing else would start it.
  const cjkBackfill = new CjkBackfill(db)
  // Decided at opening: articles imported from now on are extracted by their import.
  const catchUpEntities = Boolean(options.parseWorkerPath) && options.extractAfterImport !== false && options.catchUpEntities !== false && entityIndexer.pending()
  const backfillTimer = options.computeWorkerPath
    ? setTimeout(() => {
        void languageBackfill.run().catch(() => undefined)
        void cjkBackfill.run().catch(() => undefined)
        if (catchUpEntities && db.open) entityIndexer.catchUp()
      }, 3000)
    : null
  backfillTimer?.unref()
  const exporter = new ExportService(
    db,
    clock,
    options.exportWriterPath ? { workerPath: options.exportWriterPath, dbPath: options.dbPath, nativeBinding: options.nativeBinding } : undefined,
    compute
  )
  const trash = new TrashService(db, clock)
  const backups = new BackupService(db, options.dbPath, { nativeBinding: options.nativeBinding })
  if (options.dailyBackups) backups.startDaily()
  let captureEndpoint: CaptureEndpoint | null = null
  const settings = new AppSettingsService(db, (changed) => {
    options.onSettingsChanged?.(changed)
    if (captureEndpoint && options.captureEndpoint?.port === undefined) void captureEndpoint.listen(changed.capturePort)
  })
  const search = options.searchWorkerPath
    ? workerSearch(options.searchWorkerPath, { dbPath: options.dbPath, nativeBinding: options.nativeBinding })
    : inProcessSearch(db)
  const library = new LibraryQueries(db)

  const capture = new CaptureService(db, clock, { articles, highlights, cases })
  let listening = Promise.resolve()
  if (options.captureEndpoint) {
    const { articleLink, onRefused, port } = options.captureEndpoint
    captureEndpoint = new CaptureEndpoint({ capture, version: options.version, articleLink, onRefused }, port ?? settings.get().capturePort)
    listening = captureEndpoint.listen(port ?? settings.get().capturePort).then(() => undefined)
  }

  const annotationImport = (json: string, fileName: string) => importAnnotations(db, highlights, notes, compute, json, fileName)

  // Each domain's handlers live in handlers/; the type makes sure every channel has one.
  const handlers: Handlers = {
    ...appHandlers(
      { version: options.version, dbPath: options.dbPath, defaultExportDir: options.defaultExportDir, shell: options.shell },
      settings
    ),
    ...libraryHandlers(articles, library, libraryWarnings(options.dbPath)),
    ...articleHandlers(articles, highlights),
    ...importHandlers(articles, importJobs),
    ...highlightHandlers(highlights),
    ...labelHandlers(labels),
    ...noteHandlers(notes),
    ...settingsHandlers(settings),
    ...exportHandlers(exporter, jobs, annotationImport),
    ...searchHandlers(search),
    ...trashHandlers(trash),
    ...backupHandlers(backups),
    ...caseHandlers({ cases, sources, grading, claims, provenance, nearDuplicates, highlights, jobs }),
    ...entityHandlers({ entities, indexer: entityIndexer, watchList, timeline, caseName: (id) => cases.get(id).name }),
    ...captureHandlers(capture, () => captureEndpoint),
    ...achHandlers(ach),
    ...briefHandlers(brief, cases)
  }

  return {
    db,
    articles,
    highlights,
    notes,
    exporter,
    annotationImport,
    importJobs,
    jobs,
    labels,
    backups,
    trash,
    settings,
    search,
    library,
    cases,
    sources,
    grading,
    claims,
    provenance,
    nearDuplicates,
    entities,
    entityIndexer,
    languageBackfill,
    cjkBackfill,
    watchList,
    timeline,
    ach,
    brief,
    capture,
    captureEndpoint,
    listening,
    handlers,
    dispatch: createDispatch(handlers),
    close() {
      void backups.stop()
      jobs.cancelAll()
      entityIndexer.close()
      if (backfillTimer) clearTimeout(backfillTimer)
      languageBackfill.stop()
      cjkBackfill.stop()
      const endpointClosed = captureEndpoint?.close() ?? Promise.resolve()
      // The brief's last Markdown export, kept for the next start (it is stored when the process idles).
      brief.flushStored()
      // The database first and synchronously: nothing may write after close() returns. A backup
      // in progress is abandoned; its half-written copy is never listed and is swept later.
      db.close()
      return Promise.all([endpointClosed, parser.close(), search.close(), exporter.close(), compute.close()]).then(() => undefined)
    }
  }
}

/**
 * After an article is imported or updated: the watch list is checked at once (its matches go in
 * the import report) and, where extraction runs in the parse workers, it is queued, so the
 * import never waits for it. Without workers (tests) extraction would compete with the import on
 * this thread, and `dossier import` leaves it to the commands that read entities (`extractPending`).
 */
function withEntityIndex(hooks: ImportHooks, watchList: WatchList, indexer: EntityIndexer | null): ImportHooks {
  return {
    ...hooks,
    imported(result, via) {
      hooks.imported(result, via)
      if (!result.articleId || (result.status !== 'imported' && result.status !== 'updated')) return
      const hits = watchList.checkArticle(result.articleId)
      if (hits.length) result.message = [result.message, `Watch list: ${hits.join(', ')}.`].filter(Boolean).join(' ')
      indexer?.enqueue(result.articleId)
    }
  }
}
