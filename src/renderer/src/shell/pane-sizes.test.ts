import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_PANES, PANE_LIMITS, parsePaneSizes } from './pane-sizes'

describe('stored pane sizes', () => {
  it('any stored text gives a layout within the limits', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.constant(null)), (stored) => {
        const sizes = parsePaneSizes(stored)
        expect(sizes.side).toBeGreaterThanOrEqual(PANE_LIMITS.side.min)
        expect(sizes.side).toBeLessThanOrEqual(PANE_LIMITS.side.max)
        expect(sizes.sidebar).toBeGreaterThanOrEqual(PANE_LIMITS.sidebar.min)
        expect(sizes.sidebar).toBeLessThanOrEqual(PANE_LIMITS.sidebar.max)
        expect(typeof sizes.sideCollapsed).toBe('boolean')
        expect(typeof sizes.sideWide).toBe('boolean')
      })
    )
  })

  it('keeps what was stored, and gives the defaults for what was not', () => {
    expect(parsePaneSizes(JSON.stringify({ side: 300, sidebar: 400, sideCollapsed: true, sideWide: true }))).toEqual({ side: 300, sidebar: 400, sideCollapsed: true, sideWide: true })
    // Stored before the panel could be widened: not widened.
    expect(parsePaneSizes(JSON.stringify({ side: 300, sidebar: 400, sideCollapsed: false }))).toEqual({ side: 300, sidebar: 400, sideCollapsed: false, sideWide: false })
    expect(parsePaneSizes('{"side": 9999}')).toEqual({ ...DEFAULT_PANES, side: PANE_LIMITS.side.max })
    expect(parsePaneSizes('not json')).toEqual(DEFAULT_PANES)
  })
})
