import type { Migration } from '../migrate'

/**
 * What Dossier last wrote to each single-file export (annotations.json, highlights.csv), so a
 * re-export replaces its own file but never one the analyst changed since (a spreadsheet edit),
 * as export_files (migration 011) does for the Markdown files.
 */
export const migration015: Migration = {
  version: 15,
  name: 'single-file export records',
  up: `
    CREATE TABLE export_single_files (
      path        TEXT PRIMARY KEY,
      sha256      TEXT NOT NULL,
      exported_at TEXT NOT NULL
    ) STRICT;
  `
}
