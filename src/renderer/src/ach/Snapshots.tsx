import { memo, useEffect, useState, type FormEvent } from 'react'
import type { AchMatrix, AchSnapshotInfo } from '../../../shared/ach/ach-types'
import { cellGrid, scoresOf } from '../../../shared/ach/matrix-scores'
import { formatScore } from '../../../shared/ach/matrix-markdown'
import type { DossierClient } from '../api/client'
import { formatDate } from '../app/format-date'

const NOW = 'now'

interface Props {
  client: DossierClient
  matrixId: string
  /** The matrix with its ratings as they are now (read when comparing with "Now"). */
  current(): AchMatrix
  fail(err: unknown): void
}

/**
 * Dated versions of the matrix: save one, list them, compare two (or one with the matrix now).
 * Memoized with a getter for the live matrix, so a rating does not re-render it.
 */
export const Snapshots = memo(function Snapshots({ client, matrixId, current, fail }: Props) {
  const [list, setList] = useState<AchSnapshotInfo[]>([])
  const [label, setLabel] = useState('')
  const [a, setA] = useState('')
  const [b, setB] = useState(NOW)
  const [compared, setCompared] = useState<{ a: AchMatrix; b: AchMatrix; aName: string; bName: string } | null>(null)
  const [version, setVersion] = useState(0)

  useEffect(() => {
    let live = true
    client.call('ach.snapshots', { matrixId }).then((items) => live && setList(items), fail)
    return () => {
      live = false
    }
  }, [client, matrixId, version, fail])

  async function save(event: FormEvent) {
    event.preventDefault()
    try {
      const taken = await client.call('ach.snapshot', { matrixId, label })
      setLabel('')
      setVersion((v) => v + 1)
      if (!a) setA(taken.id)
    } catch (err) {
      fail(err)
    }
  }

  const name = (id: string) => {
    if (id === NOW) return 'Now'
    const s = list.find((x) => x.id === id)
    return s ? `${s.label || 'Snapshot'} (${formatDate(s.takenAt)} ${s.takenAt.slice(11, 16)} UTC)` : id
  }

  async function compare() {
    try {
      const load = async (id: string) => (id === NOW ? current() : (await client.call('ach.snapshotGet', { id })).matrix)
      setCompared({ a: await load(a), b: await load(b), aName: name(a), bName: name(b) })
    } catch (err) {
      fail(err)
    }
  }

  return (
    <section className="ach-snapshots" aria-label="Snapshots" data-testid="ach-snapshots">
      <h4>Snapshots</h4>
      <form className="ach-inline-form" onSubmit={(e) => void save(e)}>
        <label>
          Label <input value={label} maxLength={200} onChange={(e) => setLabel(e.target.value)} placeholder="e.g. before the second source" data-testid="ach-snapshot-label" />
        </label>
        <button type="submit" data-testid="ach-snapshot-save">
          Save snapshot
        </button>
      </form>
      {list.length === 0 ? (
        <p className="ach-muted">No snapshots yet. A snapshot keeps the matrix as it is now, with its evidence, to compare later.</p>
      ) : (
        <>
          <ul className="ach-snapshot-list" data-testid="ach-snapshot-list">
            {list.map((s) => (
              <li key={s.id} data-testid="ach-snapshot">
                {s.label || 'Snapshot'} · {formatDate(s.takenAt)} {s.takenAt.slice(11, 16)} UTC
              </li>
            ))}
          </ul>
          <div className="ach-inline-form">
            <label>
              Compare{' '}
              <select value={a} onChange={(e) => setA(e.target.value)} data-testid="ach-compare-a">
                <option value="">Choose…</option>
                {list.map((s) => (
                  <option key={s.id} value={s.id}>
                    {name(s.id)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              with{' '}
              <select value={b} onChange={(e) => setB(e.target.value)} data-testid="ach-compare-b">
                <option value={NOW}>Now</option>
                {list.map((s) => (
                  <option key={s.id} value={s.id}>
                    {name(s.id)}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" disabled={!a || a === b} onClick={() => void compare()} data-testid="ach-compare">
              Compare
            </button>
          </div>
        </>
      )}
      {compared && <Comparison {...compared} />}
    </section>
  )
})

/** What changed between two versions: each hypothesis's scores, rows added or removed, cells rated differently. */
function Comparison({ a, b, aName, bName }: { a: AchMatrix; b: AchMatrix; aName: string; bName: string }) {
  const sa = scoresOf(a)
  const sb = scoresOf(b)
  const ga = cellGrid(a)
  const gb = cellGrid(b)
  const hypotheses = [...new Map([...a.hypotheses, ...b.hypotheses].map((h) => [h.id, h])).values()]
  const score = (m: AchMatrix, s: typeof sa, id: string) => {
    const i = m.hypotheses.findIndex((h) => h.id === id)
    return i < 0 ? '—' : `${s.inconsistency[i]} / ${formatScore(s.weighted[i]!)}`
  }
  const rowsA = new Set(a.rows.map((r) => r.id))
  const rowsB = new Set(b.rows.map((r) => r.id))
  const changed: string[] = []
  b.rows.forEach((row, rb) => {
    const ra = a.rows.findIndex((x) => x.id === row.id)
    if (ra < 0) return
    b.hypotheses.forEach((h, hb) => {
      const ha = a.hypotheses.findIndex((x) => x.id === h.id)
      if (ha < 0) return
      const before = ga[ra]![ha] ?? null
      const after = gb[rb]![hb] ?? null
      if (before !== after) changed.push(`E${rb + 1} × H${hb + 1}: ${before ?? 'blank'} → ${after ?? 'blank'}`)
    })
  })
  return (
    <div className="ach-compare-result" data-testid="ach-comparison">
      <table className="ach-compare-table">
        <caption>
          {aName} → {bName} (inconsistency / weighted)
        </caption>
        <thead>
          <tr>
            <th scope="col">Hypothesis</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {hypotheses.map((h) => (
            <tr key={h.id}>
              <th scope="row">{h.text}</th>
              <td>{score(a, sa, h.id)}</td>
              <td>{score(b, sb, h.id)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {b.rows.filter((r) => !rowsA.has(r.id)).length} rows added, {a.rows.filter((r) => !rowsB.has(r.id)).length} removed, {changed.length} cells rated differently.
      </p>
      {changed.length > 0 && (
        <ul className="ach-changes">
          {changed.slice(0, 50).map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
    </div>
  )
}
