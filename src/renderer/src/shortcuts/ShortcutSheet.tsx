import { Dialog } from '../ui/Dialog'
import { describeKeys, shortcutGroups } from '../../../shared/shortcuts'
import { useClient } from '../api/client-context'
import { availableShortcut } from './available-shortcuts'

/** Help > Keyboard Shortcuts: every row of the table the app binds from, so it cannot go stale. */
export function ShortcutSheet({ onClose }: { onClose(): void }) {
  const { shell } = useClient()
  return (
    <Dialog title="Keyboard shortcuts" className="shortcut-sheet" onClose={onClose} testId="shortcut-sheet">
      <p className="empty-hint">Single keys work while no field or editor has the focus.</p>
      {shortcutGroups().filter(({ rows }) => rows.some((row) => availableShortcut(row, shell))).map(({ group, rows }) => (
        <section key={group}>
          <h3>{group}</h3>
          <table className="shortcut-table">
            <tbody>
              {rows.filter((row) => availableShortcut(row, shell)).map((row) => (
                <tr key={row.id} data-shortcut={row.id}>
                  <td className="shortcut-keys">
                    {describeKeys(row.keys).map((k, i) => (
                      <span key={k}>
                        {i > 0 && ' or '}
                        <kbd>{k}</kbd>
                      </span>
                    ))}
                  </td>
                  <td>
                    {row.description}
                    {row.when && <span className="shortcut-when"> ({row.when})</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <div className="dialog-actions">
        <button type="button" autoFocus onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  )
}
