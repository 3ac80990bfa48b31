import type { Migration } from '../migrate'

/**
 * The tables a brief's Markdown export reads (the notebook, the case, its articles, their
 * sources, the cited highlights, the claims and their evidence). Frozen here as this step
 * created them: brief-markdown-store.test.ts checks, by what SQLite opens while an export runs,
 * that every table the export reads has these triggers, so a table added to the export (or one
 * rebuilt by a later step, which drops its triggers) fails that test until a new step adds them.
 */
const READ_BY_THE_BRIEF = ['cases', 'case_notebooks', 'case_articles', 'articles', 'article_minhash', 'sources', 'highlights', 'claims', 'claim_evidence'] as const

/**
 * The brief's Markdown export kept in the library (decision 0059), so the first export after the
 * app or `dossier report` starts writes what the last export made instead of making it again.
 *
 * brief_changes counts every change to the tables the export reads, whoever makes it (the app,
 * the web mode, the CLI, a worker, an older version of Dossier: the triggers are in the file);
 * a stored export counts only while the count is the one it was made at. The export's own
 * record (export_single_files), the activity log and the settings are not counted: the stored
 * row names the log head and the style it was made with.
 */
export const migration085: Migration = {
  version: 85,
  name: 'brief Markdown renders kept in the library',
  up: `
    CREATE TABLE brief_changes (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      n  INTEGER NOT NULL
    ) STRICT;
    INSERT INTO brief_changes (id, n) VALUES (1, 0);

    CREATE TABLE brief_renders (
      case_id       TEXT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
      changes       INTEGER NOT NULL,
      fingerprint   TEXT NOT NULL,
      title         TEXT NOT NULL,
      case_name     TEXT NOT NULL,
      articles      INTEGER NOT NULL,
      log_seq       INTEGER,
      log_hash      TEXT,
      body_start    INTEGER NOT NULL,
      head_start    INTEGER NOT NULL,
      head_end      INTEGER NOT NULL,
      footnotes     INTEGER NOT NULL,
      check_json    TEXT NOT NULL,
      sha256        TEXT NOT NULL
    ) STRICT;

    -- The file in pieces of 16 KB: reading one 160 KB value made a fresh allocation of its size
    -- twice (SQLite's and the Buffer's), which cost more than the export's whole write.
    CREATE TABLE brief_render_chunks (
      case_id TEXT NOT NULL REFERENCES brief_renders (case_id) ON DELETE CASCADE,
      seq     INTEGER NOT NULL,
      bytes   BLOB NOT NULL,
      PRIMARY KEY (case_id, seq)
    ) STRICT;
  ${READ_BY_THE_BRIEF.flatMap((table) =>
    ['INSERT', 'UPDATE', 'DELETE'].map(
      (op) => `
    CREATE TRIGGER brief_changes_${table}_${op.toLowerCase()} AFTER ${op} ON ${table}
      BEGIN UPDATE brief_changes SET n = n + 1 WHERE id = 1; END;`
    )
  ).join('')}
  `
}
