import type { MenuCommand } from './menu-commands'

/**
 * Every keyboard shortcut of Dossier, in one table. The renderer binds from it (useShortcuts),
 * main's menu takes its accelerators from it, and Help > Keyboard Shortcuts lists it, so the
 * three cannot disagree. To add a shortcut, add a row here and bind its id in the renderer.
 *
 * Keys use Electron's accelerator syntax: `CmdOrCtrl`, `Shift` and `Alt` modifiers, then one key.
 * A row with several keys fires on any of them.
 */
export interface ShortcutSpec {
  readonly id: string
  /** The heading it is listed under in the shortcut sheet. */
  readonly group: string
  readonly description: string
  readonly keys: readonly string[]
  /** When it applies, if not always (shown in the sheet). */
  readonly when?: string
  /**
   * A menu command: in the desktop app the menu item carries the accelerator, so the page binds
   * it only in the browser shell, which has no menu.
   */
  readonly menu?: MenuCommand
  /**
   * The Edit-menu role whose chord this shares on purpose: the page's Undo while no editor has
   * focus is the same gesture as Edit > Undo, not a clash.
   */
  readonly sharesRole?: 'undo' | 'selectAll'
  /**
   * Never fires while typing in a field or editor, chords included: there the same chord may
   * belong to the editor (Ctrl/⌘ K links in a note, and searches everywhere else).
   */
  readonly outsideEditors?: true
}

export const SHORTCUTS = [
  // File
  { id: 'file.import', group: 'File', description: 'Import files', keys: ['CmdOrCtrl+O'], menu: 'import' },
  { id: 'file.importFolder', group: 'File', description: 'Import a folder', keys: ['CmdOrCtrl+Alt+O'], menu: 'import-folder' },
  // Not Ctrl+Shift+V: on Windows and Linux that is "paste as plain text" in the note editor.
  { id: 'file.pasteImport', group: 'File', description: 'Import the clipboard’s text', keys: ['CmdOrCtrl+Shift+O'], menu: 'paste-import' },
  { id: 'file.export', group: 'File', description: 'Export Markdown', keys: ['CmdOrCtrl+Shift+E'], menu: 'export' },
  { id: 'app.settings', group: 'File', description: 'Settings', keys: ['CmdOrCtrl+,'], menu: 'settings' },
  { id: 'file.trash', group: 'File', description: 'Show the Trash: restore deleted articles and highlights', keys: ['CmdOrCtrl+Shift+L'], menu: 'trash' },
  { id: 'file.restoreBackup', group: 'File', description: 'Restore from a backup', keys: ['CmdOrCtrl+Alt+R'], menu: 'restore-backup' },
  // Reader
  { id: 'reader.highlight', group: 'Reader', description: 'Highlight the selection with the first label', keys: ['H'], when: 'text selected' },
  {
    id: 'reader.highlightWithLabel',
    group: 'Reader',
    description: 'Highlight the selection with the label in that place',
    keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
    when: 'text selected'
  },
  // The reading cursor: keyboard highlighting, while the article's text has the focus (Tab to it).
  { id: 'reader.nextParagraph', group: 'Reader', description: 'Reading cursor to the next or previous paragraph', keys: ['ArrowDown', 'ArrowUp'], when: 'in the text' },
  { id: 'reader.nextSentence', group: 'Reader', description: 'Reading cursor to the next or previous sentence', keys: ['ArrowRight', 'ArrowLeft'], when: 'in the text' },
  { id: 'reader.extendWord', group: 'Reader', description: 'Select from the cursor, a word at a time (forward or back)', keys: ['Shift+ArrowRight', 'Shift+ArrowLeft'], when: 'in the text' },
  { id: 'reader.extendSentence', group: 'Reader', description: 'Select from the cursor, a sentence at a time (forward or back)', keys: ['Shift+ArrowDown', 'Shift+ArrowUp'], when: 'in the text' },
  { id: 'reader.extendParagraph', group: 'Reader', description: 'Select to the end or the start of the paragraph', keys: ['Shift+End', 'Shift+Home'], when: 'in the text' },
  {
    id: 'reader.selectParagraph',
    group: 'Reader',
    description: 'Select the paragraph at the cursor (never the whole page)',
    keys: ['CmdOrCtrl+A'],
    when: 'in the text',
    sharesRole: 'selectAll'
  },
  { id: 'reader.togglePageView', group: 'Reader', description: 'Switch a PDF between the Text and the Page view', keys: ['CmdOrCtrl+Alt+P'] },
  { id: 'reader.toggleEntities', group: 'Reader', description: 'Underline the entities found in the text (people, organisations, places, identifiers)', keys: ['CmdOrCtrl+Alt+M'] },
  { id: 'reader.addEntity', group: 'Reader', description: 'Add the selected words as an entity, or as a mention of one', keys: ['CmdOrCtrl+Alt+N'], when: 'text selected' },
  { id: 'pages.next', group: 'Page view', description: 'Next or previous page', keys: ['PageDown', 'PageUp'], when: 'in the Page view' },
  { id: 'pages.goTo', group: 'Page view', description: 'Go to a page by its number', keys: ['CmdOrCtrl+Alt+G'], when: 'in the Page view' },
  { id: 'pages.zoom', group: 'Page view', description: 'Zoom in or out', keys: ['+', '-'], when: 'in the Page view' },
  { id: 'pages.fitWidth', group: 'Page view', description: 'Fit the page to the width', keys: ['W'], when: 'in the Page view' },
  // Highlights
  { id: 'highlight.next', group: 'Highlights', description: 'Next highlight', keys: [']'] },
  { id: 'highlight.previous', group: 'Highlights', description: 'Previous highlight', keys: ['['] },
  { id: 'highlight.openNote', group: 'Highlights', description: 'Write the note of the selected highlight', keys: ['N'], when: 'a highlight selected' },
  { id: 'highlight.delete', group: 'Highlights', description: 'Delete the selected highlight', keys: ['Delete', 'Backspace'], when: 'a highlight selected' },
  // Not the digits alone: 1–9 put a label on selected text. Alt+digit is the same key with Alt on
  // every layout (macOS types a symbol; the physical key decides, see matchesChord).
  {
    id: 'highlight.credibility',
    group: 'Highlights',
    description: 'Information credibility of the selected highlight, 1 (confirmed) to 6 (cannot be judged)',
    keys: ['Alt+1', 'Alt+2', 'Alt+3', 'Alt+4', 'Alt+5', 'Alt+6'],
    when: 'a highlight selected'
  },
  { id: 'highlight.clearCredibility', group: 'Highlights', description: 'Credibility of the selected highlight back to ungraded', keys: ['Alt+0'], when: 'a highlight selected' },
  { id: 'highlight.addToTimeline', group: 'Highlights', description: 'Add the selected highlight to the timeline, dated from its passage', keys: ['CmdOrCtrl+Alt+T'], when: 'a highlight selected' },
  { id: 'highlight.addToClaim', group: 'Highlights', description: 'Link the selected highlight to a claim of the case as evidence', keys: ['CmdOrCtrl+Alt+E'], when: 'a highlight selected' },
  { id: 'highlight.addToMatrix', group: 'Highlights', description: "Add the selected highlight to the case's hypotheses matrix as evidence", keys: ['CmdOrCtrl+Alt+A'], when: 'a highlight selected' },
  { id: 'highlight.undoDelete', group: 'Highlights', description: 'Bring back the last deleted highlight', keys: ['CmdOrCtrl+Z'], sharesRole: 'undo', when: 'no editor focused' },
  // Notes (the note and notebook editors)
  { id: 'notes.insertQuote', group: 'Notes', description: 'Insert a quote of a highlight into the notebook', keys: ['CmdOrCtrl+Alt+Q'] },
  // Not Cmd+Alt+H: on macOS that is Hide Others.
  { id: 'notes.history', group: 'Notes', description: 'History: earlier versions of the note or notebook', keys: ['CmdOrCtrl+Shift+H'] },
  { id: 'notes.link', group: 'Notes', description: 'Link the selected words', keys: ['CmdOrCtrl+K'], when: 'in an editor' },
  { id: 'notes.heading', group: 'Notes', description: 'Heading 1–3 (or type # and a space)', keys: ['CmdOrCtrl+Alt+1', 'CmdOrCtrl+Alt+2', 'CmdOrCtrl+Alt+3'], when: 'in an editor' },
  { id: 'notes.paragraph', group: 'Notes', description: 'Plain paragraph', keys: ['CmdOrCtrl+Alt+0'], when: 'in an editor' },
  { id: 'notes.numberedList', group: 'Notes', description: 'Numbered list (or type 1. and a space)', keys: ['CmdOrCtrl+Alt+7'], when: 'in an editor' },
  { id: 'notes.bulletList', group: 'Notes', description: 'Bulleted list (or type - and a space)', keys: ['CmdOrCtrl+Alt+8'], when: 'in an editor' },
  { id: 'notes.checkList', group: 'Notes', description: 'Check list (or type [ ] and a space)', keys: ['CmdOrCtrl+Alt+9'], when: 'in an editor' },
  { id: 'notes.codeBlock', group: 'Notes', description: 'Code block (or type ``` and a space)', keys: ['CmdOrCtrl+Alt+C'], when: 'in an editor' },
  // Search
  {
    id: 'search.focus',
    group: 'Search',
    description: 'Search titles, text, highlights and notes',
    keys: ['CmdOrCtrl+K', '/'],
    when: 'outside an editor',
    outsideEditors: true
  },
  // Help
  { id: 'app.commandPalette', group: 'Help', description: 'Command palette: every command, by name', keys: ['CmdOrCtrl+Shift+P'], menu: 'command-palette' },
  { id: 'help.verifyLibrary', group: 'Help', description: 'Verify the library: every original against its hash, and the activity log', keys: ['CmdOrCtrl+Alt+V'], menu: 'verify-library' },
  { id: 'help.shortcuts', group: 'Help', description: 'Show keyboard shortcuts', keys: ['CmdOrCtrl+/', '?'], menu: 'shortcuts' }
] as const satisfies readonly ShortcutSpec[]

export type ShortcutId = (typeof SHORTCUTS)[number]['id']

export function shortcut(id: ShortcutId): ShortcutSpec {
  return SHORTCUTS.find((s) => s.id === id)!
}

/** The accelerator of a menu command (its first key), or undefined when it has none. */
export function menuAccelerator(command: MenuCommand): string | undefined {
  return (SHORTCUTS as readonly ShortcutSpec[]).find((s) => s.menu === command)?.keys[0]
}

export interface Chord {
  mod: boolean
  shift: boolean
  alt: boolean
  /** Lower-case for single characters, as written otherwise (`Delete`). */
  key: string
}

export function parseChord(accelerator: string): Chord {
  const parts = accelerator.split('+')
  // `CmdOrCtrl+Plus` style names aside, a trailing empty part means the key is `+` itself.
  const key = parts.pop() || '+'
  const mods = new Set(parts.map((p) => p.toLowerCase()))
  return {
    mod: mods.has('cmdorctrl') || mods.has('commandorcontrol'),
    shift: mods.has('shift'),
    alt: mods.has('alt') || mods.has('option'),
    key: key.length === 1 ? key.toLowerCase() : key
  }
}

/** A chord is typed text when it has no Ctrl/Cmd or Alt: it must never fire inside a field or editor. */
export function isSingleKey(accelerator: string): boolean {
  const chord = parseChord(accelerator)
  return !chord.mod && !chord.alt
}

export interface KeyLike {
  key: string
  code?: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

/**
 * Whether a key event is this chord. Symbols (`?`, `[`, `/`) already carry Shift in the
 * character typed, so Shift is not compared for them; for letters, digits and named keys it is.
 * With Alt held, macOS types another character (⌥O is ø), so the physical key decides then.
 */
export function matchesChord(event: KeyLike, chord: Chord): boolean {
  if ((event.ctrlKey || event.metaKey) !== chord.mod || event.altKey !== chord.alt) return false
  let key = event.key.length === 1 ? event.key.toLowerCase() : event.key
  if (event.altKey && event.code) {
    const physical = /^(?:Key([A-Z])|Digit([0-9]))$/.exec(event.code)
    if (physical) key = (physical[1] ?? physical[2])!.toLowerCase()
  }
  if (key !== chord.key) return false
  const symbol = chord.key.length === 1 && !/[a-z0-9]/.test(chord.key)
  return symbol || event.shiftKey === chord.shift
}

/** The shortcut a key event triggers, if any, among the given rows. */
export function findShortcut<S extends ShortcutSpec>(event: KeyLike, rows: readonly S[]): { spec: S; key: string } | null {
  for (const spec of rows) {
    for (const key of spec.keys) if (matchesChord(event, parseChord(key))) return { spec, key }
  }
  return null
}

const ARROWS: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', PageDown: 'PgDn', PageUp: 'PgUp' }

/**
 * One chord as Dossier writes it everywhere (the sheet, tooltips, the README): `Ctrl/⌘ Shift E`,
 * `Ctrl/⌘ Alt 1`, `H`. One spelling on every platform, so the docs and the app agree.
 */
export function formatKeys(accelerator: string): string {
  const chord = parseChord(accelerator)
  const key = chord.key.length === 1 ? chord.key.toUpperCase() : (ARROWS[chord.key] ?? chord.key)
  return [chord.mod ? 'Ctrl/⌘' : '', chord.alt ? 'Alt' : '', chord.shift ? 'Shift' : '', key].filter(Boolean).join(' ')
}

/**
 * Every key of a row, written as in formatKeys, with a run of digits under the same modifiers
 * folded into a range (`1–9`, `Ctrl/⌘ Alt 1–3`): the alternatives of one row, in table order.
 */
export function describeKeys(keys: readonly string[]): string[] {
  const out: string[] = []
  let i = 0
  while (i < keys.length) {
    const first = parseChord(keys[i]!)
    let j = i
    while (j + 1 < keys.length && /^[0-9]$/.test(first.key)) {
      const next = parseChord(keys[j + 1]!)
      const prev = parseChord(keys[j]!)
      const sameMods = next.mod === first.mod && next.alt === first.alt && next.shift === first.shift
      if (!sameMods || !/^[0-9]$/.test(next.key) || Number(next.key) !== Number(prev.key) + 1) break
      j++
    }
    if (j - i >= 2) out.push(`${formatKeys(keys[i]!)}–${parseChord(keys[j]!).key}`)
    else for (let k = i; k <= j; k++) out.push(formatKeys(keys[k]!))
    i = j + 1
  }
  return out
}

/** The keys of a shortcut for a tooltip: `Ctrl/⌘ Alt 1–3`, or `? or Ctrl/⌘ /`. */
export function keyHint(id: ShortcutId): string {
  return describeKeys(shortcut(id).keys).join(' or ')
}

/** The rows grouped for the sheet, in table order. */
export function shortcutGroups(rows: readonly ShortcutSpec[] = SHORTCUTS): { group: string; rows: ShortcutSpec[] }[] {
  const groups: { group: string; rows: ShortcutSpec[] }[] = []
  for (const row of rows) {
    const existing = groups.find((g) => g.group === row.group)
    if (existing) existing.rows.push(row)
    else groups.push({ group: row.group, rows: [row] })
  }
  return groups
}
