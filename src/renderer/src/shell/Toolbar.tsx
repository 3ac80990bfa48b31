import { Archive, Command, FileDown, FileUp, FolderInput, Keyboard, Settings, Tags, Trash2, type LucideIcon } from 'lucide-react'
import { command, type CommandId } from '../../../shared/commands'
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
  const spec = command(id)
  const keys = commandKeys(spec)
  return (
    <Tooltip content={keys ? `${spec.title} (${keys})` : spec.title}>
      <button type="button" className="icon-button" data-testid={testId} onClick={() => runCommand(id)}>
        <Icon aria-hidden />
        <span className="visually-hidden">{spec.title}</span>
      </button>
    </Tooltip>
  )
}

/**
 * The window's top bar: the current case with its switcher, then the commands grouped by task,
 * each an icon with a name and a tooltip. The rest is in the command palette and the menus.
 */
export function Toolbar({ articleOpen }: { articleOpen: boolean }) {
  const groups: { label: string; buttons: Button[] }[] = [
    {
      label: 'Import',
      buttons: [
        { id: 'file.import', icon: FileUp },
        { id: 'file.importFolder', icon: FolderInput }
      ]
    },
    {
      label: 'Article',
      buttons: [
        { id: 'article.trash', icon: Trash2, testId: 'trash-article', when: articleOpen },
        { id: 'labels.edit', icon: Tags }
      ]
    },
    { label: 'Export', buttons: [{ id: 'file.export', icon: FileDown }] },
    {
      label: 'Library',
      buttons: [
        { id: 'file.trash', icon: Archive },
        { id: 'app.settings', icon: Settings }
      ]
    },
    {
      label: 'Help',
      buttons: [
        { id: 'app.commandPalette', icon: Command },
        { id: 'help.shortcuts', icon: Keyboard }
      ]
    }
  ]
  return (
    <header className="toolbar">
      <span className="brand">Dossier</span>
      <CaseSlot />
      <div className="toolbar-groups" role="toolbar" aria-label="Commands">
        {groups.map((group) => (
          <div key={group.label} className="toolbar-group" role="group" aria-label={group.label}>
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
