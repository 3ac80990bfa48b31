import type { MessageKey, Translate } from './i18n/messages'
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
  readonly group: ShortcutGroup
  /** What it does, in the catalogs (`commands:shortcut.<id>`). */
  readonly description: MessageKey
  readonly keys: readonly string[]
  /** When it applies, if not always (shown in the sheet). */
  readonly when?: ShortcutContext
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

export type ShortcutGroup = 'File' | 'Reader' | 'PageView' | 'Highlights' | 'Notes' | 'Search' | 'Help'
export type ShortcutContext = 'textSelected' | 'inText' | 'pageView' | 'highlightSelected' | 'noEditor' | 'editor' | 'outsideEditor'

/** The sheet's headings, translated. */
export const SHORTCUT_GROUP_LABELS: Readonly<Record<ShortcutGroup, MessageKey>> = {
  File: 'commands:group.File',
  Reader: 'commands:group.Reader',
  PageView: 'commands:group.PageView',
  Highlights: 'commands:group.Highlights',
  Notes: 'commands:group.Notes',
  Search: 'commands:group.Search',
  Help: 'commands:group.Help'
}

/** When a shortcut applies, as the sheet says it. */
export const SHORTCUT_CONTEXT_LABELS: Readonly<Record<ShortcutContext, MessageKey>> = {
  textSelected: 'commands:when.textSelected',
  inText: 'commands:when.inText',
  pageView: 'commands:when.pageView',
  highlightSelected: 'commands:when.highlightSelected',
  noEditor: 'commands:when.noEditor',
  editor: 'commands:when.editor',
  outsideEditor: 'commands:when.outsideEditor'
}

export const SHORTCUTS = [
  // File
  { id: 'file.import', group: 'File', description: 'commands:shortcut.file.import', keys: ['CmdOrCtrl+O'], menu: 'import' },
  { id: 'file.importFolder', group: 'File', description: 'commands:shortcut.file.importFolder', keys: ['CmdOrCtrl+Alt+O'], menu: 'import-folder' },
  // Not Ctrl+Shift+V: on Windows and Linux that is "paste as plain text" in the note editor.
  { id: 'file.pasteImport', group: 'File', description: 'commands:shortcut.file.pasteImport', keys: ['CmdOrCtrl+Shift+O'], menu: 'paste-import' },
  { id: 'file.export', group: 'File', description: 'commands:shortcut.file.export', keys: ['CmdOrCtrl+Shift+E'], menu: 'export' },
  { id: 'app.settings', group: 'File', description: 'commands:shortcut.app.settings', keys: ['CmdOrCtrl+,'], menu: 'settings' },
  { id: 'file.trash', group: 'File', description: 'commands:shortcut.file.trash', keys: ['CmdOrCtrl+Shift+L'], menu: 'trash' },
  { id: 'file.restoreBackup', group: 'File', description: 'commands:shortcut.file.restoreBackup', keys: ['CmdOrCtrl+Alt+R'], menu: 'restore-backup' },
  // Reader
  { id: 'reader.highlight', group: 'Reader', description: 'commands:shortcut.reader.highlight', keys: ['H'], when: 'textSelected' },
  {
    id: 'reader.highlightWithLabel',
    group: 'Reader',
    description: 'commands:shortcut.reader.highlightWithLabel',
    keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
    when: 'textSelected'
  },
  // The reading cursor: keyboard highlighting, while the article's text has the focus (Tab to it).
  { id: 'reader.nextParagraph', group: 'Reader', description: 'commands:shortcut.reader.nextParagraph', keys: ['ArrowDown', 'ArrowUp'], when: 'inText' },
  { id: 'reader.nextSentence', group: 'Reader', description: 'commands:shortcut.reader.nextSentence', keys: ['ArrowRight', 'ArrowLeft'], when: 'inText' },
  { id: 'reader.extendWord', group: 'Reader', description: 'commands:shortcut.reader.extendWord', keys: ['Shift+ArrowRight', 'Shift+ArrowLeft'], when: 'inText' },
  { id: 'reader.extendSentence', group: 'Reader', description: 'commands:shortcut.reader.extendSentence', keys: ['Shift+ArrowDown', 'Shift+ArrowUp'], when: 'inText' },
  { id: 'reader.extendParagraph', group: 'Reader', description: 'commands:shortcut.reader.extendParagraph', keys: ['Shift+End', 'Shift+Home'], when: 'inText' },
  {
    id: 'reader.selectParagraph',
    group: 'Reader',
    description: 'commands:shortcut.reader.selectParagraph',
    keys: ['CmdOrCtrl+A'],
    when: 'inText',
    sharesRole: 'selectAll'
  },
  { id: 'reader.togglePageView', group: 'Reader', description: 'commands:shortcut.reader.togglePageView', keys: ['CmdOrCtrl+Alt+P'] },
  { id: 'reader.toggleEntities', group: 'Reader', description: 'commands:shortcut.reader.toggleEntities', keys: ['CmdOrCtrl+Alt+M'] },
  { id: 'reader.addEntity', group: 'Reader', description: 'commands:shortcut.reader.addEntity', keys: ['CmdOrCtrl+Alt+N'], when: 'textSelected' },
  { id: 'pages.next', group: 'PageView', description: 'commands:shortcut.pages.next', keys: ['PageDown', 'PageUp'], when: 'pageView' },
  { id: 'pages.goTo', group: 'PageView', description: 'commands:shortcut.pages.goTo', keys: ['CmdOrCtrl+Alt+G'], when: 'pageView' },
  { id: 'pages.zoom', group: 'PageView', description: 'commands:shortcut.pages.zoom', keys: ['+', '-'], when: 'pageView' },
  { id: 'pages.fitWidth', group: 'PageView', description: 'commands:shortcut.pages.fitWidth', keys: ['W'], when: 'pageView' },
  // Highlights
  { id: 'highlight.next', group: 'Highlights', description: 'commands:shortcut.highlight.next', keys: [']'] },
  { id: 'highlight.previous', group: 'Highlights', description: 'commands:shortcut.highlight.previous', keys: ['['] },
  { id: 'highlight.openNote', group: 'Highlights', description: 'commands:shortcut.highlight.openNote', keys: ['N'], when: 'highlightSelected' },
  { id: 'highlight.delete', group: 'Highlights', description: 'commands:shortcut.highlight.delete', keys: ['Delete', 'Backspace'], when: 'highlightSelected' },
  // Not the digits alone: 1–9 put a label on selected text. Alt+digit is the same key with Alt on
  // every layout (macOS types a symbol; the physical key decides, see matchesChord).
  {
    id: 'highlight.credibility',
    group: 'Highlights',
    description: 'commands:shortcut.highlight.credibility',
    keys: ['Alt+1', 'Alt+2', 'Alt+3', 'Alt+4', 'Alt+5', 'Alt+6'],
    when: 'highlightSelected'
  },
  { id: 'highlight.clearCredibility', group: 'Highlights', description: 'commands:shortcut.highlight.clearCredibility', keys: ['Alt+0'], when: 'highlightSelected' },
  { id: 'highlight.addToTimeline', group: 'Highlights', description: 'commands:shortcut.highlight.addToTimeline', keys: ['CmdOrCtrl+Alt+T'], when: 'highlightSelected' },
  { id: 'highlight.addToClaim', group: 'Highlights', description: 'commands:shortcut.highlight.addToClaim', keys: ['CmdOrCtrl+Alt+E'], when: 'highlightSelected' },
  { id: 'highlight.addToMatrix', group: 'Highlights', description: 'commands:shortcut.highlight.addToMatrix', keys: ['CmdOrCtrl+Alt+A'], when: 'highlightSelected' },
  { id: 'highlight.undoDelete', group: 'Highlights', description: 'commands:shortcut.highlight.undoDelete', keys: ['CmdOrCtrl+Z'], sharesRole: 'undo', when: 'noEditor' },
  // Notes (the note and notebook editors)
  { id: 'notes.insertQuote', group: 'Notes', description: 'commands:shortcut.notes.insertQuote', keys: ['CmdOrCtrl+Alt+Q'] },
  // Not Cmd+Alt+H: on macOS that is Hide Others.
  { id: 'notes.history', group: 'Notes', description: 'commands:shortcut.notes.history', keys: ['CmdOrCtrl+Shift+H'] },
  { id: 'notes.link', group: 'Notes', description: 'commands:shortcut.notes.link', keys: ['CmdOrCtrl+K'], when: 'editor' },
  { id: 'notes.heading', group: 'Notes', description: 'commands:shortcut.notes.heading', keys: ['CmdOrCtrl+Alt+1', 'CmdOrCtrl+Alt+2', 'CmdOrCtrl+Alt+3'], when: 'editor' },
  { id: 'notes.paragraph', group: 'Notes', description: 'commands:shortcut.notes.paragraph', keys: ['CmdOrCtrl+Alt+0'], when: 'editor' },
  { id: 'notes.numberedList', group: 'Notes', description: 'commands:shortcut.notes.numberedList', keys: ['CmdOrCtrl+Alt+7'], when: 'editor' },
  { id: 'notes.bulletList', group: 'Notes', description: 'commands:shortcut.notes.bulletList', keys: ['CmdOrCtrl+Alt+8'], when: 'editor' },
  { id: 'notes.checkList', group: 'Notes', description: 'commands:shortcut.notes.checkList', keys: ['CmdOrCtrl+Alt+9'], when: 'editor' },
  { id: 'notes.codeBlock', group: 'Notes', description: 'commands:shortcut.notes.codeBlock', keys: ['CmdOrCtrl+Alt+C'], when: 'editor' },
  // Search
  {
    id: 'search.focus',
    group: 'Search',
    description: 'commands:shortcut.search.focus',
    keys: ['CmdOrCtrl+K', '/'],
    when: 'outsideEditor',
    outsideEditors: true
  },
  // Help
  { id: 'app.commandPalette', group: 'Help', description: 'commands:shortcut.app.commandPalette', keys: ['CmdOrCtrl+Shift+P'], menu: 'command-palette' },
  { id: 'help.verifyLibrary', group: 'Help', description: 'commands:shortcut.help.verifyLibrary', keys: ['CmdOrCtrl+Alt+V'], menu: 'verify-library' },
  { id: 'help.shortcuts', group: 'Help', description: 'commands:shortcut.help.shortcuts', keys: ['CmdOrCtrl+/', '?'], menu: 'shortcuts' }
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
    for (const key of spec.keys) if (matchesChord(event, chordOf(key))) return { spec, key }
  }
  return null
}

/**
 * Each accelerator parsed once: every key typed in a note reaches each window-wide shortcut
 * listener, which would otherwise split and lower-case the whole table's accelerators per key.
 */
const parsedChords = new Map<string, Readonly<Chord>>()
function chordOf(accelerator: string): Readonly<Chord> {
  let chord = parsedChords.get(accelerator)
  if (!chord) parsedChords.set(accelerator, (chord = Object.freeze(parseChord(accelerator))))
  return chord
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

/**
 * The keys of a shortcut for a tooltip: `Ctrl/⌘ Alt 1–3`, or `? or Ctrl/⌘ /`, the alternatives
 * joined in the interface's language (a required `t`: an English "or" in a French tooltip was a bug).
 */
export function keyHint(id: ShortcutId, t: Translate): string {
  return joinAlternatives(describeKeys(shortcut(id).keys), t)
}

/** Alternatives (keys) joined by "or" in the interface's language. */
export function joinAlternatives(items: readonly string[], t: Translate): string {
  if (items.length === 0) return ''
  return items.reduce((first, second) => t('commands:keys.or', { first, second }))
}

/** The rows grouped for the sheet, in table order. */
export function shortcutGroups(rows: readonly ShortcutSpec[] = SHORTCUTS): { group: ShortcutGroup; rows: ShortcutSpec[] }[] {
  const groups: { group: ShortcutGroup; rows: ShortcutSpec[] }[] = []
  for (const row of rows) {
    const existing = groups.find((g) => g.group === row.group)
    if (existing) existing.rows.push(row)
    else groups.push({ group: row.group, rows: [row] })
  }
  return groups
}
