import type { MessageKey, Translate } from './i18n/messages'
import type { MenuCommand } from './menu-commands'
import { SHORTCUTS, type ShortcutId, type ShortcutSpec } from './shortcuts'

/**
 * Every command the analyst can name, in one table: the command palette lists it, the toolbar and
 * the native menus take their names from it, and a row with a `shortcut` shows the keys of that row
 * of the shortcut table. The renderer binds each id to what it does (commands/use-commands.ts); a
 * command the page cannot carry out right now (no article open) says so rather than vanishing.
 */
export interface CommandSpec {
  readonly id: string
  /** Its name in the catalogs (`commands:<id>`): the palette, the toolbar and the menus translate it. */
  readonly title: MessageKey
  /** The heading of the palette section and the toolbar group it belongs to. */
  readonly group: CommandGroup
  /** Its row in the shortcut table, when it has keys. */
  readonly shortcut?: ShortcutId
  /** The native menu item that carries it out in the desktop app. */
  readonly menu?: MenuCommand
  /** Other words the palette matches it by (English search terms, besides the translated title and group). */
  readonly keywords?: string
}

export type CommandGroup = 'File' | 'Case' | 'Article' | 'Highlights' | 'Notes' | 'View' | 'Help'

/** The palette's section headings, translated. */
export const COMMAND_GROUP_LABELS: Readonly<Record<CommandGroup, MessageKey>> = {
  File: 'commands:group.File',
  Case: 'commands:group.Case',
  Article: 'commands:group.Article',
  Highlights: 'commands:group.Highlights',
  Notes: 'commands:group.Notes',
  View: 'commands:group.View',
  Help: 'commands:group.Help'
}

export const COMMANDS = [
  { id: 'file.import', title: 'commands:file.import', group: 'File', shortcut: 'file.import', menu: 'import' },
  { id: 'file.importFolder', title: 'commands:file.importFolder', group: 'File', shortcut: 'file.importFolder', menu: 'import-folder' },
  { id: 'file.pasteImport', title: 'commands:file.pasteImport', group: 'File', shortcut: 'file.pasteImport', menu: 'paste-import', keywords: 'clipboard paste' },
  { id: 'file.export', title: 'commands:file.export', group: 'File', shortcut: 'file.export', menu: 'export', keywords: 'obsidian csv annotations' },
  { id: 'file.trash', title: 'commands:file.trash', group: 'File', shortcut: 'file.trash', menu: 'trash', keywords: 'deleted restore' },
  { id: 'file.restoreBackup', title: 'commands:file.restoreBackup', group: 'File', shortcut: 'file.restoreBackup', menu: 'restore-backup' },
  { id: 'app.settings', title: 'commands:app.settings', group: 'File', shortcut: 'app.settings', menu: 'settings', keywords: 'preferences font export folder' },
  { id: 'app.connectBrowser', title: 'commands:app.connectBrowser', group: 'File', keywords: 'extension capture save page pair chrome edge brave firefox' },
  { id: 'case.new', title: 'commands:case.new', group: 'Case', keywords: 'investigation create' },
  { id: 'case.switch', title: 'commands:case.switch', group: 'Case', keywords: 'open investigation' },
  { id: 'case.rename', title: 'commands:case.rename', group: 'Case' },
  { id: 'case.allLibrary', title: 'commands:case.allLibrary', group: 'Case', keywords: 'close case' },
  { id: 'case.addArticle', title: 'commands:case.addArticle', group: 'Case', keywords: 'include' },
  { id: 'case.exportManifest', title: 'commands:case.exportManifest', group: 'Case', keywords: 'provenance hashes csv json' },
  { id: 'case.brief', title: 'commands:case.brief', group: 'Case', keywords: 'report citations footnotes word docx markdown html pdf' },
  { id: 'claim.new', title: 'commands:claim.new', group: 'Case', keywords: 'statement' },
  { id: 'article.trash', title: 'commands:article.trash', group: 'Article', keywords: 'delete remove' },
  { id: 'labels.edit', title: 'commands:labels.edit', group: 'Highlights', keywords: 'colours colors' },
  { id: 'reader.toggleEntities', title: 'commands:reader.toggleEntities', group: 'Article', shortcut: 'reader.toggleEntities', keywords: 'people organisations places names underline' },
  { id: 'reader.addEntity', title: 'commands:reader.addEntity', group: 'Article', shortcut: 'reader.addEntity', keywords: 'person organisation place name mention' },
  { id: 'view.entities', title: 'commands:view.entities', group: 'View', keywords: 'people organisations places watch list' },
  { id: 'view.timeline', title: 'commands:view.timeline', group: 'View', keywords: 'events dates chronology' },
  { id: 'reader.togglePageView', title: 'commands:reader.togglePageView', group: 'Article', shortcut: 'reader.togglePageView', keywords: 'pdf layout original pages' },
  { id: 'highlight.addToTimeline', title: 'commands:highlight.addToTimeline', group: 'Highlights', shortcut: 'highlight.addToTimeline', keywords: 'event date chronology' },
  { id: 'highlight.next', title: 'commands:highlight.next', group: 'Highlights', shortcut: 'highlight.next' },
  { id: 'highlight.previous', title: 'commands:highlight.previous', group: 'Highlights', shortcut: 'highlight.previous' },
  { id: 'highlight.openNote', title: 'commands:highlight.openNote', group: 'Highlights', shortcut: 'highlight.openNote' },
  { id: 'highlight.delete', title: 'commands:highlight.delete', group: 'Highlights', shortcut: 'highlight.delete' },
  { id: 'highlight.grade', title: 'commands:highlight.grade', group: 'Highlights', shortcut: 'highlight.credibility', keywords: 'admiralty grade 1 2 3 4 5 6' },
  { id: 'highlight.ungrade', title: 'commands:highlight.ungrade', group: 'Highlights', shortcut: 'highlight.clearCredibility', keywords: 'ungraded' },
  { id: 'highlight.addToClaim', title: 'commands:highlight.addToClaim', group: 'Highlights', shortcut: 'highlight.addToClaim', keywords: 'evidence supports contradicts' },
  { id: 'highlight.addToMatrix', title: 'commands:highlight.addToMatrix', group: 'Highlights', shortcut: 'highlight.addToMatrix', keywords: 'ach hypotheses evidence row' },
  { id: 'highlight.undoDelete', title: 'commands:highlight.undoDelete', group: 'Highlights', shortcut: 'highlight.undoDelete', keywords: 'undo' },
  { id: 'notes.insertQuote', title: 'commands:notes.insertQuote', group: 'Notes', shortcut: 'notes.insertQuote' },
  { id: 'search.focus', title: 'commands:search.focus', group: 'View', shortcut: 'search.focus', keywords: 'find' },
  { id: 'view.library', title: 'commands:view.library', group: 'View' },
  { id: 'view.cases', title: 'commands:view.cases', group: 'View' },
  { id: 'view.sources', title: 'commands:view.sources', group: 'View', keywords: 'reliability grades' },
  { id: 'view.claims', title: 'commands:view.claims', group: 'View', keywords: 'evidence warnings' },
  { id: 'view.hypotheses', title: 'commands:view.hypotheses', group: 'View', keywords: 'ach competing hypotheses matrix' },
  { id: 'view.toggleSidePanel', title: 'commands:view.toggleSidePanel', group: 'View', keywords: 'library collapse' },
  { id: 'view.widenSidePanel', title: 'commands:view.widenSidePanel', group: 'View', keywords: 'maximize full width matrix timeline' },
  { id: 'view.highlights', title: 'commands:view.highlights', group: 'View' },
  { id: 'view.note', title: 'commands:view.note', group: 'View' },
  { id: 'view.notebook', title: 'commands:view.notebook', group: 'View' },
  { id: 'theme.light', title: 'commands:theme.light', group: 'View', keywords: 'appearance colour' },
  { id: 'theme.dark', title: 'commands:theme.dark', group: 'View', keywords: 'appearance colour night' },
  { id: 'theme.system', title: 'commands:theme.system', group: 'View', keywords: 'appearance colour auto' },
  { id: 'help.verifyLibrary', title: 'commands:help.verifyLibrary', group: 'Help', shortcut: 'help.verifyLibrary', menu: 'verify-library', keywords: 'hash provenance integrity check' },
  { id: 'app.commandPalette', title: 'commands:app.commandPalette', group: 'Help', shortcut: 'app.commandPalette', menu: 'command-palette' },
  { id: 'help.shortcuts', title: 'commands:help.shortcuts', group: 'Help', shortcut: 'help.shortcuts', menu: 'shortcuts' }
] as const satisfies readonly CommandSpec[]

export type CommandId = (typeof COMMANDS)[number]['id']

export function command(id: CommandId): CommandSpec {
  return COMMANDS.find((c) => c.id === id)!
}

/** The name of the command a native menu item carries out, in the menu's language. */
export function menuCommandTitle(menu: MenuCommand, t: Translate): string {
  const row = (COMMANDS as readonly CommandSpec[]).find((c) => c.menu === menu)
  if (!row) throw new Error(`menu command ${menu} has no row in src/shared/commands.ts`)
  return t(row.title)
}

export function commandShortcut(spec: CommandSpec): ShortcutSpec | undefined {
  return spec.shortcut ? (SHORTCUTS as readonly ShortcutSpec[]).find((s) => s.id === spec.shortcut) : undefined
}

/**
 * Palette matching: every word typed appears in the title or group (as the interface shows them),
 * or the keywords, in any order. Case folding follows the interface locale.
 */
export function matchesCommand(spec: CommandSpec, typed: string, t: Translate, locale?: string): boolean {
  const hay = `${t(spec.title)} ${t(COMMAND_GROUP_LABELS[spec.group])} ${spec.keywords ?? ''}`.toLocaleLowerCase(locale)
  return typed
    .toLocaleLowerCase(locale)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => hay.includes(word))
}
