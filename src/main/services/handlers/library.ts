import type { LocationWarning } from '../../../shared/domain-types'
import type { HandlersFor } from '../../../shared/contract'
import type { libraryContract } from '../../../shared/contract/library'
import type { ArticleService } from '../article-service'
import type { LibraryQueries } from '../library-query'

export function libraryHandlers(articles: ArticleService, library: LibraryQueries, warnings: LocationWarning[]): HandlersFor<typeof libraryContract> {
  return {
    'library.list': ({ limit, offset }) => articles.list(limit, offset),
    'library.query': (query) => library.page(query),
    'library.facets': () => library.facets(),
    'library.warnings': () => ({ warnings })
  }
}
