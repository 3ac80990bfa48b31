import type Database from 'better-sqlite3'
import type { ArticleAnalysis } from '../../../shared/entities/analyse-article'
import { DossierError } from '../../../shared/errors'
import type { EntityService } from './entity-service'
import type { TimelineService } from './timeline-service'
import type { WatchList } from './watch-list'
import type { JobRegistry, JobState } from '../../jobs/job-registry'
import { articlesRepo, type ArticleRow } from '../../db/repos/articles'

export type Analyse = (text: string, published: string | null, language: string | null) => Promise<ArticleAnalysis>

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
 * job with progress and Cancel. The analysis runs where `analyse` runs it (the parse workers in
 * the app, this thread in the CLI); storing it is one short transaction per article on main.
 */
export class EntityIndexer {
  private queue: Promise<void> = Promise.resolve()
  private closed = false

  constructor(
    private readonly db: Database.Database,
    private readonly analyse: Analyse,
    private readonly services: { entities: EntityService; timeline: TimelineService; watch: WatchList; jobs: JobRegistry },
    private readonly concurrency: number
  ) {}

  /** Extracts one article now (again, if its text changed or `force`). */
  async extract(articleId: string, force = false): Promise<boolean> {
    const row = this.article(articleId)
    if (!row) throw new DossierError('not_found', `No article with id ${articleId}.`)
    if (!force && this.services.entities.isCurrent(articleId, row.text)) return false
    const analysis = await this.analyse(row.text, row.published_at, row.language)
    if (this.closed || !this.db.open) return false
    // The text may have changed while the worker read it: the next run picks the new text up.
    const now = this.article(articleId)
    if (!now || now.text !== row.text) return false
    this.db.transaction(() => {
      this.services.entities.storeMentions(articleId, row.text, analysis)
      this.services.timeline.storeEvents(articleId, analysis.events, row.text)
    })()
    this.services.watch.check(articleId, row.text)
    return true
  }

  /** Extracts, here and now, every article not extracted from its current text (the CLI's catch-up). */
  async extractPending(): Promise<number> {
    const ids = articlesRepo(this.db).liveIdsByImport()
    let count = 0
    for (const id of ids) if (await this.extract(id)) count++
    return count
  }

  /** After an import: extraction queued behind the previous ones, so imports never wait for it. */
  enqueue(articleId: string): void {
    this.queue = this.queue.then(() => this.extract(articleId).then(() => undefined, () => undefined))
  }

  /** Resolves when every queued extraction is stored (the CLI waits before it closes the library). */
  drain(): Promise<void> {
    return this.queue
  }

  /** Extracts every article whose mentions are missing or older than its text (or all, with `force`), as a background job. */
  startLibrary(force = false): ExtractionJob {
    const ids = articlesRepo(this.db).liveIdsByImport()
    return toJob(
      this.services.jobs.start<{ failed: number }>(KIND, ids.length, async ({ signal, progress }) => {
        let next = 0
        let done = 0
        let failed = 0
        const worker = async () => {
          while (next < ids.length && !signal.aborted && !this.closed) {
            const id = ids[next++]!
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
        await Promise.all(Array.from({ length: Math.max(1, this.concurrency) }, worker))
        return { failed }
      })
    )
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

  private article(id: string): Pick<ArticleRow, 'id' | 'text' | 'published_at' | 'language'> | undefined {
    return articlesRepo(this.db).forExtraction(id)
  }
}

function toJob(state: JobState<{ failed: number }>): ExtractionJob {
  return { jobId: state.jobId, total: state.total, done: state.done, finished: state.finished, cancelled: state.cancelled, failed: state.result?.failed ?? 0 }
}
