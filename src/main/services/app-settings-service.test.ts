import { describe, expect, it, vi } from 'vitest'
import { DEFAULT_SETTINGS } from '../../shared/settings'
import { SettingsStore } from './settings-store'
import { tempServices } from '../../../test/support/temp-services'

describe('settings over the contract', () => {
  it('reads the defaults on a fresh library and keeps changes across a restart', async () => {
    const s = tempServices()
    expect(await s.dispatch('settings.get', {})).toEqual({ ok: true, value: DEFAULT_SETTINGS })
    const changed = await s.dispatch('settings.set', { theme: 'dark', locale: 'ar', readerFontSize: 20, defaultExportDir: '/home/analyst/Vault' })
    expect(changed).toEqual({ ok: true, value: { theme: 'dark', locale: 'ar', readerFontSize: 20, defaultExportDir: '/home/analyst/Vault', capturePort: DEFAULT_SETTINGS.capturePort } })
    s.close()

    const again = tempServices({ dbPath: s.dbPath })
    expect(await again.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { theme: 'dark', locale: 'ar', readerFontSize: 20 } })
    // The export dialog starts in the chosen folder.
    expect(await again.dispatch('app.info', {})).toMatchObject({ value: { defaultExportDir: '/home/analyst/Vault' } })
  })

  it('changes only the fields sent, and null brings back the platform export folder', async () => {
    const s = tempServices()
    await s.dispatch('settings.set', { readerFontSize: 22, defaultExportDir: 'C:\\Users\\me\\Notes' })
    await s.dispatch('settings.set', { theme: 'light' })
    expect(s.settings.get()).toEqual({ theme: 'light', locale: 'system', readerFontSize: 22, defaultExportDir: 'C:\\Users\\me\\Notes', capturePort: DEFAULT_SETTINGS.capturePort })
    await s.dispatch('settings.set', { defaultExportDir: null })
    expect(await s.dispatch('app.info', {})).toMatchObject({ value: { defaultExportDir: expect.stringMatching(/export$/) } })
  })

  it.each([
    [{ theme: 'sepia' }, 'theme'],
    [{ locale: 'de' }, 'locale'],
    [{ readerFontSize: 6 }, 'readerFontSize'],
    [{ readerFontSize: 17.5 }, 'readerFontSize'],
    [{ defaultExportDir: 'notes/out' }, 'full path'],
    [{ defaultExportDir: '/tmp/a\0b' }, 'NUL'],
    [{ colour: 'red' }, 'colour']
  ])('refuses %j, naming the field, and changes nothing', async (patch, named) => {
    const s = tempServices()
    const result = await s.dispatch('settings.set', patch)
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining(named) } })
    expect(s.settings.get()).toEqual(DEFAULT_SETTINGS)
  })

  it('reads a stored value that no longer fits as the default, keeping the others', () => {
    const s = tempServices()
    const store = new SettingsStore(s.db)
    store.set('ui.theme', 'sepia')
    store.set('reader.fontSize', 19)
    expect(s.settings.get()).toEqual({ ...DEFAULT_SETTINGS, readerFontSize: 19 })
  })

  it('tells the shell about every change', async () => {
    const onSettingsChanged = vi.fn()
    const s = tempServices({ onSettingsChanged })
    await s.dispatch('settings.set', { theme: 'dark' })
    expect(onSettingsChanged).toHaveBeenCalledWith(expect.objectContaining({ theme: 'dark' }))
  })
})
