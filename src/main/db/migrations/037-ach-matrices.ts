import type { Migration } from '../migrate'

/**
 * Competing-hypotheses matrices (issue 20, decision 0023), one or more per case.
 * - Hypotheses and rows keep their order in `position` (0, 1, 2…, renumbered on a move).
 * - A row is a highlight or a claim, never both, and at most once per matrix. A claim deleted
 *   or a highlight purged takes its row along (cascade); a highlight in the Trash keeps its row,
 *   which the matrix leaves out until the highlight is restored.
 * - Weights: NULL is "no override", so the default follows the highlight's grade as it changes.
 * - Ratings: one row per rated cell; a blank cell has none.
 * - Snapshots: the whole matrix as JSON at a moment, evidence words and grades included, so a
 *   version reads the same after the evidence changes.
 */
export const migration037: Migration = {
  version: 37,
  name: 'ACH matrices',
  up: `
    CREATE TABLE IF NOT EXISTS ach_matrices (
      id         TEXT PRIMARY KEY,
      case_id    TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
      name       TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX IF NOT EXISTS ach_matrices_case ON ach_matrices (case_id, created_at);

    CREATE TABLE IF NOT EXISTS ach_hypotheses (
      id         TEXT PRIMARY KEY,
      matrix_id  TEXT NOT NULL REFERENCES ach_matrices (id) ON DELETE CASCADE,
      position   INTEGER NOT NULL,
      text       TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX IF NOT EXISTS ach_hypotheses_matrix ON ach_hypotheses (matrix_id, position);

    CREATE TABLE IF NOT EXISTS ach_rows (
      id           TEXT PRIMARY KEY,
      matrix_id    TEXT NOT NULL REFERENCES ach_matrices (id) ON DELETE CASCADE,
      position     INTEGER NOT NULL,
      highlight_id TEXT REFERENCES highlights (id) ON DELETE CASCADE,
      claim_id     TEXT REFERENCES claims (id) ON DELETE CASCADE,
      credibility  TEXT CHECK (credibility IN ('low', 'medium', 'high')),
      relevance    TEXT CHECK (relevance IN ('low', 'medium', 'high')),
      enabled      INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
      added_at     TEXT NOT NULL,
      CHECK ((highlight_id IS NULL) <> (claim_id IS NULL))
    ) STRICT;
    CREATE INDEX IF NOT EXISTS ach_rows_matrix ON ach_rows (matrix_id, position);
    CREATE UNIQUE INDEX IF NOT EXISTS ach_rows_highlight ON ach_rows (highlight_id, matrix_id) WHERE highlight_id IS NOT NULL;
    CREATE UNIQUE INDEX IF NOT EXISTS ach_rows_claim ON ach_rows (claim_id, matrix_id) WHERE claim_id IS NOT NULL;

    CREATE TABLE IF NOT EXISTS ach_ratings (
      row_id        TEXT NOT NULL REFERENCES ach_rows (id) ON DELETE CASCADE,
      hypothesis_id TEXT NOT NULL REFERENCES ach_hypotheses (id) ON DELETE CASCADE,
      rating        TEXT NOT NULL CHECK (rating IN ('CC', 'C', 'N', 'I', 'II', 'NA')),
      PRIMARY KEY (row_id, hypothesis_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS ach_ratings_hypothesis ON ach_ratings (hypothesis_id);

    CREATE TABLE IF NOT EXISTS ach_snapshots (
      id        TEXT PRIMARY KEY,
      matrix_id TEXT NOT NULL REFERENCES ach_matrices (id) ON DELETE CASCADE,
      label     TEXT NOT NULL,
      taken_at  TEXT NOT NULL,
      content   TEXT NOT NULL CHECK (json_valid(content))
    ) STRICT;
    CREATE INDEX IF NOT EXISTS ach_snapshots_matrix ON ach_snapshots (matrix_id, taken_at);
  `
}
