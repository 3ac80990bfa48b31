import type { HandlersFor } from '../../../shared/contract'
import type { searchContract } from '../../../shared/contract/search'
import type { SearchService } from '../search/search-service'

export function searchHandlers(search: SearchService): HandlersFor<typeof searchContract> {
  return {
    'search.query': ({ query, limit, key }) => search.search(query, { limit, key })
  }
}
