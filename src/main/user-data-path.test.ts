import { describe, expect, it } from 'vitest'
import { defaultDbPath, userDataDir } from './user-data-path'

describe('defaultDbPath', () => {
  it('uses XDG_CONFIG_HOME on Linux when it is set', () => {
    expect(defaultDbPath('linux', { XDG_CONFIG_HOME: '/data/cfg' }, '/home/ana')).toBe('/data/cfg/Dossier/dossier.sqlite')
  })

  it('falls back to ~/.config on Linux when XDG_CONFIG_HOME is unset or empty', () => {
    expect(defaultDbPath('linux', {}, '/home/ana')).toBe('/home/ana/.config/Dossier/dossier.sqlite')
    expect(defaultDbPath('linux', { XDG_CONFIG_HOME: '' }, '/home/ana')).toBe('/home/ana/.config/Dossier/dossier.sqlite')
  })

  it('treats other Unixes like Linux', () => {
    expect(defaultDbPath('freebsd', {}, '/usr/home/ana')).toBe('/usr/home/ana/.config/Dossier/dossier.sqlite')
  })

  it('uses Application Support on macOS, ignoring XDG_CONFIG_HOME', () => {
    expect(defaultDbPath('darwin', { XDG_CONFIG_HOME: '/elsewhere' }, '/Users/ana')).toBe(
      '/Users/ana/Library/Application Support/Dossier/dossier.sqlite'
    )
  })

  it('uses %APPDATA% on Windows with backslashes', () => {
    expect(defaultDbPath('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')).toBe(
      'C:\\Users\\ana\\AppData\\Roaming\\Dossier\\dossier.sqlite'
    )
  })

  it('falls back to the roaming profile on Windows when APPDATA is missing', () => {
    expect(userDataDir('win32', {}, 'C:\\Users\\ana')).toBe('C:\\Users\\ana\\AppData\\Roaming\\Dossier')
  })
})
