import type { MenuItemConstructorOptions } from 'electron'
import { MENU_COMMANDS, type MenuCommand } from '../../shared/menu-commands'
import { menuCommandTitle } from '../../shared/commands'
import type { MessageKey, Translate } from '../../shared/i18n/messages'
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
  /**
   * The menu's language (an i18n instance for the `locale` setting, or the OS's languages for
   * "system"): main rebuilds the menu when the setting changes. Role items (Undo, Copy, Quit…)
   * take their names from Electron, which uses the OS's language.
   */
  t: Translate
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

const ROLE_LABELS = {
  about: 'menu:role.about',
  services: 'menu:role.services',
  hide: 'menu:role.hide',
  hideOthers: 'menu:role.hideOthers',
  unhide: 'menu:role.unhide',
  quit: 'menu:role.quit',
  close: 'menu:role.close',
  undo: 'menu:role.undo',
  redo: 'menu:role.redo',
  cut: 'menu:role.cut',
  copy: 'menu:role.copy',
  paste: 'menu:role.paste',
  pasteAndMatchStyle: 'menu:role.pasteAndMatchStyle',
  selectAll: 'menu:role.selectAll',
  reload: 'menu:role.reload',
  forceReload: 'menu:role.forceReload',
  toggleDevTools: 'menu:role.toggleDevTools',
  resetZoom: 'menu:role.resetZoom',
  zoomIn: 'menu:role.zoomIn',
  zoomOut: 'menu:role.zoomOut',
  togglefullscreen: 'menu:role.togglefullscreen',
  minimize: 'menu:role.minimize',
  zoom: 'menu:role.zoom',
  front: 'menu:role.front'
} as const satisfies Record<string, MessageKey>
type RoleName = keyof typeof ROLE_LABELS

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin'
  const t = options.t
  // `&` marks the Alt-key mnemonic on Windows and Linux (each translation places its own); macOS has no mnemonics.
  const title = (label: string) => (mac ? label.replace('&', '') : label)
  // Names come from the command table (src/shared/commands.ts), the palette's and the toolbar's too.
  const command = (name: MenuCommand): MenuItemConstructorOptions => ({
    id: `command.${name}`,
    label: menuCommandTitle(name, t),
    accelerator: COMMAND_ACCELERATORS[name],
    click: () => options.send(name)
  })

  // Electron names role items in English whatever the OS's language: each gets its name from the catalogs.
  const role = (name: RoleName): MenuItemConstructorOptions => ({ role: name, label: t(ROLE_LABELS[name], { app: options.appName }) })

  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [
      role('about'),
      sep,
      command('settings'),
      sep,
      role('services'),
      sep,
      role('hide'),
      role('hideOthers'),
      role('unhide'),
      sep,
      role('quit')
    ]
  }

  const fileMenu: MenuItemConstructorOptions = {
    label: title(t('menu:file')),
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
      mac ? role('close') : role('quit')
    ]
  }

  const editMenu: MenuItemConstructorOptions = {
    label: title(t('menu:edit')),
    submenu: [
      role('undo'),
      role('redo'),
      sep,
      role('cut'),
      role('copy'),
      role('paste'),
      ...(mac ? [role('pasteAndMatchStyle')] : []),
      sep,
      role('selectAll')
    ]
  }

  const viewMenu: MenuItemConstructorOptions = {
    label: title(t('menu:view')),
    submenu: [
      ...(options.isDev ? [role('reload'), role('forceReload'), role('toggleDevTools'), sep] : []),
      command('command-palette'),
      sep,
      role('resetZoom'),
      role('zoomIn'),
      role('zoomOut'),
      sep,
      role('togglefullscreen')
    ]
  }

  const windowMenu: MenuItemConstructorOptions = {
    role: 'window',
    label: t('menu:window'),
    submenu: [role('minimize'), role('zoom'), sep, role('front')]
  }

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    label: title(t('menu:help')),
    submenu: [
      command('shortcuts'),
      command('verify-library'),
      sep,
      { id: 'show-data-folder', label: t('menu:showDataFolder'), click: () => options.showDataFolder() },
      ...(mac ? [] : [sep, role('about')])
    ]
  }

  return mac ? [appMenu, fileMenu, editMenu, viewMenu, windowMenu, helpMenu] : [fileMenu, editMenu, viewMenu, helpMenu]
}
