import type { ReactNode } from 'react'
import { richT } from '../i18n/rich'
import { Dialog } from '../ui/Dialog'
import { describeKeys, SHORTCUT_CONTEXT_LABELS, SHORTCUT_GROUP_LABELS, shortcutGroups } from '../../../shared/shortcuts'
import { useT } from '../i18n/use-t'
import { useClient } from '../api/client-context'
import { availableShortcut } from './available-shortcuts'

/** Help > Keyboard Shortcuts: every row of the table the app binds from, so it cannot go stale. */
export function ShortcutSheet({ onClose }: { onClose(): void }) {
  const { shell } = useClient()
  const t = useT()
  return (
    <Dialog title={t('commands:sheet.title')} className="shortcut-sheet" onClose={onClose} testId="shortcut-sheet">
      <p className="empty-hint">{t('commands:sheet.hint')}</p>
      {shortcutGroups().filter(({ rows }) => rows.some((row) => availableShortcut(row, shell))).map(({ group, rows }) => (
        <section key={group}>
          <h3>{t(SHORTCUT_GROUP_LABELS[group])}</h3>
          <table className="shortcut-table">
            <tbody>
              {rows.filter((row) => availableShortcut(row, shell)).map((row) => (
                <tr key={row.id} data-shortcut={row.id}>
                  <td className="shortcut-keys">
                    {describeKeys(row.keys).reduce<ReactNode[]>(
                      (shown, k) => (shown.length ? [<KeysOr key={k} first={shown} second={<kbd>{k}</kbd>} />] : [<kbd key={k}>{k}</kbd>]),
                      []
                    )}
                  </td>
                  <td>
                    {t(row.description)}
                    {row.when && <span className="shortcut-when"> ({t(SHORTCUT_CONTEXT_LABELS[row.when])})</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <div className="dialog-actions">
        <button type="button" autoFocus onClick={onClose}>
          {t('common:close')}
        </button>
      </div>
    </Dialog>
  )
}

/** "A or B" with each key in its <kbd>, worded as the interface language joins alternatives. */
function KeysOr({ first, second }: { first: ReactNode; second: ReactNode }) {
  const t = useT()
  return <span>{richT(t, 'commands:keys.or', { first, second })}</span>
}
