import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MIN_SIZE, restoreBounds, WindowState, type Rect } from './window-state'

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 875 }
const monitorRight: Rect = { x: 1440, y: -200, width: 2560, height: 1415 }

describe('restoreBounds', () => {
  it('opens the window where it was when that is on screen', () => {
    const saved = { x: 1600, y: 0, width: 1400, height: 900, maximized: false }
    expect(restoreBounds(saved, [laptop, monitorRight])).toEqual(saved)
    expect(restoreBounds({ ...saved, maximized: true }, [laptop, monitorRight]).maximized).toBe(true)
  })

  it('centres it on the primary display when its monitor is gone', () => {
    const saved = { x: 1600, y: 0, width: 1400, height: 900, maximized: false }
    expect(restoreBounds(saved, [laptop])).toEqual({ x: 20, y: 0, width: 1400, height: 875, maximized: false })
    const small = { x: 3000, y: 500, width: 900, height: 600, maximized: false }
    expect(restoreBounds(small, [laptop])).toEqual({ x: 270, y: 138, width: 900, height: 600, maximized: false })
  })

  it('rescues a window whose title bar is off the top or mostly off the side', () => {
    expect(restoreBounds({ x: 100, y: -500, width: 1000, height: 700, maximized: false }, [laptop]).y).toBeGreaterThanOrEqual(0)
    const edge = restoreBounds({ x: 1400, y: 100, width: 1000, height: 700, maximized: false }, [laptop])
    expect(edge.x + edge.width).toBeLessThanOrEqual(laptop.width)
  })

  it('uses the default size, centred, the first time', () => {
    expect(restoreBounds(null, [monitorRight])).toEqual({ x: 2080, y: 88, width: 1280, height: 840, maximized: false })
  })

  it('always returns a window fully inside a display, at least the minimum size the display allows', () => {
    const area = fc.record({
      x: fc.integer({ min: -5000, max: 5000 }),
      y: fc.integer({ min: -5000, max: 5000 }),
      width: fc.integer({ min: 320, max: 6000 }),
      height: fc.integer({ min: 240, max: 4000 })
    })
    const saved = fc.option(
      fc.record({
        x: fc.integer({ min: -100_000, max: 100_000 }),
        y: fc.integer({ min: -100_000, max: 100_000 }),
        width: fc.integer({ min: 1, max: 100_000 }),
        height: fc.integer({ min: 1, max: 100_000 }),
        maximized: fc.boolean()
      })
    )
    fc.assert(
      fc.property(saved, fc.array(area, { minLength: 1, maxLength: 4 }), (state, areas) => {
        const r = restoreBounds(state, areas)
        const inside = areas.some(
          (a) => r.x >= a.x && r.y >= a.y && r.x + r.width <= a.x + a.width && r.y + r.height <= a.y + a.height
        )
        expect(inside).toBe(true)
        const host = areas.find((a) => r.x >= a.x && r.y >= a.y && r.x + r.width <= a.x + a.width && r.y + r.height <= a.y + a.height)!
        expect(r.width).toBeGreaterThanOrEqual(Math.min(MIN_SIZE.width, host.width))
        expect(r.height).toBeGreaterThanOrEqual(Math.min(MIN_SIZE.height, host.height))
      }),
      { numRuns: 500 }
    )
  })

  it('refuses a stored value that is not a window state', () => {
    expect(WindowState.safeParse({ x: 1, y: 2, width: 0, height: 5, maximized: false }).success).toBe(false)
    expect(WindowState.safeParse({ x: 1.5, y: 2, width: 800, height: 600, maximized: false }).success).toBe(false)
  })
})
