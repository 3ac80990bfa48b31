import { Archive, Command, FileDown, FileUp, FolderInput, Keyboard, Settings, Tags, Trash2, type LucideIcon } from 'lucide-react'
import { command, type CommandId } from '../../../shared/commands'
import type { MessageKey } from '../../../shared/i18n'
import { useT } from '../i18n/use-t'
import { commandKeys } from '../commands/CommandPalette'
import { runCommand } from '../commands/command-registry'
import { Tooltip } from '../ui/Tooltip'
import { CaseSlot } from './case-slot'

interface Button {
  id: CommandId
  icon: LucideIcon
  testId?: string
  /** Shown only while it applies (Move to Trash needs an open article). */
  when?: boolean
}

/** An icon button named after its command, with a tooltip giving the name and the keys. */
function CommandButton({ id, icon: Icon, testId }: Button) {
  const t = useT()
  const spec = command(id)
  const keys = commandKeys(spec)
  const title = t(spec.title)
  return (
    <Tooltip content={keys ? t('shell:toolbar.withKeys', { title, keys }) : title}>
      <button type="button" className="icon-button" data-testid={testId} onClick={() => runCommand(id)}>
        <Icon aria-hidden />
        <span className="visually-hidden">{title}</span>
      </button>
    </Tooltip>
  )
}

/**
 * The window's top bar: the current case with its switcher, then the commands grouped by task,
 * each an icon with a name and a tooltip. The rest is in the command palette and the menus.
 */
export function Toolbar({ articleOpen }: { articleOpen: boolean }) {
  const t = useT()
  const groups: { label: MessageKey; buttons: Button[] }[] = [
    {
      label: 'shell:toolbar.import',
      buttons: [
        { id: 'file.import', icon: FileUp },
        { id: 'file.importFolder', icon: FolderInput }
      ]
    },
    {
      label: 'shell:toolbar.article',
      buttons: [
        { id: 'article.trash', icon: Trash2, testId: 'trash-article', when: articleOpen },
        { id: 'labels.edit', icon: Tags }
      ]
    },
    { label: 'shell:toolbar.export', buttons: [{ id: 'file.export', icon: FileDown }] },
    {
      label: 'shell:toolbar.library',
      buttons: [
        { id: 'file.trash', icon: Archive },
        { id: 'app.settings', icon: Settings }
      ]
    },
    {
      label: 'shell:toolbar.help',
      buttons: [
        { id: 'app.commandPalette', icon: Command },
        { id: 'help.shortcuts', icon: Keyboard }
      ]
    }
  ]
  return (
    <header className="toolbar">
      <span className="brand" translate="no">
        Dossier
      </span>
      <CaseSlot />
      <div className="toolbar-groups" role="toolbar" aria-label={t('shell:toolbar.label')}>
        {groups.map((group) => (
          <div key={group.label} className="toolbar-group" role="group" aria-label={t(group.label)}>
            {group.buttons
              .filter((b) => b.when !== false)
              .map((b) => (
                <CommandButton key={b.id} {...b} />
              ))}
          </div>
        ))}
      </div>
    </header>
  )
}
