import type Database from 'better-sqlite3'
import type { z } from 'zod'

/**
 * A typed key-value store over the settings table. Reading checks the stored value against the
 * schema the caller owns: a value written by another version that no longer fits falls back to
 * the default instead of reaching the UI malformed.
 */
export class SettingsStore {
  constructor(private readonly db: Database.Database) {}

  get<T>(key: string, schema: z.ZodType<T>, fallback: T): T {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined
    if (!row) return fallback
    const parsed = schema.safeParse(JSON.parse(row.value))
    return parsed.success ? parsed.data : fallback
  }

  set(key: string, value: unknown): void {
    this.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(key, JSON.stringify(value))
  }

  delete(key: string): void {
    this.db.prepare('DELETE FROM settings WHERE key = ?').run(key)
  }
}
