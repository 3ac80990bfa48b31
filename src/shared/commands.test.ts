import { beforeAll, describe, expect, it } from 'vitest'
import { COMMANDS, matchesCommand, menuCommandTitle, type CommandSpec } from './commands'
import { createI18n, translator, type Translate } from './i18n'
import { MENU_COMMANDS } from './menu-commands'
import { SHORTCUTS } from './shortcuts'

const rows = COMMANDS as readonly CommandSpec[]
let en: Translate
let fr: Translate
beforeAll(async () => {
  en = translator(await createI18n('en'))
  fr = translator(await createI18n('fr'))
})

describe('the command table', () => {
  it('names every menu command once, with the shortcut row of that menu command', () => {
    for (const menu of MENU_COMMANDS) {
      const matching = rows.filter((c) => c.menu === menu)
      expect(matching, menu).toHaveLength(1)
      const shortcutRow = SHORTCUTS.find((s) => 'menu' in s && s.menu === menu)
      expect(matching[0]!.shortcut, menu).toBe(shortcutRow?.id)
      expect(menuCommandTitle(menu, en)).toBe(en(matching[0]!.title))
    }
  })

  it('has unique ids, and every shortcut it names exists', () => {
    expect(new Set(rows.map((c) => c.id)).size).toBe(rows.length)
    for (const c of rows) if (c.shortcut) expect(SHORTCUTS.some((s) => s.id === c.shortcut), c.id).toBe(true)
  })

  it('lists every shortcut that is a command of its own (not a key used inside an editor or on a selection)', () => {
    const contextual: string[] = SHORTCUTS.filter((s) => 'when' in s && ['editor', 'textSelected', 'inText', 'pageView'].includes(s.when)).map((s) => s.id)
    const history = ['notes.history']
    for (const s of SHORTCUTS) {
      if (contextual.includes(s.id) || history.includes(s.id)) continue
      expect(rows.some((c) => c.shortcut === s.id), s.id).toBe(true)
    }
  })

  it('matches typed words in any order, by title, group or keyword', () => {
    const exportRow = rows.find((c) => c.id === 'file.export')!
    expect(matchesCommand(exportRow, 'markdown exp', en)).toBe(true)
    expect(matchesCommand(exportRow, 'obsidian', en)).toBe(true)
    expect(matchesCommand(exportRow, 'theme', en)).toBe(false)
    expect(rows.filter((c) => matchesCommand(c, 'theme dark', en)).map((c) => c.id)).toEqual(['theme.dark'])
  })

  it('matches the words of the interface language: a French analyst types French', () => {
    expect(rows.filter((c) => matchesCommand(c, 'thème sombre', fr, 'fr')).map((c) => c.id)).toEqual(['theme.dark'])
    expect(rows.filter((c) => matchesCommand(c, 'CORBEILLE', fr, 'fr')).map((c) => c.id)).toEqual(['file.trash', 'article.trash'])
  })
})
