import type Database from 'better-sqlite3'
import type { HighlightAnnotationSource } from '../../../shared/annotations/web-annotation'
import { cachedMarkdown } from './note-markdown-cache'
import { pageLocators } from './export-source'
import { articlesRepo } from '../../db/repos/articles'
import { highlightsRepo, TAG_SEPARATOR } from '../../db/repos/highlights'
import type { LabelNamer } from '../../../shared/i18n/default-labels'

/**
 * Every live highlight of these articles, in reading order per article, for JSON and CSV export;
 * `labelName` names labels in the export's language (stored names without it).
 */
export function highlightsFor(db: Database.Database, articleIds: readonly string[], labelName: LabelNamer | null = null): HighlightAnnotationSource[] {
  const idsJson = JSON.stringify(articleIds)
  const rows = highlightsRepo(db).forAnnotations(idsJson)
  const pages = pageLocators(articlesRepo(db).pdfDocumentsOfBatch(idsJson))
  return rows.map((r) => ({
    id: r.id,
    articleId: r.article_id,
    articleUrl: r.url,
    articleTitle: r.title,
    exact: r.exact,
    prefix: r.prefix,
    suffix: r.suffix,
    start: r.start,
    end: r.end,
    label: r.label !== null && r.label_id !== null && labelName ? labelName({ id: r.label_id, name: r.label }) : r.label,
    tags: r.tags ? r.tags.split(TAG_SEPARATOR).sort((a, b) => a.localeCompare(b)) : [],
    note: cachedMarkdown(db, 'notes', 'highlight_id', r.id),
    createdAt: r.created_at,
    source: r.source,
    reliability: r.reliability,
    credibility: r.credibility,
    page: pages.get(r.article_id)?.(r.start) ?? null
  }))
}
