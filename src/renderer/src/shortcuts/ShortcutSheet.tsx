import { Dialog } from '../ui/Dialog'
import { formatKeys, shortcutGroups } from '../../../shared/shortcuts'

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)

/** Help > Keyboard Shortcuts: every row of the table the app binds from, so it cannot go stale. */
export function ShortcutSheet({ onClose }: { onClose(): void }) {
  return (
    <Dialog title="Keyboard shortcuts" className="shortcut-sheet" onClose={onClose} testId="shortcut-sheet">
      <p className="empty-hint">Single keys work while no field or editor has the focus.</p>
      {shortcutGroups().map(({ group, rows }) => (
        <section key={group}>
          <h3>{group}</h3>
          <table className="shortcut-table">
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-shortcut={row.id}>
                  <td className="shortcut-keys">
                    {row.display ? (
                      <kbd>{row.display}</kbd>
                    ) : (
                      row.keys.map((k, i) => (
                        <span key={k}>
                          {i > 0 && ' or '}
                          <kbd>{formatKeys(k, MAC)}</kbd>
                        </span>
                      ))
                    )}
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
