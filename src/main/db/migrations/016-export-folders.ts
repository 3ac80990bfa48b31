import type { Migration } from '../migrate'

/**
 * Export records keyed by a folder number instead of the folder's path, with no index but the key.
 *
 * Migration 011's two secondary indexes made every record three B-tree inserts, one of them (by
 * article id) at a random place in an index that grows with every folder ever exported to: with
 * fifteen folders of 10,000 articles recorded, saving the next 10,000 records took 210 ms, more
 * than writing the files (BENCHMARKS.md). Now:
 * - a file name's uniqueness within a folder is FolderNames' job (it checks records, the run and
 *   the disk), as it already was: the unique index only turned a bug into a failed commit after
 *   the files were written;
 * - records of deleted articles are swept when the Trash is emptied, the one way an article is
 *   deleted, by one scan (TrashService.empty), instead of by a cascade needing that index.
 *
 * Stored renders (migration 014) keep their bytes in a table of their own: with each body's first
 * kilobyte inline, reading 10,000 titles and hashes to name and record files touched 10 MB of
 * pages; the heads alone fit in 2. The renders are dropped rather than moved (the next export
 * renders them again), which also spares copying them. Deleting a head deletes its body, so
 * migration 014's triggers keep working unchanged.
 *
 * Also an index that holds the id of every live article in import order, which is export's order:
 * listing them through articles_live_imported visited each article's row, 50 ms for 10,000
 * articles; this one answers from the index alone, in 7.
 */
export const migration016: Migration = {
  version: 16,
  name: 'export folders, render bodies apart, export order',
  up: `
    CREATE TABLE export_folders (
      id   INTEGER PRIMARY KEY,
      path TEXT NOT NULL UNIQUE
    ) STRICT;
    INSERT INTO export_folders (path) SELECT DISTINCT folder FROM export_files ORDER BY folder;

    CREATE TABLE export_records (
      folder_id   INTEGER NOT NULL REFERENCES export_folders (id) ON DELETE CASCADE,
      article_id  TEXT NOT NULL,
      file_name   TEXT NOT NULL,
      sha256      TEXT NOT NULL,
      exported_at TEXT NOT NULL,
      PRIMARY KEY (folder_id, article_id)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO export_records (folder_id, article_id, file_name, sha256, exported_at)
      SELECT f.id, e.article_id, e.file_name, e.sha256, e.exported_at FROM export_files e JOIN export_folders f ON f.path = e.folder;
    DROP TABLE export_files;

    DELETE FROM export_renders;
    ALTER TABLE export_renders DROP COLUMN body;
    CREATE TABLE export_render_bodies (
      article_id TEXT PRIMARY KEY REFERENCES export_renders (article_id) ON DELETE CASCADE,
      body       BLOB NOT NULL
    ) STRICT;

    CREATE INDEX articles_live_export_order ON articles (imported_at, id) WHERE deleted_at IS NULL;
  `
}
