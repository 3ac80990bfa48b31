import type { MenuItemConstructorOptions } from 'electron'
import type { AppEvent } from '../../shared/contract'

export type MenuCommand = Extract<AppEvent, { type: 'command' }>['command']

export interface MenuOptions {
  platform: NodeJS.Platform
  appName: string
  /** Reload and DevTools only in development: a reload skips the close-time flush of unsaved notes. */
  isDev: boolean
  /** Carries out one of Dossier's own commands (the shell decides whether main or the page does it). */
  send(command: MenuCommand): void
  showDataFolder(): void
}

/** Accelerators of our own commands; role items keep Electron's platform defaults. */
export const COMMAND_ACCELERATORS: Readonly<Record<MenuCommand, string>> = {
  import: 'CmdOrCtrl+O',
  'import-folder': 'CmdOrCtrl+Alt+O',
  // Not Ctrl+Shift+V: on Windows and Linux that is "paste as plain text" in the note editor.
  'paste-import': 'CmdOrCtrl+Shift+O',
  export: 'CmdOrCtrl+Shift+E'
}

const sep: MenuItemConstructorOptions = { type: 'separator' }

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin'
  // `&` marks the Alt-key mnemonic on Windows and Linux; macOS has no mnemonics.
  const title = (label: string) => (mac ? label.replace('&', '') : label)
  const command = (label: string, name: MenuCommand): MenuItemConstructorOptions => ({
    id: `command.${name}`,
    label,
    accelerator: COMMAND_ACCELERATORS[name],
    click: () => options.send(name)
  })

  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [
      { role: 'about' },
      sep,
      // A placeholder so the menu has the shape macOS users expect; settings do not exist yet.
      { id: 'settings', label: 'Settings…', enabled: false },
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
      command('Import Files…', 'import'),
      command('Import Folder…', 'import-folder'),
      command('Import Pasted Text…', 'paste-import'),
      sep,
      command('Export Markdown…', 'export'),
      sep,
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
      { id: 'show-data-folder', label: 'Show Library Folder', click: () => options.showDataFolder() },
      ...(mac ? [] : [sep, { role: 'about' } as const])
    ]
  }

  return mac ? [appMenu, fileMenu, editMenu, viewMenu, windowMenu, helpMenu] : [fileMenu, editMenu, viewMenu, helpMenu]
}
