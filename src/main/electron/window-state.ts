import { z } from 'zod'

/**
 * Where the window was when it closed, so it opens there again (stored in the settings table,
 * key `window.state`). Pure: the shell passes in the displays Electron reports.
 */
export const WINDOW_STATE_KEY = 'window.state'

const Int = z.number().int().min(-100_000).max(100_000)
export const WindowState = z
  .object({
    x: Int,
    y: Int,
    width: z.number().int().min(1).max(100_000),
    height: z.number().int().min(1).max(100_000),
    maximized: z.boolean()
  })
  .strict()
export type WindowState = z.infer<typeof WindowState>

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export const MIN_SIZE = { width: 760, height: 480 } as const
/** How much of the window must show on a display for the analyst to grab it again. */
const GRAB = { width: 120, height: 40 } as const

function overlap(a: Rect, b: Rect): Rect {
  const x = Math.max(a.x, b.x)
  const y = Math.max(a.y, b.y)
  return { x, y, width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - x), height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - y) }
}

/**
 * The bounds to open the window with: the saved ones when their top edge (the title bar) is
 * on a display that still exists, made to fit inside it; otherwise the saved size centred on the
 * primary display (a monitor was unplugged, or the resolution dropped). Never smaller than the
 * window's minimum, never larger than the display's work area.
 */
export function restoreBounds(saved: WindowState | null, workAreas: readonly Rect[], fallbackSize = { width: 1280, height: 840 }): Rect & { maximized: boolean } {
  const primary = workAreas[0] ?? { x: 0, y: 0, width: fallbackSize.width, height: fallbackSize.height }
  const want = saved ?? { x: NaN, y: NaN, ...fallbackSize, maximized: false }
  const titleBar: Rect = { x: want.x, y: want.y, width: want.width, height: GRAB.height }
  const host = saved
    ? workAreas.find((area) => {
        const seen = overlap(titleBar, area)
        return seen.width >= Math.min(GRAB.width, want.width) && seen.height >= Math.min(GRAB.height, want.height)
      })
    : undefined
  const area = host ?? primary
  const width = Math.max(Math.min(want.width, area.width), Math.min(MIN_SIZE.width, area.width))
  const height = Math.max(Math.min(want.height, area.height), Math.min(MIN_SIZE.height, area.height))
  if (!host) {
    return {
      x: Math.round(area.x + (area.width - width) / 2),
      y: Math.round(area.y + (area.height - height) / 2),
      width,
      height,
      maximized: want.maximized
    }
  }
  // Pull it fully onto its display.
  const x = Math.min(Math.max(want.x, area.x), area.x + area.width - width)
  const y = Math.min(Math.max(want.y, area.y), area.y + area.height - height)
  return { x, y, width, height, maximized: want.maximized }
}
