import type { MessageKey } from '../../../shared/i18n'
import type { LibraryFilter, LibrarySort } from '../../../shared/library/library-types'

/**
 * The library list's views and the read of one page, without React: the window's entry script
 * asks for the first page before the rest of the app has loaded (app/start-calls.ts).
 */
export const PAGE_SIZE = 100

export interface LibraryView {
  sort: LibrarySort
  direction: 'asc' | 'desc'
  filter: LibraryFilter
}

/** What `library.query` is asked for one page of a view: the start's primed call asks the same. */
export function libraryPageInput(view: LibraryView, page: number) {
  return { ...view, offset: page * PAGE_SIZE, limit: PAGE_SIZE }
}

export const SORTS: { value: string; label: MessageKey; sort: LibrarySort; direction: 'asc' | 'desc' }[] = [
  { value: 'imported-desc', label: 'library:sort.importedDesc', sort: 'imported', direction: 'desc' },
  { value: 'imported-asc', label: 'library:sort.importedAsc', sort: 'imported', direction: 'asc' },
  { value: 'published-desc', label: 'library:sort.publishedDesc', sort: 'published', direction: 'desc' },
  { value: 'published-asc', label: 'library:sort.publishedAsc', sort: 'published', direction: 'asc' },
  { value: 'title-asc', label: 'library:sort.titleAsc', sort: 'title', direction: 'asc' },
  { value: 'title-desc', label: 'library:sort.titleDesc', sort: 'title', direction: 'desc' },
  { value: 'source-asc', label: 'library:sort.sourceAsc', sort: 'source', direction: 'asc' }
]

/** The list as a window opens: newest first, everything in the case (or the whole library). */
export function startingLibraryView(caseId: string | null): LibraryView {
  const sort = SORTS[0]!
  return { sort: sort.sort, direction: sort.direction, filter: caseId ? { caseId } : {} }
}

