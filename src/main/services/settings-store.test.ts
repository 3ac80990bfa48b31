import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { openDatabase } from '../db/open-database'
import { SettingsStore } from './settings-store'
import { join } from 'node:path'
import { tempDir } from '../../../test/support/temp-services'

const tempDbPath = () => join(tempDir(), 'settings.db')

describe('SettingsStore', () => {
  it('keeps a value across reopening the database', () => {
    const path = tempDbPath()
    const first = openDatabase(path)
    new SettingsStore(first).set('reader.fontSize', 19)
    first.close()
    const again = openDatabase(path)
    expect(new SettingsStore(again).get('reader.fontSize', z.number(), 16)).toBe(19)
    again.close()
  })

  it('falls back to the default when the stored value no longer fits the schema', () => {
    const db = openDatabase(tempDbPath())
    const store = new SettingsStore(db)
    store.set('theme', 'sepia')
    expect(store.get('theme', z.enum(['system', 'light', 'dark']), 'system')).toBe('system')
    store.delete('theme')
    expect(store.get('theme', z.string(), 'system')).toBe('system')
    db.close()
  })
})
