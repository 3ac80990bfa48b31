import type { MenuItemConstructorOptions } from 'electron'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { createI18n, translator, type Locale, type Translate } from '../../shared/i18n'
import { SHORTCUTS, type ShortcutSpec } from '../../shared/shortcuts'
import { buildMenuTemplate, COMMAND_ACCELERATORS, type MenuCommand, type MenuOptions } from './menu-template'

const PLATFORMS = ['darwin', 'win32', 'linux'] as const
const translators = {} as Record<Locale, Translate>
beforeAll(async () => {
  for (const locale of ['en', 'fr', 'ar', 'ja'] as const) translators[locale] = translator(await createI18n(locale))
})

function build(platform: NodeJS.Platform, overrides: Partial<MenuOptions> = {}) {
  const send = vi.fn<(command: MenuCommand) => void>()
  const showDataFolder = vi.fn()
  const template = buildMenuTemplate({ platform, appName: 'Dossier', isDev: false, send, showDataFolder, t: translators.en, ...overrides })
  return { template, send, showDataFolder }
}

function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])])
}

function topLabels(template: MenuItemConstructorOptions[]): string[] {
  return template.map((m) => (m.label ?? m.role ?? '').replace('&', ''))
}

function submenuOf(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((m) => m.label?.replace('&', '') === label)
  if (!menu || !Array.isArray(menu.submenu)) throw new Error(`no ${label} menu`)
  return menu.submenu
}

// Electron's default accelerators for the roles the template uses (see Electron's menu-item roles).
function roleAccelerator(role: string, platform: NodeJS.Platform): string | undefined {
  const mac = platform === 'darwin'
  const table: Record<string, string | undefined> = {
    undo: 'CmdOrCtrl+Z',
    redo: platform === 'win32' ? 'Ctrl+Y' : 'Shift+CmdOrCtrl+Z',
    cut: 'CmdOrCtrl+X',
    copy: 'CmdOrCtrl+C',
    paste: 'CmdOrCtrl+V',
    pasteAndMatchStyle: 'Shift+Alt+CmdOrCtrl+V',
    selectAll: 'CmdOrCtrl+A',
    reload: 'CmdOrCtrl+R',
    forceReload: 'Shift+CmdOrCtrl+R',
    toggleDevTools: mac ? 'Alt+Cmd+I' : 'Ctrl+Shift+I',
    resetZoom: 'CmdOrCtrl+0',
    zoomIn: 'CmdOrCtrl+Plus',
    zoomOut: 'CmdOrCtrl+-',
    togglefullscreen: mac ? 'Ctrl+Cmd+F' : 'F11',
    quit: platform === 'win32' ? undefined : 'CmdOrCtrl+Q',
    close: 'CmdOrCtrl+W',
    hide: 'Cmd+H',
    hideOthers: 'Alt+Cmd+H',
    minimize: 'CmdOrCtrl+M'
  }
  return table[role]
}

/** One spelling per key chord, so `Shift+CmdOrCtrl+E` and `Cmd+Shift+E` compare equal on macOS. */
function normalize(accelerator: string, platform: NodeJS.Platform): string {
  const parts = accelerator.split('+').map((p) => {
    const k = p.toLowerCase()
    if (k === 'cmdorctrl' || k === 'commandorcontrol') return platform === 'darwin' ? 'cmd' : 'ctrl'
    if (k === 'command') return 'cmd'
    if (k === 'control') return 'ctrl'
    if (k === 'option') return 'alt'
    return k
  })
  const key = parts.pop()!
  return [...parts.sort(), key].join('+')
}

describe.each(PLATFORMS)('buildMenuTemplate on %s', (platform) => {
  const mac = platform === 'darwin'

  it('gives every command its accelerator and sends it on click', () => {
    const { template, send } = build(platform)
    const items = flatten(template)
    for (const [name, accelerator] of Object.entries(COMMAND_ACCELERATORS)) {
      const item = items.find((i) => i.id === `command.${name}`)
      expect(item, name).toBeDefined()
      expect(item!.accelerator).toBe(accelerator)
      ;(item!.click as () => void)()
      expect(send).toHaveBeenLastCalledWith(name)
    }
    expect(COMMAND_ACCELERATORS.import).toBe('CmdOrCtrl+O')
    expect(COMMAND_ACCELERATORS.export).toBe('CmdOrCtrl+Shift+E')
  })

  it.each([false, true])('uses no accelerator twice (dev: %s)', (isDev) => {
    const { template } = build(platform, { isDev })
    const chords = flatten(template)
      .map((i) => i.accelerator ?? (i.role ? roleAccelerator(i.role, platform) : undefined))
      .filter((a): a is string => typeof a === 'string')
      .map((a) => normalize(a, platform))
    expect(chords.length).toBeGreaterThan(8)
    expect(chords.filter((c, i) => chords.indexOf(c) !== i)).toEqual([])
  })

  it('never binds a bare key the reader uses (H highlights the selection)', () => {
    const { template } = build(platform)
    for (const item of flatten(template)) {
      if (typeof item.accelerator === 'string') expect(item.accelerator, item.label).toContain('+')
    }
  })

  it('has the standard edit roles', () => {
    const roles = submenuOf(build(platform).template, 'Edit').map((i) => i.role)
    expect(roles).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']))
  })

  it('offers reload and DevTools only in development', () => {
    const roles = (isDev: boolean) => flatten(build(platform, { isDev }).template).map((i) => i.role)
    for (const role of ['reload', 'forceReload', 'toggleDevTools'] as const) {
      expect(roles(false)).not.toContain(role)
      expect(roles(true)).toContain(role)
    }
    expect(roles(false)).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']))
  })

  it('can show the library folder from Help', () => {
    const { template, showDataFolder } = build(platform)
    const item = submenuOf(template, 'Help').find((i) => i.id === 'show-data-folder')
    ;(item!.click as () => void)()
    expect(showDataFolder).toHaveBeenCalledOnce()
  })

  it('offers About exactly once', () => {
    expect(flatten(build(platform).template).filter((i) => i.role === 'about')).toHaveLength(1)
  })

  if (mac) {
    it('has the app menu first, with Quit there and not in File', () => {
      const { template } = build(platform)
      expect(topLabels(template)).toEqual(['Dossier', 'File', 'Edit', 'View', 'Window', 'Help'])
      const appRoles = submenuOf(template, 'Dossier').map((i) => i.role)
      expect(appRoles).toEqual(expect.arrayContaining(['about', 'hide', 'quit']))
      expect(submenuOf(template, 'File').map((i) => i.role)).not.toContain('quit')
      expect(flatten(template).filter((i) => i.role === 'quit')).toHaveLength(1)
    })

    it('puts Settings… (Cmd+,) in the app menu, as macOS apps do', () => {
      const settings = submenuOf(build(platform).template, 'Dossier').find((i) => i.id === 'command.settings')
      expect(settings).toMatchObject({ label: 'Settings…', accelerator: 'CmdOrCtrl+,' })
      expect(submenuOf(build(platform).template, 'File').some((i) => i.id === 'command.settings')).toBe(false)
    })

    it('writes no mnemonic ampersands', () => {
      expect(flatten(build(platform).template).some((i) => i.label?.includes('&'))).toBe(false)
    })
  } else {
    it('puts Settings… (Ctrl+,) in the File menu', () => {
      const settings = submenuOf(build(platform).template, 'File').find((i) => i.id === 'command.settings')
      expect(settings).toMatchObject({ label: 'Settings…', accelerator: 'CmdOrCtrl+,' })
    })

    it('has no app menu and quits from File', () => {
      const { template } = build(platform)
      expect(topLabels(template)).toEqual(['File', 'Edit', 'View', 'Help'])
      expect(submenuOf(template, 'File').at(-1)?.role).toBe('quit')
      expect(flatten(template).filter((i) => i.role === 'quit')).toHaveLength(1)
    })
  }
})

describe.each(PLATFORMS)('the menu in the interface language on %s', (platform) => {
  const labels = (locale: Locale) => flatten(build(platform, { isDev: true, t: translators[locale] }).template).filter((i) => i.type !== 'separator')

  it('names every item, role items included (Electron would name them in English)', () => {
    for (const item of labels('en')) expect(item.label, item.id ?? item.role).toBeTruthy()
  })

  it.each(['ar', 'ja'] as const)('in %s leaves no English word, only the product and format names', (locale) => {
    const english = labels(locale)
      .map((i) => i.label!)
      .filter((label) => /[A-Za-z]{2,}/.test(label.replace(/Dossier|Markdown/g, '')))
    expect(english).toEqual([])
  })

  it('in French renames every item, with the same ids, roles and accelerators', () => {
    const en = labels('en')
    const fr = labels('fr')
    expect(fr.map((i) => [i.id, i.role, i.accelerator])).toEqual(en.map((i) => [i.id, i.role, i.accelerator]))
    const same = fr.filter((item, i) => item.label === en[i]!.label).map((i) => i.label)
    // Words French shares with English.
    expect(same.filter((l) => !['Services', 'Dossier'].includes(l!))).toEqual([])
    expect(fr.find((i) => i.id === 'command.settings')?.label).toBe('Réglages…')
  })

  if (platform !== 'darwin') {
    it('keeps an Alt-key mnemonic in every language', () => {
      for (const locale of ['en', 'fr', 'ar', 'ja'] as const) {
        const tops = build(platform, { t: translators[locale] }).template.map((m) => m.label ?? '')
        for (const label of tops) expect(label, `${locale} ${label}`).toMatch(/&\S/)
      }
    })
  }
})

describe.each(PLATFORMS)('menu and page shortcuts together on %s', (platform) => {
  it('share no chord, except a menu command with its own row and a page Undo with the Undo role', () => {
    const menuChords = new Map<string, MenuItemConstructorOptions>()
    for (const item of flatten(build(platform, { isDev: true }).template)) {
      const accelerator = item.accelerator ?? (item.role ? roleAccelerator(item.role, platform) : undefined)
      if (typeof accelerator === 'string') menuChords.set(normalize(accelerator, platform), item)
    }
    for (const row of SHORTCUTS as readonly ShortcutSpec[]) {
      for (const key of row.keys) {
        const item = menuChords.get(normalize(key, platform))
        if (!item) continue
        const same = (row.menu && item.id === `command.${row.menu}`) || (row.sharesRole && item.role === row.sharesRole)
        expect(same, `${row.id} (${key}) clashes with menu item ${item.id ?? item.role}`).toBeTruthy()
      }
    }
  })

  it('lists Keyboard Shortcuts in Help, on the key the sheet shows', () => {
    const item = submenuOf(build(platform).template, 'Help').find((i) => i.id === 'command.shortcuts')
    expect(item?.accelerator).toBe('CmdOrCtrl+/')
  })
})
