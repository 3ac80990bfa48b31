import type Database from 'better-sqlite3'
import type { EntityService } from './entity-service'
import { extractArticle, type Analyse } from './extract-article'
import type { TimelineService } from './timeline-service'
import type { WatchList } from './watch-list'
import type { JobRegistry, JobState } from '../../jobs/job-registry'
import { articlesRepo, BEFORE_ANY_IMPORT, type ImportKey } from '../../db/repos/articles'
import { entitiesRepo } from '../../db/repos/entities'
import { mapConcurrent } from '../concurrency'

export type { Analyse } from './extract-article'

/** Extraction and storing of one article done elsewhere (a parse worker on its own connection); true when it stored. */
export type ExtractElsewhere = (articleId: string, force: boolean) => Promise<boolean>

export interface ExtractionJob {
  jobId: string
  total: number
  done: number
  finished: boolean
  cancelled: boolean
  /** Articles whose extraction failed (known when the job has finished). */
  failed: number
}

const KIND = 'entity-extraction'


/**
 * Runs extraction for articles: each newly imported one, and the whole library as a background
 * job with progress and Cancel. In the app both the analysis and the storing run in the parse
 * workers (`elsewhere`, each article one transaction on the worker's connection), so the main
 * thread only counts; without workers (the CLI, tests) they run here, the analysis where
 * `analyse` runs it.
 */
export class EntityIndexer {
  private queue: Promise<void> = Promise.resolve()
  /** Extractions queued by imports and not yet stored. */
  private queued = 0
  private closed = false

  constructor(
    private readonly db: Database.Database,
    private readonly analyse: Analyse,
    private readonly services: { entities: EntityService; timeline: TimelineService; watch: WatchList; jobs: JobRegistry },
    private readonly concurrency: number,
    private readonly elsewhere?: ExtractElsewhere,
    /** Ids the library job reads at a time: a page of 500 costs main 1–5 ms, whatever the library's size. */
    private readonly idsPerRead = 500
  ) {}

  /** Extracts one article now (again, if its text changed or `force`). */
  async extract(articleId: string, force = false): Promise<boolean> {
    if (this.closed) return false
    if (this.elsewhere) return this.elsewhere(articleId, force)
    return extractArticle(this.db, this.services, this.analyse, articleId, force, () => !this.closed)
  }

  /** Extracts, here and now, every article not extracted from its current text (the CLI's catch-up). */
  async extractPending(): Promise<number> {
    const ids = articlesRepo(this.db).liveIdsByImport()
    let count = 0
    for (const id of ids) if (await this.extract(id)) count++
    return count
  }

  /**
   * Extracts, now, a case's articles still waiting for it (an import's extraction not done yet, a
   * `dossier import`), so what is read of the case next (the brief's entity list and timeline)
   * leaves none of them out. Beyond `max` it does not wait: the library job takes them in the
   * background, and the count still waiting is returned (0 when none is left out).
   */
  async extractCase(caseId: string, max = 50): Promise<number> {
    if (this.closed) return 0
    const ids = entitiesRepo(this.db).pendingInCase(caseId)
    if (ids.length === 0) return 0
    if (ids.length > max) {
      this.startLibrary()
      return ids.length
    }
    // A failed extraction leaves its article out, as the library job does; the read goes on.
    await mapConcurrent(ids, this.concurrency, (id) => this.extract(id).catch(() => false), () => this.closed)
    return entitiesRepo(this.db).pendingInCase(caseId).length
  }

  /** After an import: extraction queued behind the previous ones, so imports never wait for it. */
  enqueue(articleId: string): void {
    this.queued++
    this.queue = this.queue.then(() =>
      this.extract(articleId).then(
        () => void this.queued--,
        () => void this.queued--
      )
    )
  }

  /** The library job running now, if any, and how many imported articles wait in the queue. */
  running(): { job: ExtractionJob | null; queued: number } {
    const state = this.services.jobs.running().find((j) => j.kind === KIND) as JobState<{ failed: number }> | undefined
    return { job: state ? toJob(state) : null, queued: this.queued }
  }

  /** Resolves when every queued extraction is stored (the CLI waits before it closes the library). */
  drain(): Promise<void> {
    return this.queue
  }

  /**
   * Extracts every article whose mentions are missing or older than its text (or all, with
   * `force`), as a background job: the live articles at the start, in import order, read a page
   * at a time between articles (an article trashed before its page is read is skipped; one
   * imported meanwhile is extracted by its import).
   */
  startLibrary(force = false, concurrency = this.concurrency): ExtractionJob {
    // One library job at a time: a second click, or a click while the catch-up runs, follows it.
    const { job } = this.running()
    if (job) return job
    const articles = articlesRepo(this.db)
    const last = articles.lastLiveByImport()
    // The live count kept by triggers (migration 010): counting the articles would read the library.
    const total = last ? entitiesRepo(this.db).liveArticleCount() : 0
    return toJob(
      this.services.jobs.start<{ failed: number }>(KIND, total, async ({ signal, progress }) => {
        let page: ImportKey[] = []
        let at = 0
        let after = BEFORE_ANY_IMPORT
        const nextId = (): string | null => {
          if (!last || !this.db.open) return null
          if (at === page.length) {
            page = articles.liveByImportBetween(after, last, this.idsPerRead)
            at = 0
            if (!page.length) return null
            after = page.at(-1)!
          }
          return page[at++]!.id
        }
        let done = 0
        let failed = 0
        const worker = async () => {
          while (!signal.aborted && !this.closed) {
            const id = nextId()
            if (id === null) return
            try {
              await this.extract(id, force)
            } catch {
              failed++
            }
            progress(++done)
            // Status polls and the app's own calls get their turn between articles.
            await new Promise((resolve) => setImmediate(resolve))
          }
        }
        await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker))
        // Articles trashed while the job ran were not extracted: the job ends complete all the same.
        if (!signal.aborted && !this.closed && done < total) progress(done, done)
        return { failed }
      })
    )
  }

  /**
   * Starts the library job when some live articles have no extraction of their current text (a
   * `dossier import`, which leaves extraction to the commands that read entities, or a job cut
   * short by quitting); null when there are none.
   */
  catchUp(): ExtractionJob | null {
    if (this.closed || !this.pending()) return null
    // One article at a time: a parse worker stays free for the analyst's imports.
    return this.startLibrary(false, 1)
  }

  /** Whether some live articles wait for extraction (one count from the triggers' totals). */
  pending(): boolean {
    return entitiesRepo(this.db).pendingCount() > 0
  }

  status(jobId: string): ExtractionJob {
    return toJob(this.services.jobs.status<{ failed: number }>(jobId, KIND))
  }

  cancel(jobId: string): ExtractionJob {
    return toJob(this.services.jobs.cancel<{ failed: number }>(jobId, KIND))
  }

  close(): void {
    this.closed = true
  }
}

function toJob(state: JobState<{ failed: number }>): ExtractionJob {
  return { jobId: state.jobId, total: state.total, done: state.done, finished: state.finished, cancelled: state.cancelled, failed: state.result?.failed ?? 0 }
}
