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
  readonly title: string
  /** The heading of the palette section and the toolbar group it belongs to. */
  readonly group: 'File' | 'Case' | 'Article' | 'Highlights' | 'Notes' | 'View' | 'Help'
  /** Its row in the shortcut table, when it has keys. */
  readonly shortcut?: ShortcutId
  /** The native menu item that carries it out in the desktop app. */
  readonly menu?: MenuCommand
  /** Other words the palette matches it by. */
  readonly keywords?: string
}

export const COMMANDS = [
  { id: 'file.import', title: 'Import Files…', group: 'File', shortcut: 'file.import', menu: 'import' },
  { id: 'file.importFolder', title: 'Import Folder…', group: 'File', shortcut: 'file.importFolder', menu: 'import-folder' },
  { id: 'file.pasteImport', title: 'Import Pasted Text…', group: 'File', shortcut: 'file.pasteImport', menu: 'paste-import', keywords: 'clipboard paste' },
  { id: 'file.export', title: 'Export Markdown…', group: 'File', shortcut: 'file.export', menu: 'export', keywords: 'obsidian csv annotations' },
  { id: 'file.trash', title: 'Trash…', group: 'File', shortcut: 'file.trash', menu: 'trash', keywords: 'deleted restore' },
  { id: 'file.restoreBackup', title: 'Restore from Backup…', group: 'File', shortcut: 'file.restoreBackup', menu: 'restore-backup' },
  { id: 'app.settings', title: 'Settings…', group: 'File', shortcut: 'app.settings', menu: 'settings', keywords: 'preferences font export folder' },
  { id: 'app.connectBrowser', title: 'Connect Browser…', group: 'File', keywords: 'extension capture save page pair chrome edge brave firefox' },
  { id: 'case.new', title: 'New Case…', group: 'Case', keywords: 'investigation create' },
  { id: 'case.switch', title: 'Switch Case…', group: 'Case', keywords: 'open investigation' },
  { id: 'case.rename', title: 'Rename Case…', group: 'Case' },
  { id: 'case.allLibrary', title: 'Show All Library (No Case)', group: 'Case', keywords: 'close case' },
  { id: 'case.addArticle', title: 'Add Article to Case', group: 'Case', keywords: 'include' },
  { id: 'case.exportManifest', title: 'Export Evidence Manifest…', group: 'Case', keywords: 'provenance hashes csv json' },
  { id: 'case.brief', title: 'Check and Export Brief…', group: 'Case', keywords: 'report citations footnotes word docx markdown html pdf' },
  { id: 'claim.new', title: 'New Claim…', group: 'Case', keywords: 'statement' },
  { id: 'article.trash', title: 'Move Article to Trash', group: 'Article', keywords: 'delete remove' },
  { id: 'labels.edit', title: 'Labels…', group: 'Highlights', keywords: 'colours colors' },
  { id: 'reader.toggleEntities', title: 'Show / Hide Entity Mentions', group: 'Article', shortcut: 'reader.toggleEntities', keywords: 'people organisations places names underline' },
  { id: 'reader.addEntity', title: 'Add Selection as Entity…', group: 'Article', shortcut: 'reader.addEntity', keywords: 'person organisation place name mention' },
  { id: 'view.entities', title: 'Show Entities', group: 'View', keywords: 'people organisations places watch list' },
  { id: 'view.timeline', title: 'Show Timeline', group: 'View', keywords: 'events dates chronology' },
  { id: 'reader.togglePageView', title: 'Switch Text / Page View', group: 'Article', shortcut: 'reader.togglePageView', keywords: 'pdf layout original pages' },
  { id: 'highlight.addToTimeline', title: 'Add Selected Highlight to Timeline', group: 'Highlights', shortcut: 'highlight.addToTimeline', keywords: 'event date chronology' },
  { id: 'highlight.next', title: 'Next Highlight', group: 'Highlights', shortcut: 'highlight.next' },
  { id: 'highlight.previous', title: 'Previous Highlight', group: 'Highlights', shortcut: 'highlight.previous' },
  { id: 'highlight.openNote', title: 'Write Note of Selected Highlight', group: 'Highlights', shortcut: 'highlight.openNote' },
  { id: 'highlight.delete', title: 'Delete Selected Highlight', group: 'Highlights', shortcut: 'highlight.delete' },
  { id: 'highlight.grade', title: 'Grade Credibility of Selected Highlight…', group: 'Highlights', shortcut: 'highlight.credibility', keywords: 'admiralty grade 1 2 3 4 5 6' },
  { id: 'highlight.ungrade', title: 'Clear Credibility of Selected Highlight', group: 'Highlights', shortcut: 'highlight.clearCredibility', keywords: 'ungraded' },
  { id: 'highlight.addToClaim', title: 'Add Selected Highlight to a Claim…', group: 'Highlights', shortcut: 'highlight.addToClaim', keywords: 'evidence supports contradicts' },
  { id: 'highlight.addToMatrix', title: 'Add Selected Highlight to Matrix', group: 'Highlights', shortcut: 'highlight.addToMatrix', keywords: 'ach hypotheses evidence row' },
  { id: 'highlight.undoDelete', title: 'Bring Back Deleted Highlight', group: 'Highlights', shortcut: 'highlight.undoDelete', keywords: 'undo' },
  { id: 'notes.insertQuote', title: 'Insert Quote into Notebook…', group: 'Notes', shortcut: 'notes.insertQuote' },
  { id: 'search.focus', title: 'Search…', group: 'View', shortcut: 'search.focus', keywords: 'find' },
  { id: 'view.library', title: 'Show Library', group: 'View' },
  { id: 'view.cases', title: 'Show Cases', group: 'View' },
  { id: 'view.sources', title: 'Show Sources', group: 'View', keywords: 'reliability grades' },
  { id: 'view.claims', title: 'Show Claims', group: 'View', keywords: 'evidence warnings' },
  { id: 'view.hypotheses', title: 'Show Hypotheses', group: 'View', keywords: 'ach competing hypotheses matrix' },
  { id: 'view.toggleSidePanel', title: 'Show or Hide Side Panel', group: 'View', keywords: 'library collapse' },
  { id: 'view.highlights', title: 'Show Highlights Tab', group: 'View' },
  { id: 'view.note', title: 'Show Note Tab', group: 'View' },
  { id: 'view.notebook', title: 'Show Notebook Tab', group: 'View' },
  { id: 'theme.light', title: 'Theme: Light', group: 'View', keywords: 'appearance colour' },
  { id: 'theme.dark', title: 'Theme: Dark', group: 'View', keywords: 'appearance colour night' },
  { id: 'theme.system', title: 'Theme: System', group: 'View', keywords: 'appearance colour auto' },
  { id: 'help.verifyLibrary', title: 'Verify Library…', group: 'Help', shortcut: 'help.verifyLibrary', menu: 'verify-library', keywords: 'hash provenance integrity check' },
  { id: 'app.commandPalette', title: 'Command Palette…', group: 'Help', shortcut: 'app.commandPalette', menu: 'command-palette' },
  { id: 'help.shortcuts', title: 'Keyboard Shortcuts', group: 'Help', shortcut: 'help.shortcuts', menu: 'shortcuts' }
] as const satisfies readonly CommandSpec[]

export type CommandId = (typeof COMMANDS)[number]['id']

export function command(id: CommandId): CommandSpec {
  return COMMANDS.find((c) => c.id === id)!
}

/** The command a native menu item carries out. */
export function menuCommandTitle(menu: MenuCommand): string {
  const row = (COMMANDS as readonly CommandSpec[]).find((c) => c.menu === menu)
  if (!row) throw new Error(`menu command ${menu} has no row in src/shared/commands.ts`)
  return row.title
}

export function commandShortcut(spec: CommandSpec): ShortcutSpec | undefined {
  return spec.shortcut ? (SHORTCUTS as readonly ShortcutSpec[]).find((s) => s.id === spec.shortcut) : undefined
}

/** Palette matching: every word typed appears in the title, group or keywords, in any order. */
export function matchesCommand(spec: CommandSpec, typed: string): boolean {
  const hay = `${spec.title} ${spec.group} ${spec.keywords ?? ''}`.toLowerCase()
  return typed
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => hay.includes(word))
}
