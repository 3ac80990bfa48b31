import { useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { COMMAND_GROUP_LABELS, COMMANDS, commandShortcut, matchesCommand, type CommandId, type CommandSpec } from '../../../shared/commands'
import { describeKeys } from '../../../shared/shortcuts'
import { useLocale, useT } from '../i18n/use-t'
import { Dialog } from '../ui/Dialog'
import { canRun, runCommand } from './command-registry'

/** How the palette and the toolbar write a command's keys: as the shortcut sheet does, first keys only. */
export function commandKeys(spec: CommandSpec): string | null {
  const row = commandShortcut(spec)
  return row ? describeKeys(row.keys)[0]! : null
}

/**
 * Ctrl/⌘ Shift P: every command of the table by name, with its keys. Type to narrow, Up and Down
 * to choose, Enter to run. The command runs once the palette has closed, so a dialog it opens or a
 * box it focuses keeps the focus.
 */
export function CommandPalette({ onClose }: { onClose(): void }) {
  const t = useT()
  const { intl } = useLocale()
  const [typed, setTyped] = useState('')
  const [active, setActive] = useState(0)
  const chosen = useRef<CommandId | null>(null)
  const shown = useMemo(() => (COMMANDS as readonly CommandSpec[]).filter((c) => matchesCommand(c, typed, t, intl)), [typed, t, intl])
  const index = Math.min(active, Math.max(0, shown.length - 1))

  function choose(spec: CommandSpec | undefined) {
    if (!spec || !canRun(spec.id as CommandId)) return
    chosen.current = spec.id as CommandId
    onClose()
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      if (shown.length) setActive((index + (event.key === 'ArrowDown' ? 1 : shown.length - 1)) % shown.length)
    } else if (event.key === 'Enter') {
      event.preventDefault()
      choose(shown[index])
    }
  }

  return (
    <Dialog
      title={t('commands:palette.title')}
      className="command-palette"
      testId="command-palette"
      onClose={onClose}
      onCloseAutoFocus={(event) => {
        if (!chosen.current) return
        event.preventDefault()
        runCommand(chosen.current)
      }}
    >
      <input
        className="palette-input"
        type="text"
        role="combobox"
        aria-label={t('commands:palette.input')}
        aria-expanded
        aria-controls="palette-list"
        aria-activedescendant={shown.length ? `palette-${index}` : undefined}
        placeholder={t('commands:palette.placeholder')}
        value={typed}
        onChange={(e) => {
          setTyped(e.target.value)
          setActive(0)
        }}
        onKeyDown={onKeyDown}
        autoFocus
      />
      <ul className="palette-list" id="palette-list" role="listbox" aria-label={t('commands:palette.list')}>
        {shown.map((spec, i) => {
          const available = canRun(spec.id as CommandId)
          const keys = commandKeys(spec)
          return (
            <li
              key={spec.id}
              id={`palette-${i}`}
              role="option"
              aria-selected={i === index}
              aria-disabled={!available}
              className={`palette-item${i === index ? ' active' : ''}`}
              data-command={spec.id}
              onMouseMove={() => setActive(i)}
              onClick={() => choose(spec)}
            >
              <span className="palette-group">{t(COMMAND_GROUP_LABELS[spec.group])}</span>
              <span className="palette-title">{t(spec.title)}</span>
              {!available && <span className="palette-unavailable">{t('commands:palette.unavailable')}</span>}
              {keys && <kbd>{keys}</kbd>}
            </li>
          )
        })}
        {shown.length === 0 && <li className="empty-hint">{t('commands:palette.noMatch', { typed })}</li>}
      </ul>
    </Dialog>
  )
}
