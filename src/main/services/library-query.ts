import { isReliability } from '../../shared/analysis/admiralty'
import type Database from 'better-sqlite3'
import { libraryRepo, type SummaryRow } from '../db/repos/library'
import type { ArticleSummary } from '../../shared/domain-types'
import type { LibraryFacets, LibraryPage, LibraryQuery } from '../../shared/library/library-types'

export { pageSql, type SummaryRow } from '../db/repos/library'

/**
 * The library list, a page at a time, for a list that shows a few dozen rows of 100,000: pages
 * come from the sort's index, and counts from the trigger-kept library_facets table, so the
 * first page costs the same at any library size.
 */
export class LibraryQueries {
  private readonly library: ReturnType<typeof libraryRepo>

  constructor(db: Database.Database) {
    this.library = libraryRepo(db)
  }

  page(query: LibraryQuery): LibraryPage {
    return { items: this.library.page(query).map(toSummary), total: this.total(query) }
  }

  facets(): LibraryFacets {
    const total = this.library.kept('articles', '')
    return { total, sources: this.library.sources(), tags: this.library.tags(), labels: this.library.labels(), watch: this.library.watch() }
  }

  /** Exact counts without counting rows where the facets table has them. */
  private total(query: LibraryQuery): number {
    const { tag, labelId, source, caseId, watchId } = query.filter
    // A case's or a watch-list entry's articles are counted: the facets table keeps no counts of them.
    if (caseId || watchId !== undefined) return this.library.countFiltered(query)
    if (!tag && !labelId && source === undefined) return this.library.kept('articles', '')
    if (tag && !labelId && source === undefined) return this.library.keptOfTag(tag)
    if (source !== undefined && !tag && !labelId) return this.library.kept('source', source)
    return this.library.countFiltered(query)
  }
}

export function toSummary(r: SummaryRow): ArticleSummary {
  return {
    id: r.id,
    title: r.title,
    source: r.source,
    author: r.author,
    publishedAt: r.published_at,
    importedAt: r.imported_at,
    highlightCount: r.highlight_count,
    ...(r.reliability !== undefined && { reliability: isReliability(r.reliability) ? r.reliability : null })
  }
}
