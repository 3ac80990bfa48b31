import type { AppRoute } from '../../../shared/links/app-routes'
import type { DossierClient } from '../api/client'
import { libraryPageInput, startingLibraryView } from '../library/library-view'

/**
 * The reads the window's first render makes, sent together before it (decision 0045): until
 * then each waited for the component that asks for it to render, and the library's rows came a
 * round trip after the first render. Ordered by what the first paint needs: the settings (the
 * language) first, then the library's first page. The components still make their calls; the
 * client hands them these answers. Resolves when the library's first page has arrived (or failed).
 */
export function primeStartCalls(client: DossierClient, route: AppRoute): Promise<void> {
  void client.prime('settings.get', {})
  const firstRows = client.prime('library.query', libraryPageInput(startingLibraryView(route.caseId), 0))
  void client.prime('library.facets', {})
  void client.prime('label.list', {})
  void client.prime('case.list', { includeArchived: true })
  // Asked only when the address names no case (CaseSwitcher).
  if (route.caseId === null) void client.prime('case.last', {})
  void client.prime('library.warnings', {})
  return firstRows
}

/**
 * How long the first render waits for the library's first page once the language is ready: an
 * empty list drawn and then filled costs a render, a layout and a paint more than drawing the
 * list once; a slower answer is not waited for.
 */
export const FIRST_ROWS_WAIT_MS = 200
