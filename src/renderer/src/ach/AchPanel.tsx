import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent, type FormEvent } from 'react'
import type { AchHypothesis, AchMatrixInfo, AchRow } from '../../../shared/ach/ach-types'
import { gridRatings, scoringRows } from '../../../shared/ach/matrix-scores'
import type { Cell } from '../../../shared/ach/ratings'
import { DEFAULT_RELEVANCE, defaultCredibilityWeight, WEIGHT_LEVELS, WEIGHT_MESSAGES, type WeightLevel } from '../../../shared/ach/weights'
import { warningText } from '../../../shared/ach/warning-text'
import type { AchWarning } from '../../../shared/ach/warnings'
import type { Translate } from '../../../shared/i18n'
import { useClient } from '../api/client-context'
import { caseName, useCases } from '../cases/cases-store'
import { CLAIM_DRAG_TYPE } from '../claims/ClaimsPanel'
import { runCommand } from '../commands/command-registry'
import { GradeChip } from '../grades/GradeChip'
import { HIGHLIGHT_DRAG_TYPE, isHighlightDrag } from '../notes/highlight-drag'
import { useCurrentCase } from '../shell/case-slot'
import { useWorkbench } from '../shell/workbench-context'
import { saveText } from '../timeline/save-text'
import { formatDate } from '../app/format-date'
import { useLocale, useT } from '../i18n/use-t'
import { useToast } from '../ui/Toast'
import { useAfterPaint } from '../ui/use-after-paint'
import { achChanged, openMatrixOf, rememberMatrix, useAchVersion } from './ach-store'
import { ACH_ROW_DRAG_TYPE, MatrixGrid, type CellPos } from './MatrixGrid'
import { ScoreExplanation, type Explained } from './ScoreExplanation'
import { Snapshots } from './Snapshots'
import { useMatrix } from './use-matrix'

/**
 * The Hypotheses view (Analysis of Competing Hypotheses, decision 0023): the open case's
 * matrices; hypotheses across, evidence rows (highlights and claims) down, rated by keyboard, with
 * Heuer's and the weighted inconsistency scores live, diagnosticity, linchpins, warnings,
 * snapshots and export.
 */
export function AchPanel() {
  const t = useT()
  const client = useClient()
  const { fail } = useWorkbench()
  const { caseId } = useCurrentCase()
  const name = caseName(useCases().cases, caseId)
  const version = useAchVersion()
  const [matrices, setMatrices] = useState<{ caseId: string; items: AchMatrixInfo[] } | null>(null)
  const [chosen, setChosen] = useState<string | null>(null)
  const [newName, setNewName] = useState('')

  useEffect(() => {
    if (!caseId) return
    let live = true
    client.call('ach.list', { caseId }).then((items) => live && setMatrices({ caseId, items }), fail)
    return () => {
      live = false
    }
  }, [client, caseId, version, fail])

  const items = matrices && matrices.caseId === caseId ? matrices.items : null
  const remembered = caseId ? openMatrixOf(caseId) : null
  const matrixId = items?.find((m) => m.id === chosen)?.id ?? items?.find((m) => m.id === remembered)?.id ?? items?.[0]?.id ?? null

  function choose(id: string) {
    setChosen(id)
    if (caseId) rememberMatrix(caseId, id)
  }

  async function create(event: FormEvent) {
    event.preventDefault()
    if (!caseId || !newName.trim()) return
    try {
      const made = await client.call('ach.create', { caseId, name: newName })
      setNewName('')
      choose(made.id)
      achChanged()
    } catch (err) {
      fail(err)
    }
  }

  if (!caseId) {
    return (
      <section className="ach-panel" aria-label={t('ach:title')} data-testid="ach-panel">
        <h2 className="pane-title">{t('ach:title')}</h2>
        <div className="empty-state" data-testid="ach-no-case">
          <p>
            <strong>{t('ach:noCase')}</strong>
          </p>
          <p>{t('ach:noCaseHint')}</p>
          <button type="button" onClick={() => runCommand('case.new')}>
            {t('ach:newCase')}
          </button>
        </div>
      </section>
    )
  }

  return (
    <section className="ach-panel" aria-label={t('ach:title')} data-testid="ach-panel">
      <div className="pane-title-row">
        <h2 className="pane-title">{t('ach:title')}</h2>
        {items && items.length > 1 && matrixId && (
          <select aria-label={t('ach:matrix')} value={matrixId} onChange={(e) => choose(e.target.value)} data-testid="ach-matrix-select">
            {items.map((m) => (
              <option key={m.id} value={m.id} translate="no">
                {m.name}
              </option>
            ))}
          </select>
        )}
      </div>
      <p className="case-scope">
        {t('ach:scope.case')} <strong translate="no">{name ?? '…'}</strong> {t('ach:scope.hint')}
      </p>
      {items?.length === 0 && (
        <p className="empty-hint" data-testid="ach-empty">
          {t('ach:empty', { shortcut: 'Ctrl/⌘ Alt A' })}
        </p>
      )}
      <form className="ach-inline-form" onSubmit={(e) => void create(e)}>
        <label>
          {t('ach:newMatrix')}{' '}
          <input value={newName} maxLength={200} onChange={(e) => setNewName(e.target.value)} placeholder={t('ach:newMatrixPlaceholder')} data-testid="ach-new-matrix" />
        </label>
        <button type="submit" disabled={!newName.trim()}>
          {t('ach:create')}
        </button>
      </form>
      {matrixId && <MatrixEditor key={matrixId} matrixId={matrixId} caseId={caseId} />}
    </section>
  )
}

type Order = 'matrix' | 'diagnosticity'

/**
 * A callback that keeps its identity across renders and always calls the latest function: the
 * memoized matrix rows take it without re-rendering on every rating.
 */
function useStableCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const ref = useRef(fn)
  useLayoutEffect(() => {
    ref.current = fn
  })
  return useCallback((...args: A) => ref.current(...args), [])
}

function MatrixEditor({ matrixId, caseId }: { matrixId: string; caseId: string }) {
  const t = useT()
  const { intl } = useLocale()
  const rowList = useMemo(() => new Intl.ListFormat(intl, { type: 'conjunction' }), [intl])
  const client = useClient()
  const toast = useToast()
  const { fail, workspace } = useWorkbench()
  const version = useAchVersion()
  const m = useMatrix(client, matrixId, version, fail)
  const [focus, setFocus] = useState<CellPos | null>(null)
  const [order, setOrder] = useState<Order>('matrix')
  const [hideFlat, setHideFlat] = useState(false)
  const [transposed, setTransposed] = useState(false)
  const [across, setAcross] = useState(false)
  const [dropping, setDropping] = useState(false)
  const { matrix, grid, scores, warnings } = m

  const shownKey = useMemo(() => {
    if (!matrix || !grid || !scores) return ''
    let rows = matrix.rows.map((_, i) => i)
    // Rows whose rated cells are all alike help choose nothing; rows not rated yet stay in sight.
    if (hideFlat) rows = rows.filter((r) => scores.diagnosticity[r]! > 0 || grid[r]!.every((c) => c === null || c === 'NA'))
    if (order === 'diagnosticity') rows = [...rows].sort((x, y) => scores.diagnosticity[y]! - scores.diagnosticity[x]! || x - y)
    return rows.join()
  }, [matrix, grid, scores, order, hideFlat])
  // The same rows in the same order keep the same array: most ratings move no row, and a new
  // order would make the grid look for its focused cell and scroll to it (a forced layout) on every key.
  const shown = useMemo(() => (shownKey ? shownKey.split(',').map(Number) : []), [shownKey])

  const scoring = useMemo(() => (matrix && grid ? scoringRows(matrix, grid) : []), [matrix, grid])
  const focusValid = focus && matrix && focus.r < matrix.rows.length && focus.h < matrix.hypotheses.length ? focus : null
  // The explanation below the grid follows a frame later: the rating's frame shows the cell and the scores.
  const explainH = focusValid?.h ?? scores?.leastInconsistent[0] ?? 0
  const explainNow = useMemo<Explained | null>(
    () => (matrix && scores ? { hypotheses: matrix.hypotheses, h: explainH, rows: scoring, scores } : null),
    [matrix, explainH, scoring, scores]
  )
  const explained = useAfterPaint(explainNow)
  const toggleRow = useStableCallback((r: number) => {
    const row = matrix?.rows[r]
    if (row) m.updateRow(row, { enabled: !row.enabled })
  })
  const dropOnRow = useStableCallback((r: number, event: DragEvent) => onDropRef.current(event, r))
  const onDropRef = useRef<(event: DragEvent, position?: number) => void>(() => undefined)
  const liveMatrix = useStableCallback(() => (matrix && grid ? { ...matrix, ratings: gridRatings(matrix, grid) } : matrix!))
  // The details below the grid keep their callbacks across ratings, so a rating does not draw them again.
  const rowWeights = useStableCallback((change: { credibility?: WeightLevel | null; relevance?: WeightLevel | null; enabled?: boolean }) => {
    const row = focusValid && matrix?.rows[focusValid.r]
    if (row) m.updateRow(row, change)
  })
  const openRow = useStableCallback(() => {
    const row = focusValid && matrix?.rows[focusValid.r]
    if (row?.highlightId) workspace.openLink({ kind: 'highlight', id: row.highlightId })
    else if (row) runCommand('view.claims')
  })
  const moveFocusedRow = useStableCallback((to: number) => {
    const row = focusValid && matrix?.rows[focusValid.r]
    if (!row) return
    setFocus({ r: to, h: focusValid.h })
    void call(() => client.call('ach.moveRow', { id: row.id, position: to }))
  })
  const removeFocusedRow = useStableCallback(() => {
    const row = focusValid && matrix?.rows[focusValid.r]
    if (row) void removeRowRef.current(row)
  })
  const removeRowRef = useRef<(row: AchRow) => Promise<void>>(async () => undefined)
  const focusedHypothesis = (): string | null => (focusValid && matrix?.hypotheses[focusValid.h]?.id) || null
  const editHypothesis = useStableCallback((text: string) => {
    const id = focusedHypothesis()
    if (id) void call(() => client.call('ach.editHypothesis', { id, text }))
  })
  const moveHypothesis = useStableCallback((to: number) => {
    const id = focusedHypothesis()
    if (!id || !focusValid) return
    setFocus({ r: focusValid.r, h: to })
    void call(() => client.call('ach.moveHypothesis', { id, position: to }))
  })
  const removeFocusedHypothesis = useStableCallback(() => {
    if (focusValid) void removeHypothesisRef.current(focusValid.h)
  })
  const removeHypothesisRef = useRef<(h: number) => Promise<void>>(async () => undefined)
  // The forms and the toolbar above the grid keep their callbacks, so a rating does not draw them again.
  const addHypothesis = useStableCallback(async (text: string) => Boolean(await call(() => client.call('ach.addHypothesis', { matrixId, text }))))
  const exportAs = useStableCallback(async (format: 'markdown' | 'csv') => {
    try {
      const file = await client.call('ach.export', { id: matrixId, format })
      saveText(file.fileName, file.text, format === 'csv' ? 'text/csv' : 'text/markdown')
      toast({ text: t('ach:exported', { file: file.fileName }) })
    } catch (err) {
      fail(err)
    }
  })

  const rate = useCallback(
    (pos: CellPos, cell: Cell) => {
      m.rate(pos.r, pos.h, cell)
      if (!across || !matrix) return
      // Rating across, not down: the next hypothesis for the same evidence, then the next row.
      if (pos.h + 1 < matrix.hypotheses.length) setFocus({ r: pos.r, h: pos.h + 1 })
      else {
        const next = shown[shown.indexOf(pos.r) + 1]
        if (next !== undefined) setFocus({ r: next, h: 0 })
      }
    },
    [m, across, matrix, shown]
  )

  const call = useCallback(
    async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
      try {
        const result = await work()
        m.reload()
        return result
      } catch (err) {
        fail(err)
        return undefined
      }
    },
    [m, fail]
  )

  if (!matrix || !grid || !scores) return <p className="empty-hint">{t('ach:loading')}</p>

  const addRows = (items: ({ highlightId: string } | { claimId: string })[], position?: number) =>
    void call(() => client.call('ach.addRows', { matrixId, items, ...(position === undefined ? {} : { position }) })).then((done) => {
      if (done && done.skipped > 0 && done.added.length === 0) toast({ text: t('ach:inMatrixAlready') })
    })

  onDropRef.current = onDrop
  function onDrop(event: DragEvent, position?: number) {
    setDropping(false)
    const types = event.dataTransfer.types
    if (types.includes(ACH_ROW_DRAG_TYPE)) {
      const id = event.dataTransfer.getData(ACH_ROW_DRAG_TYPE)
      event.preventDefault()
      if (position !== undefined) void call(() => client.call('ach.moveRow', { id, position }))
      return
    }
    const highlightId = isHighlightDrag(event.dataTransfer) ? event.dataTransfer.getData(HIGHLIGHT_DRAG_TYPE) : ''
    const claimId = types.includes(CLAIM_DRAG_TYPE) ? event.dataTransfer.getData(CLAIM_DRAG_TYPE) : ''
    if (!highlightId && !claimId) return
    event.preventDefault()
    // Not a file drop: the window's import-on-drop must not see it.
    event.stopPropagation()
    addRows([highlightId ? { highlightId } : { claimId }], position)
  }


  removeRowRef.current = removeRow
  removeHypothesisRef.current = removeHypothesis
  async function removeRow(row: AchRow) {
    const removed = await call(() => client.call('ach.removeRow', { id: row.id }))
    if (removed) toast({ text: t('ach:rowRemoved', { row: removed.position + 1 }), undo: () => void call(() => client.call('ach.restoreRow', removed)) })
    setFocus(null)
  }

  async function removeHypothesis(h: number) {
    const removed = await call(() => client.call('ach.removeHypothesis', { id: matrix!.hypotheses[h]!.id }))
    if (removed) toast({ text: t('ach:hypothesisRemoved', { hypothesis: removed.hypothesis.text }), undo: () => void call(() => client.call('ach.restoreHypothesis', removed)) })
    setFocus(null)
  }


  const focusRow = focusValid ? matrix.rows[focusValid.r] : undefined
  const rowsEmpty = matrix.rows.length === 0
  const hypothesesEmpty = matrix.hypotheses.length === 0

  return (
    <div
      className={`ach-editor${dropping ? ' drop-target' : ''}`}
      data-testid="ach-editor"
      onDragOver={(e) => {
        if (!isHighlightDrag(e.dataTransfer) && !e.dataTransfer.types.includes(CLAIM_DRAG_TYPE)) return
        e.preventDefault()
        e.dataTransfer.dropEffect = 'copy'
        setDropping(true)
      }}
      onDragLeave={() => setDropping(false)}
      onDrop={(e) => onDrop(e)}
    >
      <NewHypothesis onAdd={addHypothesis} />
      <MatrixToolbar
        order={order}
        hideFlat={hideFlat}
        transposed={transposed}
        across={across}
        onOrder={setOrder}
        onHideFlat={setHideFlat}
        onTransposed={setTransposed}
        onAcross={setAcross}
        onExport={exportAs}
      />
      {!hypothesesEmpty && <HypothesisList hypotheses={matrix.hypotheses} least={rowsEmpty ? '' : scores.leastInconsistent.join()} />}
      {(hypothesesEmpty || rowsEmpty) && (
        <p className="empty-hint" data-testid="ach-matrix-empty">
          {hypothesesEmpty ? `${t('ach:needHypotheses')} ` : ''}
          {rowsEmpty ? t('ach:needEvidence', { shortcut: 'Ctrl/⌘ Alt A' }) : ''}
        </p>
      )}
      {!hypothesesEmpty && !rowsEmpty && (
        <MatrixGrid
          hypotheses={matrix.hypotheses}
          rows={matrix.rows}
          grid={grid}
          scores={scores}
          order={shown}
          transposed={transposed}
          focus={focusValid}
          across={across}
          onFocus={setFocus}
          onRate={rate}
          onToggleRow={toggleRow}
          onUndo={() => {
            const back = m.undoRating()
            if (back) setFocus(back)
          }}
          onMoveRow={(r, to) => {
            setFocus(focusValid ? { r: Math.min(to, matrix.rows.length - 1), h: focusValid.h } : null)
            void call(() => client.call('ach.moveRow', { id: matrix.rows[r]!.id, position: to }))
          }}
          onMoveHypothesis={(h, to) => {
            setFocus(focusValid ? { r: focusValid.r, h: Math.min(to, matrix.hypotheses.length - 1) } : null)
            void call(() => client.call('ach.moveHypothesis', { id: matrix.hypotheses[h]!.id, position: to }))
          }}
          onDropRow={dropOnRow}
        />
      )}
      {focusRow && (
        <RowDetails
          row={focusRow}
          index={focusValid!.r}
          count={matrix.rows.length}
          onWeights={rowWeights}
          onOpen={openRow}
          onMove={moveFocusedRow}
          onRemove={removeFocusedRow}
        />
      )}
      {focusValid && (
        <HypothesisDetails
          key={matrix.hypotheses[focusValid.h]!.id}
          text={matrix.hypotheses[focusValid.h]!.text}
          index={focusValid.h}
          count={matrix.hypotheses.length}
          onEdit={editHypothesis}
          onMove={moveHypothesis}
          onRemove={removeFocusedHypothesis}
        />
      )}
      {!hypothesesEmpty && explained && <ScoreExplanation explained={explained} />}
      {warnings.length > 0 && <WarningList warnings={warnings} rowList={rowList} />}
      <Snapshots client={client} matrixId={matrix.id} current={liveMatrix} fail={fail} />
      <p className="ach-muted">{t('ach:footer', { caseId: caseId.slice(0, 8), matrix: matrix.name })}</p>
    </div>
  )
}

/** The matrix's warnings; memoized, as most ratings leave them as they were. */
const WarningList = memo(function WarningList({ warnings, rowList }: { warnings: readonly AchWarning[]; rowList: Intl.ListFormat }) {
  const t = useT()
  return (
    <ul className="claim-warnings ach-warnings" aria-label={t('ach:warnings')} data-testid="ach-warnings">
      {warnings.map((w) => (
        <li key={`${w.kind}:${w.rows.join()}:${w.hypotheses.join()}`} className="claim-warning" data-warning={w.kind}>
          {warningText(t, rowList, w)}
        </li>
      ))}
    </ul>
  )
})

function weightChoice(
  t: Translate,
  label: string,
  override: WeightLevel | null,
  byDefault: WeightLevel,
  fallback: string,
  onChange: (w: WeightLevel | null) => void,
  testId: string
) {
  return (
    <label>
      {label}{' '}
      <select value={override ?? ''} onChange={(e) => onChange((e.target.value || null) as WeightLevel | null)} data-testid={testId}>
        <option value="">{t('ach:weight.default', { source: fallback, weight: t(WEIGHT_MESSAGES[byDefault]) })}</option>
        {WEIGHT_LEVELS.map((w) => (
          <option key={w} value={w}>
            {t(WEIGHT_MESSAGES[w])}
          </option>
        ))}
      </select>
    </label>
  )
}

interface RowDetailsProps {
  row: AchRow
  index: number
  count: number
  onWeights(change: { credibility?: WeightLevel | null; relevance?: WeightLevel | null; enabled?: boolean }): void
  onOpen(): void
  onMove(to: number): void
  onRemove(): void
}

const RowDetails = memo(function RowDetails({ row, index, count, onWeights, onOpen, onMove, onRemove }: RowDetailsProps) {
  const t = useT()
  const { intl } = useLocale()
  return (
    <section className="ach-details" aria-label={t('ach:evidence', { row: index + 1 })} data-testid="ach-row-details">
      <h4>{row.kind === 'claim' ? t('ach:evidenceClaim', { row: index + 1 }) : t('ach:evidence', { row: index + 1 })}</h4>
      <blockquote className="highlight-quote" translate="no" dir="auto">
        {row.quote}
      </blockquote>
      <p className="ach-meta">
        <span translate="no">{[row.articleTitle, row.sourceName].filter(Boolean).join(' · ')}</span>
        {row.publishedAt ? ` · ${formatDate(row.publishedAt.slice(0, 10), intl)}` : ''} <GradeChip reliability={row.reliability} credibility={row.credibility} inert />
      </p>
      <div className="ach-inline-form">
        {weightChoice(
          t,
          t('ach:weight.credibility'),
          row.credibilityOverride,
          defaultCredibilityWeight(row.reliability, row.credibility),
          t('ach:weight.fromGrade'),
          (w) => onWeights({ credibility: w }),
          'ach-credibility'
        )}
        {weightChoice(t, t('ach:weight.relevance'), row.relevanceOverride, DEFAULT_RELEVANCE, t('ach:weight.defaultRelevance'), (w) => onWeights({ relevance: w }), 'ach-relevance')}
        <label>
          <input type="checkbox" checked={row.enabled} onChange={(e) => onWeights({ enabled: e.target.checked })} data-testid="ach-row-enabled" /> {t('ach:countsInScores')}
        </label>
      </div>
      <div className="button-row">
        <button type="button" onClick={onOpen} data-testid="ach-open-passage">
          {row.kind === 'claim' ? t('ach:showClaims') : t('ach:openPassage')}
        </button>
        <button type="button" disabled={index === 0} onClick={() => onMove(index - 1)}>
          {t('ach:moveUp')}
        </button>
        <button type="button" disabled={index === count - 1} onClick={() => onMove(index + 1)}>
          {t('ach:moveDown')}
        </button>
        <button type="button" className="danger" onClick={onRemove} data-testid="ach-remove-row">
          {t('ach:removeRow')}
        </button>
      </div>
    </section>
  )
})

interface HypothesisDetailsProps {
  text: string
  index: number
  count: number
  onEdit(text: string): void
  onMove(to: number): void
  onRemove(): void
}

const HypothesisDetails = memo(function HypothesisDetails({ text, index, count, onEdit, onMove, onRemove }: HypothesisDetailsProps) {
  const t = useT()
  const [draft, setDraft] = useState(text)
  return (
    <section className="ach-details" aria-label={t('ach:hypothesis', { n: index + 1 })} data-testid="ach-hypothesis-details">
      <form
        className="ach-inline-form"
        onSubmit={(e) => {
          e.preventDefault()
          if (draft.trim() && draft !== text) onEdit(draft)
        }}
      >
        <label>
          H{index + 1} <input value={draft} maxLength={500} onChange={(e) => setDraft(e.target.value)} data-testid="ach-hypothesis-text" />
        </label>
        <button type="submit" disabled={!draft.trim() || draft === text}>
          {t('ach:save')}
        </button>
      </form>
      <div className="button-row">
        <button type="button" disabled={index === 0} onClick={() => onMove(index - 1)}>
          {t('ach:moveEarlier')}
        </button>
        <button type="button" disabled={index === count - 1} onClick={() => onMove(index + 1)}>
          {t('ach:moveLater')}
        </button>
        <button type="button" className="danger" onClick={onRemove}>
          {t('ach:removeHypothesis')}
        </button>
      </div>
    </section>
  )
})

/** The new-hypothesis field, its text its own: typing in it draws the field, not the matrix. */
const NewHypothesis = memo(function NewHypothesis({ onAdd }: { onAdd(text: string): Promise<boolean> }) {
  const t = useT()
  const [text, setText] = useState('')
  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!text.trim()) return
    if (await onAdd(text)) setText('')
  }
  return (
    <form className="ach-inline-form" onSubmit={(e) => void submit(e)}>
      <label>
        {t('ach:newHypothesis')}{' '}
        <input value={text} maxLength={500} onChange={(e) => setText(e.target.value)} placeholder={t('ach:newHypothesisPlaceholder')} data-testid="ach-new-hypothesis" />
      </label>
      <button type="submit" disabled={!text.trim()}>
        {t('ach:add')}
      </button>
    </form>
  )
})

interface ToolbarProps {
  order: Order
  hideFlat: boolean
  transposed: boolean
  across: boolean
  onOrder(order: Order): void
  onHideFlat(hide: boolean): void
  onTransposed(transposed: boolean): void
  onAcross(across: boolean): void
  onExport(format: 'markdown' | 'csv'): Promise<void>
}

/** How the matrix is shown, and its export; memoized: a rating changes none of it. */
const MatrixToolbar = memo(function MatrixToolbar(p: ToolbarProps) {
  const t = useT()
  return (
    <div className="ach-toolbar" role="group" aria-label={t('ach:display')}>
      <label>
        {t('ach:rows')}{' '}
        <select value={p.order} onChange={(e) => p.onOrder(e.target.value as Order)} data-testid="ach-order">
          <option value="matrix">{t('ach:order.matrix')}</option>
          <option value="diagnosticity">{t('ach:order.diagnosticity')}</option>
        </select>
      </label>
      <label>
        <input type="checkbox" checked={p.hideFlat} onChange={(e) => p.onHideFlat(e.target.checked)} data-testid="ach-hide-flat" /> {t('ach:hideFlat')}
      </label>
      <button type="button" aria-pressed={p.transposed} onClick={() => p.onTransposed(!p.transposed)} data-testid="ach-transpose">
        {t('ach:transpose')}
      </button>
      <button type="button" aria-pressed={p.across} onClick={() => p.onAcross(!p.across)} data-testid="ach-across" title={t('ach:acrossTitle')}>
        {t('ach:across')}
      </button>
      <button type="button" onClick={() => void p.onExport('markdown')} data-testid="ach-export-md">
        {t('ach:exportMarkdown')}
      </button>
      <button type="button" onClick={() => void p.onExport('csv')} data-testid="ach-export-csv">
        {t('ach:exportCsv')}
      </button>
    </div>
  )
})

/**
 * The hypotheses, the least inconsistent marked. `least` is their indices joined ("0,3"), so a
 * rating that leaves the leader as it was does not draw the list again.
 */
const HypothesisList = memo(function HypothesisList({ hypotheses, least }: { hypotheses: readonly AchHypothesis[]; least: string }) {
  const t = useT()
  const leading = new Set(least ? least.split(',').map(Number) : [])
  return (
    <ol className="ach-hypotheses" aria-label={t('ach:title')} data-testid="ach-hypothesis-list">
      {hypotheses.map((h, i) => (
        <li key={h.id} className={leading.has(i) ? 'least' : undefined}>
          <span className="ach-h-id">H{i + 1}</span> <span translate="no">{h.text}</span>
        </li>
      ))}
    </ol>
  )
})
