import type { MenuItemConstructorOptions } from 'electron'
import { MENU_COMMANDS, type MenuCommand } from '../../shared/menu-commands'
import { menuCommandTitle } from '../../shared/commands'
import { menuAccelerator } from '../../shared/shortcuts'

export type { MenuCommand }

export interface MenuOptions {
  platform: NodeJS.Platform
  appName: string
  /** Reload and DevTools only in development: a reload skips the close-time flush of unsaved notes. */
  isDev: boolean
  /** Carries out one of Dossier's own commands (the shell decides whether main or the page does it). */
  send(command: MenuCommand): void
  showDataFolder(): void
}

/** Accelerators of our own commands, from the one shortcut table; role items keep Electron's platform defaults. */
export const COMMAND_ACCELERATORS: Readonly<Record<MenuCommand, string>> = Object.fromEntries(
  MENU_COMMANDS.map((command) => {
    const accelerator = menuAccelerator(command)
    if (!accelerator) throw new Error(`menu command ${command} has no row in src/shared/shortcuts.ts`)
    return [command, accelerator]
  })
) as Record<MenuCommand, string>

const sep: MenuItemConstructorOptions = { type: 'separator' }

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin'
  // `&` marks the Alt-key mnemonic on Windows and Linux; macOS has no mnemonics.
  const title = (label: string) => (mac ? label.replace('&', '') : label)
  // Names come from the command table (src/shared/commands.ts), the palette's and the toolbar's too.
  const command = (name: MenuCommand): MenuItemConstructorOptions => ({
    id: `command.${name}`,
    label: menuCommandTitle(name),
    accelerator: COMMAND_ACCELERATORS[name],
    click: () => options.send(name)
  })

  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [
      { role: 'about' },
      sep,
      command('settings'),
      sep,
      { role: 'services' },
      sep,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      sep,
      { role: 'quit' }
    ]
  }

  const fileMenu: MenuItemConstructorOptions = {
    label: title('&File'),
    submenu: [
      command('import'),
      command('import-folder'),
      command('paste-import'),
      sep,
      command('export'),
      sep,
      command('trash'),
      command('restore-backup'),
      sep,
      ...(mac ? [] : [command('settings'), sep]),
      mac ? { role: 'close' } : { role: 'quit' }
    ]
  }

  const editMenu: MenuItemConstructorOptions = {
    label: title('&Edit'),
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      sep,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      sep,
      { role: 'selectAll' }
    ]
  }

  const viewMenu: MenuItemConstructorOptions = {
    label: title('&View'),
    submenu: [
      ...(options.isDev ? [{ role: 'reload' } as const, { role: 'forceReload' } as const, { role: 'toggleDevTools' } as const, sep] : []),
      command('command-palette'),
      sep,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      sep,
      { role: 'togglefullscreen' }
    ]
  }

  const windowMenu: MenuItemConstructorOptions = { role: 'windowMenu' }

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    label: title('&Help'),
    submenu: [
      command('shortcuts'),
      command('verify-library'),
      sep,
      { id: 'show-data-folder', label: 'Show Data Folder', click: () => options.showDataFolder() },
      ...(mac ? [] : [sep, { role: 'about' } as const])
    ]
  }

  return mac ? [appMenu, fileMenu, editMenu, viewMenu, windowMenu, helpMenu] : [fileMenu, editMenu, viewMenu, helpMenu]
}
