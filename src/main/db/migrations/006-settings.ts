import type { Migration } from '../migrate'

/**
 * Preferences live in the database beside the work they shape, so a backup or a move of the
 * library carries them along. Values are JSON; each feature owns and validates its own keys.
 */
export const migration006: Migration = {
  version: 6,
  name: 'settings',
  up: `
    CREATE TABLE settings (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL CHECK (json_valid(value))
    ) STRICT, WITHOUT ROWID;
  `
}
