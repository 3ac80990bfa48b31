import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createI18n, translator } from './i18n'
import { MENU_COMMANDS } from './menu-commands'
import {
  SHORTCUTS,
  findShortcut,
  describeKeys,
  formatKeys,
  keyHint,
  isSingleKey,
  matchesChord,
  menuAccelerator,
  parseChord,
  shortcutGroups,
  type KeyLike,
  type ShortcutSpec
} from './shortcuts'

const rows: readonly ShortcutSpec[] = SHORTCUTS
const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods })

describe('the shortcut table', () => {
  it('has unique ids and no chord bound twice', () => {
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length)
    // A chord may be shared only between a row that stays out of editors and one that lives in them.
    const contexts = (r: ShortcutSpec) => (r.outsideEditors ? ['outside'] : r.when === 'editor' ? ['editor'] : ['outside', 'editor'])
    const chords = rows.flatMap((r) => r.keys.flatMap((k) => contexts(r).map((c) => `${c} ${JSON.stringify(parseChord(k))}`)))
    expect(chords.filter((c, i) => chords.indexOf(c) !== i)).toEqual([])
  })

  it('gives every menu command exactly one row with a modifier chord first', () => {
    for (const command of MENU_COMMANDS) {
      expect(rows.filter((r) => r.menu === command), command).toHaveLength(1)
      expect(isSingleKey(menuAccelerator(command)!), command).toBe(false)
    }
  })

  it('describes every row for the sheet, grouped in table order', () => {
    for (const row of rows) {
      expect(row.description.length, row.id).toBeGreaterThan(3)
      expect(row.keys.length, row.id).toBeGreaterThan(0)
    }
    const groups = shortcutGroups()
    expect(groups.map((g) => g.group)).toEqual([...new Set(rows.map((r) => r.group))])
    expect(groups.flatMap((g) => g.rows)).toHaveLength(rows.length)
  })

  it('keeps the shortcuts the README promises', () => {
    const keysOf = (id: string) => rows.find((r) => r.id === id)?.keys
    expect(keysOf('file.import')).toEqual(['CmdOrCtrl+O'])
    expect(keysOf('file.export')).toEqual(['CmdOrCtrl+Shift+E'])
    expect(keysOf('reader.highlight')).toEqual(['H'])
    expect(keysOf('help.shortcuts')).toEqual(expect.arrayContaining(['?', 'CmdOrCtrl+/']))
  })
})

describe('matching key events', () => {
  it('finds the row a key triggers', () => {
    expect(findShortcut(key('h'), rows)?.spec.id).toBe('reader.highlight')
    expect(findShortcut(key('H', { shiftKey: true }), rows)).toBeNull()
    expect(findShortcut(key('7'), rows)).toMatchObject({ spec: { id: 'reader.highlightWithLabel' }, key: '7' })
    expect(findShortcut(key('?', { shiftKey: true }), rows)?.spec.id).toBe('help.shortcuts')
    expect(findShortcut(key('/', { ctrlKey: true }), rows)?.spec.id).toBe('help.shortcuts')
    expect(findShortcut(key('E', { metaKey: true, shiftKey: true }), rows)?.spec.id).toBe('file.export')
    expect(findShortcut(key('e', { ctrlKey: true }), rows)).toBeNull()
    expect(findShortcut(key('Delete'), rows)?.spec.id).toBe('highlight.delete')
  })

  it('uses the physical key when Alt changes the character (macOS ⌥O types ø)', () => {
    expect(findShortcut(key('ø', { metaKey: true, altKey: true, code: 'KeyO' }), rows)?.spec.id).toBe('file.importFolder')
  })

  it('never matches a chord whose modifiers differ', () => {
    fc.assert(
      fc.property(fc.constantFrom(...rows.flatMap((r) => r.keys)), fc.boolean(), fc.boolean(), (accelerator, mod, alt) => {
        const chord = parseChord(accelerator)
        fc.pre(mod !== chord.mod || alt !== chord.alt)
        const event = key(chord.key.length === 1 ? chord.key : chord.key, { ctrlKey: mod, altKey: alt, shiftKey: chord.shift })
        expect(matchesChord(event, chord)).toBe(false)
      })
    )
  })
})

describe('formatKeys and describeKeys', () => {
  it('write every chord one way, on every platform: Ctrl/⌘ Alt 1–3 style', () => {
    expect(formatKeys('CmdOrCtrl+Shift+E')).toBe('Ctrl/⌘ Shift E')
    expect(formatKeys('CmdOrCtrl+Alt+O')).toBe('Ctrl/⌘ Alt O')
    expect(formatKeys('?')).toBe('?')
    expect(formatKeys('CmdOrCtrl+,')).toBe('Ctrl/⌘ ,')
    expect(describeKeys(['CmdOrCtrl+Alt+1', 'CmdOrCtrl+Alt+2', 'CmdOrCtrl+Alt+3'])).toEqual(['Ctrl/⌘ Alt 1–3'])
    expect(describeKeys(['1', '2', '3', '4', '5', '6', '7', '8', '9'])).toEqual(['1–9'])
    expect(describeKeys(['Delete', 'Backspace'])).toEqual(['Delete', 'Backspace'])
  })

  it('join a shortcut’s alternatives in the interface language', async () => {
    expect(keyHint('help.shortcuts', translator(await createI18n('en')))).toBe('Ctrl/⌘ / or ?')
    expect(keyHint('reader.extendWord', translator(await createI18n('en')))).toBe('Shift → or Shift ←')
    expect(keyHint('help.shortcuts', translator(await createI18n('fr')))).toBe('Ctrl/⌘ / ou ?')
    expect(keyHint('help.shortcuts', translator(await createI18n('ja')))).toBe('Ctrl/⌘ / または ?')
  })

  // Issue 15, item 18: the sheet mixed "Ctrl/⌘ Alt 1–3" with "Ctrl+Alt+…".
  it('never writes a chord with plus signs or platform symbols for any row', () => {
    for (const row of rows) {
      for (const written of describeKeys(row.keys)) {
        expect(written, row.id).toMatch(/^(Ctrl\/⌘ )?(Alt )?(Shift )?(\S|[A-Z][a-z]+|Pg(?:Up|Dn)|[0-9]–[0-9])$/)
        expect(written, row.id).not.toMatch(/\+\S|[⇧⌥⌫⌦]|Cmd|Control/)
      }
    }
  })
})
