import { createContext, useContext, type RefObject } from 'react'
import type { Label } from '../../../shared/domain-types'
import type { SearchGroup, SearchHit } from '../../../shared/search/search-types'
import type { SearchPanelHandle } from '../search/SearchPanel'
import type { Workspace } from '../workspace/use-workspace'

/**
 * What a view's panel may use of the window: the open article and its actions, the library's
 * version (bumped on every change), and the app's error line. Views read it with useWorkbench().
 */
export interface Workbench {
  workspace: Workspace
  libraryVersion: number
  /** Something changed the library (a case's articles, a grade): lists ask again. */
  libraryChanged(): void
  labels: readonly Label[]
  setLibraryTotal(total: number): void
  fail(err: unknown): void
  importSample(): void
  openSearchResult(group: SearchGroup, hit: SearchHit | null): void
  /** Opens an article at a passage (canonical-text offsets), scrolled to and flashed. */
  openPassage(articleId: string, start: number, end: number): void
  search: RefObject<SearchPanelHandle | null>
}

export const WorkbenchContext = createContext<Workbench | null>(null)

export function useWorkbench(): Workbench {
  const workbench = useContext(WorkbenchContext)
  if (!workbench) throw new Error('useWorkbench outside the workbench')
  return workbench
}
