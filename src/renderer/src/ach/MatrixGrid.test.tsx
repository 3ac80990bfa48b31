// @vitest-environment jsdom
import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { AchHypothesis, AchRow } from '../../../shared/ach/ach-types'
import { scoringRows } from '../../../shared/ach/matrix-scores'
import { RATINGS, type Cell } from '../../../shared/ach/ratings'
import { scoreMatrix } from '../../../shared/ach/scoring'
import { createI18n } from '../../../shared/i18n'
import { MatrixGrid, type CellPos } from './MatrixGrid'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const HYPOTHESES = 10
const ROWS = 200

function row(i: number): AchRow {
  return {
    id: `row-${i}`,
    kind: 'highlight',
    highlightId: `hl-${i}`,
    claimId: null,
    quote: `passage ${i}`,
    articleId: `a-${i % 20}`,
    articleTitle: `Report ${i % 20}`,
    sourceId: null,
    sourceName: `Outlet ${i % 7}`,
    publishedAt: null,
    reliability: null,
    credibility: null,
    grade: 'ungraded',
    credibilityWeight: 'medium',
    relevance: 'medium',
    credibilityOverride: null,
    relevanceOverride: null,
    enabled: true
  }
}

/** The bench's kind of matrix: 200 × 10, about two cells in three rated, at random but repeatably. */
function matrix() {
  let seed = 7
  const rnd = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646
  const hypotheses: AchHypothesis[] = Array.from({ length: HYPOTHESES }, (_, h) => ({ id: `h-${h}`, text: `Hypothesis ${h + 1}` }))
  const rows = Array.from({ length: ROWS }, (_, i) => row(i))
  const grid: Cell[][] = rows.map(() => Array.from({ length: HYPOTHESES }, () => (rnd() < 0.66 ? RATINGS[Math.floor(rnd() * RATINGS.length)]! : null)))
  return { hypotheses, rows, grid }
}

describe('MatrixGrid: what a rating changes in the page', () => {
  // jsdom lays nothing out: the scroller is 400 px tall and each row 64 px, as the virtualizer reads them.
  const sizes = { clientHeight: 400, clientWidth: 600, offsetHeight: 64, offsetWidth: 600 }
  const own = new Map<string, PropertyDescriptor | undefined>()
  beforeAll(() => {
    for (const [name, value] of Object.entries(sizes)) {
      own.set(name, Object.getOwnPropertyDescriptor(HTMLElement.prototype, name))
      Object.defineProperty(HTMLElement.prototype, name, { configurable: true, get: () => value })
    }
  })
  afterAll(() => {
    for (const [name, was] of own) {
      if (was) Object.defineProperty(HTMLElement.prototype, name, was)
      else delete (HTMLElement.prototype as unknown as Record<string, unknown>)[name]
    }
  })

  it('rating a cell of a 200 × 10 matrix touches that cell, its row, the rows whose linchpin flag flips, and the scores: no other row', async () => {
    const i18n = await createI18n('en')
    const { hypotheses, rows, grid } = matrix()
    const order = rows.map((_, i) => i)
    const focus: CellPos = { r: 2, h: 3 }
    const handlers = { onFocus: vi.fn(), onRate: vi.fn(), onToggleRow: vi.fn(), onUndo: vi.fn(), onMoveRow: vi.fn(), onMoveHypothesis: vi.fn(), onDropRow: vi.fn() }
    const draw = (cells: Cell[][]) => {
      const scores = scoreMatrix(scoringRows({ rows }, cells), HYPOTHESES)
      return (
        <I18nextProvider i18n={i18n}>
          <MatrixGrid hypotheses={hypotheses} rows={rows} grid={cells} scores={scores} order={order} transposed={false} focus={focus} across={false} {...handlers} />
        </I18nextProvider>
      )
    }
    const host = document.createElement('div')
    document.body.append(host)
    const root = createRoot(host)
    await act(async () => root.render(draw(grid)))
    const drawn = host.querySelectorAll('[data-testid="ach-row"]')
    // Only the rows in view and a few beyond are in the page, not 200.
    expect(drawn.length).toBeGreaterThan(4)
    expect(drawn.length).toBeLessThan(20)

    // Rate the focused cell as the grid's keyboard handler would, with the next rating that changes it.
    const before = grid[focus.r]![focus.h]!
    const rating = before === 'I' ? 'C' : 'I'
    const next = grid.slice()
    next[focus.r] = grid[focus.r]!.slice()
    next[focus.r]![focus.h] = rating
    const flipped = new Set(
      scoreMatrix(scoringRows({ rows }, next), HYPOTHESES)
        .linchpin.map((l, r) => (l !== scoreMatrix(scoringRows({ rows }, grid), HYPOTHESES).linchpin[r] ? rows[r]!.id : null))
        .filter(Boolean)
    )
    const changed: Node[] = []
    const observer = new MutationObserver((records) => changed.push(...records.map((m) => m.target)))
    observer.observe(host, { subtree: true, childList: true, characterData: true, attributes: true })
    await act(async () => root.render(draw(next)))
    await act(async () => undefined)
    observer.disconnect()

    const element = (n: Node) => (n instanceof Element ? n : n.parentElement!)
    const rowsTouched = new Set(changed.map((n) => element(n).closest<HTMLElement>('[data-testid="ach-row"]')?.dataset.rowId).filter(Boolean))
    expect([...rowsTouched].sort()).toEqual([...new Set([rows[focus.r]!.id, ...[...flipped].filter((id) => [...drawn].some((d) => (d as HTMLElement).dataset.rowId === id))])].sort())
    // No row was added, removed or moved.
    expect(changed.filter((n) => element(n).tagName === 'TBODY')).toEqual([])
    // The cell shows the rating, and the scores below changed with it.
    const cell = host.querySelector(`[data-testid="ach-cell"][data-r="${focus.r}"][data-h="${focus.h}"]`)!
    expect(cell.textContent).toBe(rating)
    expect(changed.some((n) => element(n).closest('tfoot'))).toBe(true)
    await act(async () => root.unmount())
    host.remove()
  })
})
