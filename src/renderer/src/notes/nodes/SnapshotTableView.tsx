import { setSnapshotTableView, type SnapshotTable } from '../../../../shared/notes/nodes/SnapshotTableNode'

/** A table copied into a brief (ACH summary, timeline excerpt), as it was when inserted. */
export function SnapshotTableView({ table }: { table: SnapshotTable }) {
  return (
    <figure className="note-snapshot-table-view" data-testid="snapshot-table" data-kind={table.kind}>
      <figcaption>
        <strong>{table.title}</strong>
      </figcaption>
      <table>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, i) => (
            <tr key={i}>
              {table.columns.map((_, k) => (
                <td key={k}>{r[k] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {table.caption && <p className="snapshot-caption">{table.caption}</p>}
    </figure>
  )
}

/** Called once by the renderer: snapshot tables in every editor draw with this view. */
export function registerSnapshotTableView(): void {
  setSnapshotTableView((table) => <SnapshotTableView table={table} />)
}
