import { Search } from 'lucide-react'
import { SearchPanel } from '../../search/SearchPanel'
import { caseName, caseScope, useCases } from '../../cases/cases-store'
import { useRouter } from '../../shell/router'
import { useWorkbench } from '../../shell/workbench-context'
import { registerView } from '../registry'

/** Search in the side panel: the query is part of the route (`/search?q=…`), so it survives a reload. */
function SearchView() {
  const { search, libraryVersion, openSearchResult } = useWorkbench()
  const { route, navigate } = useRouter()
  const name = caseName(useCases().cases, route.caseId)
  return (
    <SearchPanel
      scope={route.caseId ? { operator: caseScope(route.caseId), label: name ?? '…' } : undefined}
      ref={search}
      refresh={libraryVersion}
      query={route.query}
      onQueryChange={(query) => navigate({ query }, { replace: true })}
      onOpen={(group, hit) => openSearchResult(group, hit)}
    />
  )
}

registerView({ id: 'search', label: 'shell:view.search', icon: Search, order: 20, Panel: SearchView })
