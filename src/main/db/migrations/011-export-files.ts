import type { Migration } from '../migrate'

/**
 * What each Markdown export wrote, per folder and article: the file's name, so it stays the same
 * across re-exports, and the SHA-256 of its bytes, so a re-export can tell a file the analyst
 * edited (leave it, write a conflict copy) from one it may update in place.
 */
export const migration011: Migration = {
  version: 11,
  name: 'export file records',
  up: `
    CREATE TABLE export_files (
      folder      TEXT NOT NULL,
      article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
      file_name   TEXT NOT NULL,
      sha256      TEXT NOT NULL,
      exported_at TEXT NOT NULL,
      PRIMARY KEY (folder, article_id)
    ) STRICT, WITHOUT ROWID;
    CREATE UNIQUE INDEX export_files_name ON export_files (folder, file_name COLLATE NOCASE);
    CREATE INDEX export_files_article ON export_files (article_id);
  `
}
