import type Database from 'better-sqlite3'
import type { z } from 'zod'
import { settingsRepo } from '../db/repos/settings'

/**
 * A typed key-value store over the settings table. Reading checks the stored value against the
 * schema the caller owns: a value written by another version that no longer fits falls back to
 * the default instead of reaching the UI malformed.
 */
export class SettingsStore {
  private readonly settings: ReturnType<typeof settingsRepo>

  constructor(db: Database.Database) {
    this.settings = settingsRepo(db)
  }

  get<T>(key: string, schema: z.ZodType<T>, fallback: T): T {
    const json = this.settings.value(key)
    if (json === undefined) return fallback
    const parsed = schema.safeParse(JSON.parse(json))
    return parsed.success ? parsed.data : fallback
  }

  set(key: string, value: unknown): void {
    this.settings.put(key, JSON.stringify(value))
  }

  delete(key: string): void {
    this.settings.delete(key)
  }
}
