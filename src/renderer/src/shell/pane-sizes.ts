import { useCallback, useState } from 'react'

/**
 * The widths of the side panel and the right sidebar, and whether the side panel is folded away.
 * They are kept in localStorage, not in the library's settings: they belong to this screen and
 * this window rather than to the analyst's data, and reading them synchronously lets the first
 * paint have the right layout (docs/decisions/0016-workbench-shell.md).
 */
export interface PaneSizes {
  side: number
  sidebar: number
  sideCollapsed: boolean
  /** The side panel takes the workspace, the reader and sidebar set aside: a matrix or a timeline wants the width. */
  sideWide: boolean
}

export const PANE_LIMITS = { side: { min: 180, max: 560 }, sidebar: { min: 260, max: 720 } } as const
export const DEFAULT_PANES: PaneSizes = { side: 280, sidebar: 360, sideCollapsed: false, sideWide: false }
const KEY = 'dossier.panes'

/** Widening or narrowing the side panel: a folded one comes back widened. */
export function toggledWide(sizes: PaneSizes): Partial<PaneSizes> {
  return { sideWide: !sizes.sideWide || sizes.sideCollapsed, sideCollapsed: false }
}

function clamp(value: unknown, { min, max }: { min: number; max: number }, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.round(Math.min(max, Math.max(min, value))) : fallback
}

/** Whatever is stored, a valid layout: a damaged or foreign entry gives the defaults. */
export function parsePaneSizes(stored: string | null): PaneSizes {
  let raw: Partial<Record<keyof PaneSizes, unknown>> = {}
  try {
    const parsed: unknown = stored ? JSON.parse(stored) : {}
    if (parsed && typeof parsed === 'object') raw = parsed as typeof raw
  } catch {
    // Defaults below.
  }
  return {
    side: clamp(raw.side, PANE_LIMITS.side, DEFAULT_PANES.side),
    sidebar: clamp(raw.sidebar, PANE_LIMITS.sidebar, DEFAULT_PANES.sidebar),
    sideCollapsed: raw.sideCollapsed === true,
    sideWide: raw.sideWide === true
  }
}

function read(): PaneSizes {
  try {
    return parsePaneSizes(localStorage.getItem(KEY))
  } catch {
    return DEFAULT_PANES
  }
}

export function usePaneSizes() {
  const [sizes, setSizes] = useState<PaneSizes>(read)
  const update = useCallback((patch: Partial<PaneSizes>) => {
    setSizes((current) => {
      const next = parsePaneSizes(JSON.stringify({ ...current, ...patch }))
      try {
        localStorage.setItem(KEY, JSON.stringify(next))
      } catch {
        // A full or disabled storage: the layout still changes, for this session.
      }
      return next
    })
  }, [])
  return { sizes, update }
}
