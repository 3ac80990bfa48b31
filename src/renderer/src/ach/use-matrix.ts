import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { AchMatrix, AchRow } from '../../../shared/ach/ach-types'
import { cellGrid, evidenceWarningsOf, scoringRows } from '../../../shared/ach/matrix-scores'
import { unrefutedWarnings } from '../../../shared/ach/warnings'
import type { Cell } from '../../../shared/ach/ratings'
import { scoreMatrix } from '../../../shared/ach/scoring'
import type { WeightLevel } from '../../../shared/ach/weights'
import type { DossierClient } from '../api/client'
import { afterPaint } from '../ui/after-paint'

interface Loaded {
  matrix: AchMatrix
  /** Cells as rows × hypotheses; each rating replaces one row's array, so memoized rows skip. */
  grid: Cell[][]
}

/**
 * One matrix as the view edits it. A rating or a row switch is applied here at once (the scores
 * follow on the same frame) and then saved; a failed save puts the cell back and says why.
 * Structural changes (hypotheses, rows added, moved or removed) save first and then reload.
 */
export function useMatrix(client: DossierClient, matrixId: string | null, version: number, fail: (err: unknown) => void) {
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const undoStack = useRef<{ rowId: string; hypothesisId: string; before: Cell }[]>([])
  const [reloads, setReloads] = useState(0)

  useEffect(() => {
    if (!matrixId) return
    let live = true
    client.call('ach.get', { id: matrixId }).then((matrix) => live && setLoaded({ matrix, grid: cellGrid(matrix) }), fail)
    return () => {
      live = false
    }
  }, [client, matrixId, version, reloads, fail])

  const current = loaded && loaded.matrix.id === matrixId ? loaded : null
  const reload = useCallback(() => setReloads((n) => n + 1), [])

  const scores = useMemo(() => (current ? scoreMatrix(scoringRows(current.matrix, current.grid), current.matrix.hypotheses.length) : null), [current])
  // Warnings about the evidence wait for the rows to change (near-copies compare every pair);
  // "nothing rates this hypothesis I or II" follows the scores.
  const matrixNow = current?.matrix ?? null
  const evidence = useMemo(() => (matrixNow ? evidenceWarningsOf(matrixNow) : []), [matrixNow])
  // Which hypotheses some row rates I or II: most ratings change no warning, and then the list
  // keeps its identity and is not drawn again.
  const refuted = scores ? scores.inconsistency.map((n) => (n > 0 ? 1 : 0)).join('') : null
  const warnings = useMemo(() => {
    if (!matrixNow || refuted === null) return evidence
    const unrefuted = unrefutedWarnings(
      matrixNow.hypotheses.map((h) => h.text),
      [...refuted].map((c) => c === '1'),
      matrixNow.rows.some((r) => r.enabled)
    )
    return [...evidence, ...unrefuted]
  }, [matrixNow, evidence, refuted])

  const setCell = useCallback((r: number, h: number, cell: Cell) => {
    setLoaded((was) => {
      if (!was || !was.grid[r]) return was
      const grid = was.grid.slice()
      const line = grid[r]!.slice()
      line[h] = cell
      grid[r] = line
      return { ...was, grid }
    })
  }, [])

  const rate = useCallback(
    (r: number, h: number, cell: Cell, remember = true) => {
      if (!current) return
      const row = current.matrix.rows[r]
      const hypothesis = current.matrix.hypotheses[h]
      if (!row || !hypothesis) return
      const before = current.grid[r]![h] ?? null
      if (before === cell) return
      if (remember) undoStack.current.push({ rowId: row.id, hypothesisId: hypothesis.id, before })
      setCell(r, h, cell)
      // Saved once the new scores are on screen: the key press's frame does not wait for the request.
      afterPaint((leaving) =>
        client.callWith('ach.rate', { rowId: row.id, hypothesisId: hypothesis.id, rating: cell }, { keepalive: leaving }).catch((err: unknown) => {
          setCell(r, h, before)
          fail(err)
        })
      )
    },
    [client, current, fail, setCell]
  )

  /** Puts back the last rating changed; false when there is none. */
  const undoRating = useCallback((): { r: number; h: number } | false => {
    const last = undoStack.current.pop()
    if (!last || !current) return false
    const r = current.matrix.rows.findIndex((x) => x.id === last.rowId)
    const h = current.matrix.hypotheses.findIndex((x) => x.id === last.hypothesisId)
    if (r < 0 || h < 0) return false
    rate(r, h, last.before, false)
    return { r, h }
  }, [current, rate])

  const replaceRow = useCallback((row: AchRow) => {
    setLoaded((was) => (was ? { ...was, matrix: { ...was.matrix, rows: was.matrix.rows.map((x) => (x.id === row.id ? row : x)) } } : was))
  }, [])

  const updateRow = useCallback(
    (row: AchRow, change: { credibility?: WeightLevel | null; relevance?: WeightLevel | null; enabled?: boolean }) => {
      const optimistic: AchRow = {
        ...row,
        ...(change.enabled !== undefined ? { enabled: change.enabled } : {}),
        ...(change.credibility ? { credibilityWeight: change.credibility, credibilityOverride: change.credibility } : {}),
        ...(change.relevance ? { relevance: change.relevance, relevanceOverride: change.relevance } : {})
      }
      replaceRow(optimistic)
      client.call('ach.updateRow', { id: row.id, ...change }).then(replaceRow, (err: unknown) => {
        replaceRow(row)
        fail(err)
      })
    },
    [client, fail, replaceRow]
  )

  return { matrix: current?.matrix ?? null, grid: current?.grid ?? null, scores, warnings, rate, undoRating, updateRow, reload }
}
