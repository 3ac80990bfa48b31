import type Database from 'better-sqlite3'
import { AppSettings, DEFAULT_SETTINGS, SETTINGS_KEYS, type SettingsPatch } from '../../shared/settings'
import { SettingsStore } from './settings-store'

/**
 * The Settings screen's preferences over the settings table. A value that no longer fits its
 * schema (written by another version, or edited by hand) reads as the default.
 */
export class AppSettingsService {
  private readonly store: SettingsStore

  constructor(
    private readonly db: Database.Database,
    private readonly onChange: (settings: AppSettings) => void = () => undefined
  ) {
    this.store = new SettingsStore(db)
  }

  get(): AppSettings {
    const fields = Object.keys(SETTINGS_KEYS) as (keyof AppSettings)[]
    return Object.fromEntries(
      fields.map((field) => [field, this.store.get(SETTINGS_KEYS[field], AppSettings.shape[field], DEFAULT_SETTINGS[field])])
    ) as AppSettings
  }

  /** Writes the changed fields in one transaction and returns the settings now in force. */
  update(patch: SettingsPatch): AppSettings {
    this.db.transaction(() => {
      for (const [field, value] of Object.entries(patch) as [keyof AppSettings, unknown][]) {
        if (value === undefined) continue
        this.store.set(SETTINGS_KEYS[field], value)
      }
    })()
    const settings = this.get()
    this.onChange(settings)
    return settings
  }
}
