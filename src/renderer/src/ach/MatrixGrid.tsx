import { defaultRangeExtractor, useVirtualizer, type Range, type VirtualItem } from '@tanstack/react-virtual'
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react'
import type { AchHypothesis, AchRow } from '../../../shared/ach/ach-types'
import { formatScore } from '../../../shared/ach/matrix-markdown'
import { RATING_MESSAGES, ratingForKey, type Cell } from '../../../shared/ach/ratings'
import type { Translate } from '../../../shared/i18n'
import type { MatrixScores } from '../../../shared/ach/scoring'
import { GradeChip } from '../grades/GradeChip'
import { useT } from '../i18n/use-t'

export interface CellPos {
  r: number
  h: number
}

export const ACH_ROW_DRAG_TYPE = 'application/x-dossier-ach-row'

interface Props {
  hypotheses: readonly AchHypothesis[]
  rows: readonly AchRow[]
  grid: readonly (readonly Cell[])[]
  scores: MatrixScores
  /** The evidence rows shown, by index, in the order shown. */
  order: readonly number[]
  transposed: boolean
  focus: CellPos | null
  /** Rate-across mode: the focused row stands out, the others fade. */
  across: boolean
  onFocus(pos: CellPos): void
  onRate(pos: CellPos, cell: Cell): void
  onToggleRow(r: number): void
  onUndo(): void
  onMoveRow(r: number, to: number): void
  onMoveHypothesis(h: number, to: number): void
  onDropRow(r: number, event: DragEvent): void
}

/** The grid owns the keys it uses: the window's single-key shortcuts (N opens a note) must not run too. */
function handled(event: KeyboardEvent): void {
  event.preventDefault()
  event.stopPropagation()
}

const cellLabel = (t: Translate, row: number, hypothesis: AchHypothesis, h: number, cell: Cell) =>
  t('ach:grid.cell', {
    row: row + 1,
    h: h + 1,
    hypothesis: hypothesis.text,
    rating: cell ? t('ach:grid.rating', { rating: cell, meaning: t(RATING_MESSAGES[cell]) }) : t('ach:grid.notRated')
  })

/**
 * The matrix as one ARIA grid with a single Tab stop: arrows move, c C n i I a rate, Delete
 * clears, Space switches the row off and on, Ctrl/⌘ Z takes back the last rating, Alt with an
 * arrow moves the row or the hypothesis. Rows are memoized, so a rating re-renders one row and
 * the scores, not the 2,000 cells of a 200 × 10 matrix.
 */
export function MatrixGrid(p: Props) {
  const t = useT()
  const table = useRef<HTMLTableElement>(null)
  const wrap = useRef<HTMLDivElement>(null)
  /** The grid had the keyboard when the focus moved: follow it even if its cell was not drawn yet. */
  const following = useRef(false)
  const { focus, order, hypotheses, transposed } = p
  const focusAt = focus ? order.indexOf(focus.r) : -1

  // Only the rows in view (and the focused one, the grid's Tab stop) are in the page: a rating
  // then re-renders and lays out a few dozen cells, not 2,000.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const shown = defaultRangeExtractor(range)
      return focusAt >= 0 && !shown.includes(focusAt) ? [...shown, focusAt].sort((a, b) => a - b) : shown
    },
    [focusAt]
  )
  // The React Compiler cannot memoize through the virtualizer; this component is not compiled for it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({
    count: transposed ? 0 : order.length,
    getScrollElement: () => wrap.current,
    estimateSize: () => 64,
    // A few rows beyond the view: the arrows move one row at a time, and each row drawn is
    // painted, pre-painted and layerized again on every rating (rows are 60–90 px tall).
    overscan: 3,
    rangeExtractor
  })
  // Transposed, the evidence runs across: only the columns in view (and the focused one) are drawn,
  // after the three leading columns, whose width the virtualizer counts as its scroll margin.
  const [lead, setLead] = useState(0)
  const columns = useVirtualizer({
    horizontal: true,
    count: transposed ? order.length : 0,
    getScrollElement: () => wrap.current,
    estimateSize: () => 56,
    overscan: 6,
    scrollMargin: lead,
    rangeExtractor
  })
  const items = virtual.getVirtualItems()
  const columnItems = columns.getVirtualItems()
  const drawn = (transposed ? columnItems : items).map((i) => i.index).join()

  // Keep the DOM focus on the focused cell while the grid has it (after a move, a scroll or a re-sort).
  useEffect(() => {
    if (!focus) return
    if (!following.current && !table.current?.contains(document.activeElement)) return
    const el = table.current?.querySelector<HTMLElement>(`[data-r="${focus.r}"][data-h="${focus.h}"]`)
    if (!el) return
    following.current = false
    if (el !== document.activeElement) el.focus({ preventScroll: true })
    el.scrollIntoView({ block: 'nearest', inline: 'nearest' })
  }, [focus, order, transposed, drawn])

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    const target = (event.target as HTMLElement).closest<HTMLElement>('[data-r][data-h]')
    if (!target || !focus) return
    const at = order.indexOf(focus.r)
    const step = (dr: number, dh: number) => {
      // In the transposed layout hypotheses run down and evidence across.
      const [rows, cols] = transposed ? [dh, dr] : [dr, dh]
      const nextAt = Math.max(0, Math.min(order.length - 1, at + rows))
      const nextH = Math.max(0, Math.min(hypotheses.length - 1, focus.h + cols))
      following.current = true
      if (transposed) columns.scrollToIndex(nextAt, { align: 'auto' })
      else virtual.scrollToIndex(nextAt, { align: 'auto' })
      p.onFocus({ r: order[nextAt]!, h: nextH })
    }
    const mod = event.ctrlKey || event.metaKey
    if (event.altKey && event.key.startsWith('Arrow')) {
      const back = event.key === 'ArrowUp' || event.key === 'ArrowLeft'
      const alongRows = transposed ? event.key === 'ArrowLeft' || event.key === 'ArrowRight' : event.key === 'ArrowUp' || event.key === 'ArrowDown'
      if (alongRows) p.onMoveRow(focus.r, Math.max(0, focus.r + (back ? -1 : 1)))
      else p.onMoveHypothesis(focus.h, Math.max(0, focus.h + (back ? -1 : 1)))
      handled(event)
      return
    }
    if (mod && event.key.toLowerCase() === 'z') {
      p.onUndo()
      handled(event)
      return
    }
    if (mod || event.altKey) return
    switch (event.key) {
      case 'ArrowUp':
        step(-1, 0)
        break
      case 'ArrowDown':
        step(1, 0)
        break
      case 'ArrowLeft':
        step(0, -1)
        break
      case 'ArrowRight':
        step(0, 1)
        break
      case 'Home':
        p.onFocus({ r: focus.r, h: 0 })
        break
      case 'End':
        p.onFocus({ r: focus.r, h: hypotheses.length - 1 })
        break
      case ' ':
        p.onToggleRow(focus.r)
        break
      default: {
        const cell = ratingForKey(event.key)
        if (cell === undefined) return
        p.onRate(focus, cell)
      }
    }
    handled(event)
  }

  function onFocusIn(event: React.FocusEvent<HTMLTableElement>) {
    const el = (event.target as HTMLElement).closest<HTMLElement>('[data-r][data-h]')
    if (!el) return
    const pos = { r: Number(el.dataset.r), h: Number(el.dataset.h) }
    if (!focus || pos.r !== focus.r || pos.h !== focus.h) p.onFocus(pos)
  }

  const tabbable = focus ?? (order.length && hypotheses.length ? { r: order[0]!, h: 0 } : null)
  const least = new Set(p.scores.leastInconsistent)
  const caption = t('ach:grid.help')

  return (
    <div ref={wrap} className={`ach-grid-wrap${p.across ? ' across' : ''}`}>
      <table
        ref={table}
        className={`ach-grid${transposed ? ' transposed' : ''}`}
        role="grid"
        aria-label={t('ach:grid.label')}
        aria-describedby="ach-grid-help"
        aria-rowcount={transposed ? hypotheses.length + 1 : order.length + 3}
        aria-colcount={transposed ? order.length + 3 : hypotheses.length + 2}
        data-testid="ach-grid"
        onKeyDown={onKeyDown}
        onFocus={onFocusIn}
      >
        <caption id="ach-grid-help" className="visually-hidden">
          {caption}
        </caption>
        {transposed ? (
          <Transposed {...p} tabbable={tabbable} least={least} columns={columnItems} total={columns.getTotalSize()} measure={columns.measureElement} margin={lead} onLead={setLead} />
        ) : (
          <>
            <thead>
              <tr>
                <th scope="col">{t('ach:grid.evidence')}</th>
                <th scope="col" title={t('ach:grid.diagnosticityTitle')}>
                  {t('ach:grid.diagnosticity')}
                </th>
                {hypotheses.map((h, i) => (
                  <th key={h.id} scope="col" className={least.has(i) ? 'least' : undefined} title={h.text} data-testid="ach-hypothesis-head">
                    H{i + 1}
                    <span className="visually-hidden" translate="no">
                      {' '}
                      {h.text}
                    </span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {items.flatMap((item, k) => {
                const r = order[item.index]!
                const gap = item.start - (k === 0 ? 0 : items[k - 1]!.end)
                const line = (
                <EvidenceLine
                  key={p.rows[r]!.id}
                  index={item.index}
                  measure={virtual.measureElement}
                  r={r}
                  row={p.rows[r]!}
                  cells={p.grid[r]!}
                  hypotheses={hypotheses}
                  diagnosticity={p.scores.diagnosticity[r]!}
                  linchpin={p.scores.linchpin[r]!}
                  focusH={focus?.r === r ? focus.h : -1}
                  tabH={tabbable?.r === r ? tabbable.h : -1}
                  current={p.across && focus?.r === r}
                  onToggle={p.onToggleRow}
                  onDrop={p.onDropRow}
                />
                )
                return gap > 1 ? [<Spacer key={`gap-${item.index}`} height={gap} />, line] : [line]
              })}
              {items.length > 0 && virtual.getTotalSize() - items.at(-1)!.end > 1 && <Spacer height={virtual.getTotalSize() - items.at(-1)!.end} />}
            </tbody>
            <tfoot>
              <ScoreLine label={t('ach:grid.inconsistency')} values={p.scores.inconsistency} least={least} testId="ach-score-inconsistency" />
              <ScoreLine label={t('ach:grid.weighted')} values={p.scores.weighted} least={least} testId="ach-score-weighted" />
            </tfoot>
          </>
        )}
      </table>
    </div>
  )
}

function ScoreLine({ label, values, least, testId }: { label: string; values: readonly number[]; least: ReadonlySet<number>; testId: string }) {
  const t = useT()
  return (
    <tr className="ach-scores">
      <th scope="row" colSpan={2}>
        {label}
      </th>
      {values.map((v, h) => (
        <td key={h} className={least.has(h) ? 'least' : undefined} data-testid={testId} data-h={h}>
          <span className="ach-value wide">{formatScore(v)}</span>
          {least.has(h) && <span className="visually-hidden"> {t('ach:grid.leastInconsistent')}</span>}
        </td>
      ))}
    </tr>
  )
}

/** The rows not drawn, as one empty row of their height, so the scroll bar stays true. */
function Spacer({ height }: { height: number }) {
  return <tr aria-hidden className="ach-spacer" style={{ height }} />
}

interface LineProps {
  /** Place among the rows shown, for the virtualizer's measuring. */
  index: number
  measure(el: Element | null): void
  r: number
  row: AchRow
  cells: readonly Cell[]
  hypotheses: readonly AchHypothesis[]
  diagnosticity: number
  linchpin: boolean
  focusH: number
  tabH: number
  current: boolean
  onToggle(r: number): void
  onDrop(r: number, event: DragEvent): void
}

const EvidenceLine = memo(function EvidenceLine({ index, measure, r, row, cells, hypotheses, diagnosticity, linchpin, focusH, tabH, current, onToggle, onDrop }: LineProps) {
  const t = useT()
  return (
    <tr
      ref={measure}
      data-index={index}
      aria-rowindex={index + 2}
      className={`ach-row${row.enabled ? '' : ' off'}${current ? ' current' : ''}${linchpin ? ' linchpin' : ''}`}
      data-testid="ach-row"
      data-row-id={row.id}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => onDrop(r, e)}
    >
      <th scope="row" className="ach-evidence" draggable onDragStart={(e) => e.dataTransfer.setData(ACH_ROW_DRAG_TYPE, row.id)}>
        <span className="ach-evidence-head">
          <input type="checkbox" tabIndex={-1} checked={row.enabled} onChange={() => onToggle(r)} aria-label={t('ach:grid.rowCounts', { row: r + 1 })} />
          <span className="ach-row-number">{r + 1}</span>
          {row.kind === 'claim' && <span className="ach-kind">{t('ach:grid.claim')}</span>}
          {/* Always laid out, shown or hidden: a linchpin found or lost must not move the table. */}
          <span
            className={`ach-linchpin${linchpin ? '' : ' hidden'}`}
            data-testid={linchpin ? 'ach-linchpin' : undefined}
            title={t('ach:grid.linchpinTitle')}
          >
            {t('ach:grid.linchpin')}
          </span>
        </span>
        <span className="ach-quote" translate="no" dir="auto">
          {row.quote}
        </span>
        <span className="ach-meta">
          <span translate="no">{row.sourceName ?? row.articleTitle ?? ''}</span>
          {row.publishedAt ? ` · ${row.publishedAt.slice(0, 10)}` : ''} <GradeChip reliability={row.reliability} credibility={row.credibility} inert />
        </span>
      </th>
      <td className="ach-diag" data-testid="ach-diagnosticity">
        <span className="ach-value">{diagnosticity}</span>
      </td>
      {hypotheses.map((h, i) => (
        <RatingCell key={h.id} r={r} h={i} hypothesis={h} cell={cells[i] ?? null} focused={i === focusH} tabbable={i === tabH} />
      ))}
    </tr>
  )
})

/**
 * One cell of a row, memoized by its values: a rating, a focus move or a row whose linchpin badge
 * changes draws the cells that changed, not the row's ten (each with its translated label).
 */
const RatingCell = memo(function RatingCell({ r, h, hypothesis, cell, focused, tabbable }: { r: number; h: number; hypothesis: AchHypothesis; cell: Cell; focused: boolean; tabbable: boolean }) {
  const t = useT()
  return (
    <td
      role="gridcell"
      tabIndex={tabbable ? 0 : -1}
      className={`ach-cell${focused ? ' focused' : ''}`}
      data-r={r}
      data-h={h}
      data-rating={cell ?? ''}
      data-testid="ach-cell"
      aria-label={cellLabel(t, r, hypothesis, h, cell)}
    >
      <span className="ach-value" translate="no">
        {cell ?? ''}
      </span>
    </td>
  )
})

interface TransposedProps extends Props {
  tabbable: CellPos | null
  least: ReadonlySet<number>
  /** The evidence columns drawn, by place in `order`. */
  columns: readonly VirtualItem[]
  total: number
  measure(el: Element | null): void
  /** The leading columns' width, from which the virtual positions count. */
  margin: number
  /** Told the width of the three leading columns, where the evidence columns start. */
  onLead(width: number): void
}

function Transposed(p: TransposedProps) {
  const t = useT()
  const { order, rows, hypotheses, grid, scores, focus, tabbable, least, columns, total } = p
  const weighted = useRef<HTMLTableCellElement>(null)
  const { onLead } = p
  useLayoutEffect(() => {
    const el = weighted.current
    if (!el) return
    const report = () => onLead(el.offsetLeft + el.offsetWidth)
    report()
    const observer = new ResizeObserver(report)
    observer.observe(el)
    return () => observer.disconnect()
  }, [onLead])
  // Virtual positions count from the scroll margin (the leading columns); the gaps do not.
  const gapBefore = columns.length ? columns[0]!.start - p.margin : 0
  const gapAfter = columns.length ? total - (columns.at(-1)!.end - p.margin) : 0
  /** The columns not drawn, as one empty cell of their width, so the scroll bar stays true. */
  const gap = (width: number, key: string, header = false) =>
    width > 1 ? header ? <th key={key} aria-hidden className="ach-spacer" style={{ minWidth: width, width }} /> : <td key={key} aria-hidden className="ach-spacer" style={{ minWidth: width, width }} /> : null
  const between = (k: number) => (k === 0 ? 0 : columns[k]!.start - columns[k - 1]!.end)
  return (
    <>
      <thead>
        <tr>
          <th scope="col" className="ach-h-head">
            {t('ach:grid.hypothesis')}
          </th>
          <th scope="col">{t('ach:grid.inconsistency')}</th>
          <th scope="col" ref={weighted}>
            {t('ach:grid.weighted')}
          </th>
          {gap(gapBefore, 'before', true)}
          {columns.flatMap((c, k) => {
            const r = order[c.index]!
            const head = (
              <th
                key={rows[r]!.id}
                ref={p.measure}
                data-index={c.index}
                scope="col"
                aria-colindex={c.index + 4}
                className={`ach-evidence-col${rows[r]!.enabled ? '' : ' off'}`}
                title={rows[r]!.quote}
              >
                E{r + 1}
                {scores.linchpin[r] && (
                  <span className="ach-linchpin" data-testid="ach-linchpin">
                    {' '}
                    {t('ach:grid.linchpin')}
                  </span>
                )}
              </th>
            )
            return between(k) > 1 ? [gap(between(k), `gap-${c.index}`, true)!, head] : [head]
          })}
          {gap(gapAfter, 'after', true)}
        </tr>
      </thead>
      <tbody>
        {hypotheses.map((h, i) => (
          <tr key={h.id} data-testid="ach-hypothesis-row" className={least.has(i) ? 'least' : undefined}>
            <th scope="row" className="ach-h-head">
              <span className="ach-h-id">H{i + 1}</span> <span translate="no">{h.text}</span>
            </th>
            <td data-testid="ach-score-inconsistency" data-h={i}>
              {formatScore(scores.inconsistency[i]!)}
            </td>
            <td data-testid="ach-score-weighted" data-h={i}>
              {formatScore(scores.weighted[i]!)}
            </td>
            {gap(gapBefore, 'before')}
            {columns.flatMap((c, k) => {
              const r = order[c.index]!
              const cell = (
                <td
                  key={rows[r]!.id}
                  role="gridcell"
                  aria-colindex={c.index + 4}
                  tabIndex={tabbable?.r === r && tabbable.h === i ? 0 : -1}
                  className={`ach-cell${focus?.r === r && focus.h === i ? ' focused' : ''}${rows[r]!.enabled ? '' : ' off'}`}
                  data-r={r}
                  data-h={i}
                  data-rating={grid[r]![i] ?? ''}
                  data-testid="ach-cell"
                  aria-label={cellLabel(t, r, h, i, grid[r]![i] ?? null)}
                >
                  <span className="ach-value" translate="no">
                    {grid[r]![i] ?? ''}
                  </span>
                </td>
              )
              return between(k) > 1 ? [gap(between(k), `gap-${c.index}`)!, cell] : [cell]
            })}
            {gap(gapAfter, 'after')}
          </tr>
        ))}
      </tbody>
    </>
  )
}
