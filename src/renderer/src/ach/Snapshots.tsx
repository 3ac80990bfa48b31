import { memo, useEffect, useState, type FormEvent } from 'react'
import type { AchMatrix, AchSnapshotInfo } from '../../../shared/ach/ach-types'
import { cellGrid, scoresOf } from '../../../shared/ach/matrix-scores'
import { formatScore } from '../../../shared/ach/matrix-markdown'
import type { DossierClient } from '../api/client'
import { useLocale, useT } from '../i18n/use-t'

const WHEN: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }

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
  const t = useT()
  const { intl } = useLocale()
  const when = (iso: string) => new Date(iso).toLocaleString(intl, WHEN)
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
    if (id === NOW) return t('ach:snapshots.now')
    const s = list.find((x) => x.id === id)
    return s ? t('ach:snapshots.name', { label: s.label || t('ach:snapshots.untitled'), when: when(s.takenAt) }) : id
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
    <section className="ach-snapshots" aria-label={t('ach:snapshots.title')} data-testid="ach-snapshots">
      <h4>{t('ach:snapshots.title')}</h4>
      <form className="ach-inline-form" onSubmit={(e) => void save(e)}>
        <label>
          {t('ach:snapshots.label')}{' '}
          <input value={label} maxLength={200} onChange={(e) => setLabel(e.target.value)} placeholder={t('ach:snapshots.labelPlaceholder')} data-testid="ach-snapshot-label" />
        </label>
        <button type="submit" data-testid="ach-snapshot-save">
          {t('ach:snapshots.save')}
        </button>
      </form>
      {list.length === 0 ? (
        <p className="ach-muted">{t('ach:snapshots.empty')}</p>
      ) : (
        <>
          <ul className="ach-snapshot-list" data-testid="ach-snapshot-list">
            {list.map((s) => (
              <li key={s.id} data-testid="ach-snapshot">
                {s.label ? <span translate="no">{s.label}</span> : t('ach:snapshots.untitled')} · <time dateTime={s.takenAt}>{when(s.takenAt)}</time>
              </li>
            ))}
          </ul>
          <div className="ach-inline-form">
            <label>
              {t('ach:snapshots.compare')}{' '}
              <select value={a} onChange={(e) => setA(e.target.value)} data-testid="ach-compare-a">
                <option value="">{t('ach:snapshots.choose')}</option>
                {list.map((s) => (
                  <option key={s.id} value={s.id}>
                    {name(s.id)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('ach:snapshots.with')}{' '}
              <select value={b} onChange={(e) => setB(e.target.value)} data-testid="ach-compare-b">
                <option value={NOW}>{t('ach:snapshots.now')}</option>
                {list.map((s) => (
                  <option key={s.id} value={s.id}>
                    {name(s.id)}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" disabled={!a || a === b} onClick={() => void compare()} data-testid="ach-compare">
              {t('ach:snapshots.compareButton')}
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
  const t = useT()
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
  // Rating codes (CC, C, N, I, II, NA) are the method's notation, written the same in every language.
  const changed: { key: string; cell: string; before: string | null; after: string | null }[] = []
  b.rows.forEach((row, rb) => {
    const ra = a.rows.findIndex((x) => x.id === row.id)
    if (ra < 0) return
    b.hypotheses.forEach((h, hb) => {
      const ha = a.hypotheses.findIndex((x) => x.id === h.id)
      if (ha < 0) return
      const before = ga[ra]![ha] ?? null
      const after = gb[rb]![hb] ?? null
      if (before !== after) changed.push({ key: `${row.id}:${h.id}`, cell: `E${rb + 1} × H${hb + 1}`, before, after })
    })
  })
  return (
    <div className="ach-compare-result" data-testid="ach-comparison">
      <table className="ach-compare-table">
        <caption>
          {t('ach:snapshots.caption', { a: aName, b: bName })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('ach:grid.hypothesis')}</th>
            <th scope="col">{t('ach:snapshots.before')}</th>
            <th scope="col">{t('ach:snapshots.after')}</th>
          </tr>
        </thead>
        <tbody>
          {hypotheses.map((h) => (
            <tr key={h.id}>
              <th scope="row" translate="no">
                {h.text}
              </th>
              <td>{score(a, sa, h.id)}</td>
              <td>{score(b, sb, h.id)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {t('ach:snapshots.changes', {
          added: b.rows.filter((r) => !rowsA.has(r.id)).length,
          removed: a.rows.filter((r) => !rowsB.has(r.id)).length,
          changed: changed.length
        })}
      </p>
      {changed.length > 0 && (
        <ul className="ach-changes">
          {changed.slice(0, 50).map((c) => (
            <li key={c.key}>
              <span translate="no">{c.cell}</span>: {c.before ? <span translate="no">{c.before}</span> : t('ach:snapshots.blank')} →{' '}
              {c.after ? <span translate="no">{c.after}</span> : t('ach:snapshots.blank')}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
