/**
 * Commands a menu item (or its shortcut) asks the app to carry out. Shared by the contract's
 * AppEvent, the menu template and the shortcut table, so all three name the same set.
 */
export const MENU_COMMANDS = ['import', 'import-folder', 'paste-import', 'export', 'settings', 'shortcuts', 'trash', 'restore-backup', 'command-palette', 'verify-library'] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]
