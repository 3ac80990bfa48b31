import type Database from 'better-sqlite3'
import type { ArticleAnalysis } from '../../../shared/entities/analyse-article'
import { refuse } from '../../../shared/refusals'
import { articlesRepo } from '../../db/repos/articles'
import type { EntityService } from './entity-service'
import type { TimelineService } from './timeline-service'
import type { WatchList } from './watch-list'

export type Analyse = (text: string, published: string | null, language: string | null) => Promise<ArticleAnalysis>

/** Where an extraction is stored: the services over one connection. */
export interface ExtractionStores {
  entities: EntityService
  timeline: TimelineService
  watch: WatchList
}

/**
 * Extracts one article (again, if its text changed or `force`) and stores what was found, its
 * mentions resolved under every decision, its dated events and its watch-list matches, in one
 * transaction. True when it stored. The same code runs on the app's connection (the CLI, tests)
 * and on a parse worker's own connection (extraction-writer.ts), so the result never depends on
 * where it ran.
 */
export async function extractArticle(
  db: Database.Database,
  stores: ExtractionStores,
  analyse: Analyse,
  articleId: string,
  force: boolean,
  stillWanted: () => boolean = () => db.open
): Promise<boolean> {
  const articles = articlesRepo(db)
  const row = articles.forExtraction(articleId)
  if (!row) throw refuse('missing.article', { id: articleId })
  if (!force && stores.entities.isCurrent(articleId, row.text)) return false
  const analysis = await analyse(row.text, row.published_at, row.language)
  if (!stillWanted() || !db.open) return false
  // IMMEDIATE: the decisions are read under the write lock, so a decision taken on another
  // connection meanwhile is either already applied here or applies again after this commits.
  return db
    .transaction(() => {
      // The text may have changed while the analysis ran: the next run picks the new text up.
      const now = articles.forExtraction(articleId)
      if (!now || now.text !== row.text) return false
      stores.entities.storeMentions(articleId, row.text, analysis)
      stores.timeline.storeEvents(articleId, analysis.events, row.text)
      stores.watch.check(articleId, row.text)
      return true
    })
    .immediate()
}
