import type { LucideIcon } from 'lucide-react'
import type { ComponentType } from 'react'
import type { MessageKey } from '../../../shared/i18n'
import { isViewName } from '../../../shared/links/app-routes'

/**
 * A view of the activity rail: its icon and name on the rail, and the panel it shows beside it.
 * Its id is its route (`/search`, `/cases`). A view is a folder under views/ whose index.tsx calls
 * registerView; the shell finds every such folder at build time (views/index.ts), so adding a view
 * touches nothing else.
 */
export interface ViewSpec {
  id: string
  /** Its name on the rail, in the catalogs (`shell:view.<id>`). */
  label: MessageKey
  icon: LucideIcon
  /** Place on the rail, low first: Library 10, Search 20, Cases 30, Sources 40, Claims 50, … */
  order: number
  /** Stays mounted while another view is shown (the library keeps its scroll and its count). */
  keepMounted?: boolean
  /** The side panel's content while the view is chosen. */
  Panel: ComponentType
  /** Loads the Panel's code when the Panel is lazy (decision 0030): called while the window is idle. */
  preload?: () => Promise<unknown>
}

const views = new Map<string, ViewSpec>()

export function registerView(view: ViewSpec): void {
  if (!isViewName(view.id)) throw new Error(`view id ${view.id}: lower-case letters and dashes, as in its route, and not a name the server reserves`)
  views.set(view.id, view)
}

export function registeredViews(): ViewSpec[] {
  return [...views.values()].sort((a, b) => a.order - b.order)
}

export function viewById(id: string): ViewSpec | undefined {
  return views.get(id)
}
