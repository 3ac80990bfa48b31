import type Database from 'better-sqlite3'
import { statementsOf } from '../statement-cache'

/** A row of the settings table: a value as JSON, checked by its reader's schema. */
export interface SettingRow {
  key: string
  value: string
}

export function settingsRepo(db: Database.Database) {
  const q = statementsOf(db)
  return {
    /** The stored JSON of a setting, or undefined when it was never set. */
    value: (key: string) => q.pluck<[string], string>('SELECT value FROM settings WHERE key = ?').get(key),
    put: (key: string, json: string) =>
      q<[string, string]>('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, json),
    delete: (key: string) => q<[string]>('DELETE FROM settings WHERE key = ?').run(key)
  }
}
