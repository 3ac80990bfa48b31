import type Database from 'better-sqlite3'
import type { AchHypothesis, AchRatingEntry, AchSnapshotInfo } from '../../../shared/ach/ach-types'
import type { Rating } from '../../../shared/ach/ratings'
import type { WeightLevel } from '../../../shared/ach/weights'
import { statementsOf } from '../statement-cache'

/**
 * The competing-hypotheses tables (migration 037, decision 0023): matrices of a case, their
 * hypotheses and evidence rows in the analyst's order (`position`), one rating per rated cell,
 * and dated snapshots of a whole matrix as JSON.
 */
export interface AchMatrixRow {
  id: string
  case_id: string
  name: string
  created_at: string
  updated_at: string
}

export interface AchHypothesisRow {
  id: string
  matrix_id: string
  position: number
  text: string
  created_at: string
}

/** A row of ach_rows: a highlight or a claim (never both), with its weight overrides (null: none). */
export interface AchRowRow {
  id: string
  matrix_id: string
  position: number
  highlight_id: string | null
  claim_id: string | null
  credibility: WeightLevel | null
  relevance: WeightLevel | null
  enabled: 0 | 1
  added_at: string
}

/** An evidence row as the matrix shows it: its row with its highlight's passage, grade, article and source. */
export type AchRowViewRow = Omit<AchRowRow, 'added_at'> & {
  exact: string | null
  h_credibility: number | null
  article_id: string | null
  article_title: string | null
  source_id: string | null
  source_name: string | null
  reliability: string | null
  published_at: string | null
}

/** The two ordered tables of a matrix: hypotheses (columns) and rows. */
export type AchOrderedTable = 'ach_rows' | 'ach_hypotheses'

/** Rows of live highlights in live articles, and claim rows; a trashed highlight's row waits hidden. */
const ROWS = `SELECT r.id, r.matrix_id, r.position, r.highlight_id, r.claim_id, r.credibility, r.relevance, r.enabled,
    h.exact, h.credibility AS h_credibility, a.id AS article_id, a.title AS article_title, a.source_id,
    coalesce(s.name, a.source) AS source_name, coalesce(a.reliability, s.reliability) AS reliability, a.published_at
  FROM ach_rows r
  LEFT JOIN highlights h ON h.id = r.highlight_id
  LEFT JOIN articles a ON a.id = h.article_id
  LEFT JOIN sources s ON s.id = a.source_id
  WHERE r.claim_id IS NOT NULL OR (h.deleted_at IS NULL AND a.deleted_at IS NULL)`

export function achRepo(db: Database.Database) {
  const q = statementsOf(db)
  return {
    // ── matrices
    /** A case's matrices, oldest first, with their hypotheses and rows counted. */
    matricesOfCase: (caseId: string) =>
      q<[string], AchMatrixRow & { hypotheses: number; rows: number }>(
        `SELECT m.*, (SELECT count(*) FROM ach_hypotheses WHERE matrix_id = m.id) AS hypotheses, (SELECT count(*) FROM ach_rows WHERE matrix_id = m.id) AS rows
         FROM ach_matrices m WHERE m.case_id = ? ORDER BY m.created_at, m.id`
      ).all(caseId),
    firstMatrixId: (caseId: string) => q.pluck<[string], string>('SELECT id FROM ach_matrices WHERE case_id = ? ORDER BY created_at, id LIMIT 1').get(caseId),
    matrix: (id: string) => q<[string], AchMatrixRow>('SELECT * FROM ach_matrices WHERE id = ?').get(id),
    insertMatrix: (m: AchMatrixRow) =>
      q<[string, string, string, string, string]>('INSERT INTO ach_matrices (id, case_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(
        m.id,
        m.case_id,
        m.name,
        m.created_at,
        m.updated_at
      ),
    rename: (id: string, name: string, at: string) => q<[string, string, string]>('UPDATE ach_matrices SET name = ?, updated_at = ? WHERE id = ?').run(name, at, id),
    touch: (id: string, at: string) => q<[string, string]>('UPDATE ach_matrices SET updated_at = ? WHERE id = ?').run(at, id),
    /** True when there was such a matrix (its hypotheses, rows, ratings and snapshots go with it). */
    deleteMatrix: (id: string) => q<[string]>('DELETE FROM ach_matrices WHERE id = ?').run(id).changes > 0,

    // ── hypotheses
    hypotheses: (matrixId: string) =>
      q<[string], AchHypothesis>('SELECT id, text FROM ach_hypotheses WHERE matrix_id = ? ORDER BY position, created_at').all(matrixId),
    hypothesesByPosition: (matrixId: string) => q<[string], AchHypothesis>('SELECT id, text FROM ach_hypotheses WHERE matrix_id = ? ORDER BY position').all(matrixId),
    hypothesis: (id: string) => q<[string], Pick<AchHypothesisRow, 'id' | 'matrix_id' | 'text'>>('SELECT id, matrix_id, text FROM ach_hypotheses WHERE id = ?').get(id),
    hypothesisExists: (id: string) => q.pluck<[string], 1>('SELECT 1 FROM ach_hypotheses WHERE id = ?').get(id) !== undefined,
    insertHypothesis: (h: AchHypothesisRow) =>
      q<[string, string, number, string, string]>('INSERT INTO ach_hypotheses (id, matrix_id, position, text, created_at) VALUES (?, ?, ?, ?, ?)').run(
        h.id,
        h.matrix_id,
        h.position,
        h.text,
        h.created_at
      ),
    setHypothesisText: (id: string, text: string) => q<[string, string]>('UPDATE ach_hypotheses SET text = ? WHERE id = ?').run(text, id),
    deleteHypothesis: (id: string) => q<[string]>('DELETE FROM ach_hypotheses WHERE id = ?').run(id),

    // ── rows
    /** The matrix's rows as shown, in order (rows of trashed highlights left out). */
    rowViews: (matrixId: string) => q<[string], AchRowViewRow>(`${ROWS} AND r.matrix_id = ? ORDER BY r.position, r.added_at`).all(matrixId),
    /** A row as shown; undefined when there is none or its highlight is in the Trash. */
    rowView: (id: string) => q<[string], AchRowViewRow>(`${ROWS} AND r.id = ?`).get(id),
    row: (id: string) => q<[string], AchRowRow>('SELECT * FROM ach_rows WHERE id = ?').get(id),
    rowExists: (id: string) => q.pluck<[string], 1>('SELECT 1 FROM ach_rows WHERE id = ?').get(id) !== undefined,
    hasHighlightRow: (matrixId: string, highlightId: string) =>
      q.pluck<[string, string], 1>('SELECT 1 FROM ach_rows WHERE matrix_id = ? AND highlight_id = ?').get(matrixId, highlightId) !== undefined,
    hasClaimRow: (matrixId: string, claimId: string) =>
      q.pluck<[string, string], 1>('SELECT 1 FROM ach_rows WHERE matrix_id = ? AND claim_id = ?').get(matrixId, claimId) !== undefined,
    rowIdsByPosition: (matrixId: string) => q.pluck<[string], string>('SELECT id FROM ach_rows WHERE matrix_id = ? ORDER BY position').all(matrixId),
    insertRow: (r: Pick<AchRowRow, 'id' | 'matrix_id' | 'position' | 'highlight_id' | 'claim_id' | 'added_at'>) =>
      q<[string, string, number, string | null, string | null, string]>(
        'INSERT INTO ach_rows (id, matrix_id, position, highlight_id, claim_id, added_at) VALUES (?, ?, ?, ?, ?, ?)'
      ).run(r.id, r.matrix_id, r.position, r.highlight_id, r.claim_id, r.added_at),
    /** A removed row put back with its overrides and switch. */
    restoreRow: (r: AchRowRow) =>
      q<[string, string, number, string | null, string | null, WeightLevel | null, WeightLevel | null, 0 | 1, string]>(
        'INSERT INTO ach_rows (id, matrix_id, position, highlight_id, claim_id, credibility, relevance, enabled, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'
      ).run(r.id, r.matrix_id, r.position, r.highlight_id, r.claim_id, r.credibility, r.relevance, r.enabled, r.added_at),
    setRowCredibility: (id: string, level: WeightLevel | null) => q<[WeightLevel | null, string]>('UPDATE ach_rows SET credibility = ? WHERE id = ?').run(level, id),
    setRowRelevance: (id: string, level: WeightLevel | null) => q<[WeightLevel | null, string]>('UPDATE ach_rows SET relevance = ? WHERE id = ?').run(level, id),
    setRowEnabled: (id: string, enabled: 0 | 1) => q<[0 | 1, string]>('UPDATE ach_rows SET enabled = ? WHERE id = ?').run(enabled, id),
    deleteRow: (id: string) => q<[string]>('DELETE FROM ach_rows WHERE id = ?').run(id),

    // ── ordering, shared by hypotheses and rows
    size: (table: AchOrderedTable, matrixId: string) => q.pluck<[string], number>(`SELECT count(*) FROM ${table} WHERE matrix_id = ?`).get(matrixId) ?? 0,
    /** Moves every item at or after `at` down by `count`. */
    shiftFrom: (table: AchOrderedTable, matrixId: string, at: number, count: number) =>
      q<[number, string, number]>(`UPDATE ${table} SET position = position + ? WHERE matrix_id = ? AND position >= ?`).run(count, matrixId, at),
    orderedIds: (table: AchOrderedTable, matrixId: string) => q.pluck<[string], string>(`SELECT id FROM ${table} WHERE matrix_id = ? ORDER BY position, rowid`).all(matrixId),
    setPosition: (table: AchOrderedTable, id: string, position: number) => q<[number, string]>(`UPDATE ${table} SET position = ? WHERE id = ?`).run(position, id),

    // ── ratings
    ratingsOfMatrix: (matrixId: string) =>
      q<[string], AchRatingEntry>(
        'SELECT g.row_id AS rowId, g.hypothesis_id AS hypothesisId, g.rating FROM ach_ratings g JOIN ach_rows r ON r.id = g.row_id WHERE r.matrix_id = ?'
      ).all(matrixId),
    ratingsOfHypothesis: (hypothesisId: string) =>
      q<[string], { rowId: string; rating: Rating }>('SELECT row_id AS rowId, rating FROM ach_ratings WHERE hypothesis_id = ?').all(hypothesisId),
    ratingsOfRow: (rowId: string) => q<[string], { hypothesisId: string; rating: Rating }>('SELECT hypothesis_id AS hypothesisId, rating FROM ach_ratings WHERE row_id = ?').all(rowId),
    /** Rates a cell, when the row is of this matrix (a row removed since is skipped). */
    rateIfRowOf: (rowId: string, hypothesisId: string, rating: Rating, matrixId: string) =>
      q<[string, Rating, string, string]>('INSERT INTO ach_ratings (row_id, hypothesis_id, rating) SELECT id, ?, ? FROM ach_rows WHERE id = ? AND matrix_id = ?').run(
        hypothesisId,
        rating,
        rowId,
        matrixId
      ),
    /** Rates a cell, when the hypothesis is of this matrix (one removed since is skipped). */
    rateIfHypothesisOf: (rowId: string, hypothesisId: string, rating: Rating, matrixId: string) =>
      q<[string, Rating, string, string]>('INSERT INTO ach_ratings (row_id, hypothesis_id, rating) SELECT ?, id, ? FROM ach_hypotheses WHERE id = ? AND matrix_id = ?').run(
        rowId,
        rating,
        hypothesisId,
        matrixId
      ),
    rate: (rowId: string, hypothesisId: string, rating: Rating) =>
      q<[string, string, Rating]>(
        'INSERT INTO ach_ratings (row_id, hypothesis_id, rating) VALUES (?, ?, ?) ON CONFLICT (row_id, hypothesis_id) DO UPDATE SET rating = excluded.rating'
      ).run(rowId, hypothesisId, rating),
    clearRating: (rowId: string, hypothesisId: string) => q<[string, string]>('DELETE FROM ach_ratings WHERE row_id = ? AND hypothesis_id = ?').run(rowId, hypothesisId),

    // ── snapshots
    insertSnapshot: (s: AchSnapshotInfo & { content: string }) =>
      q<[string, string, string, string, string]>('INSERT INTO ach_snapshots (id, matrix_id, label, taken_at, content) VALUES (?, ?, ?, ?, ?)').run(
        s.id,
        s.matrixId,
        s.label,
        s.takenAt,
        s.content
      ),
    /** Newest first. */
    snapshots: (matrixId: string) =>
      q<[string], AchSnapshotInfo>('SELECT id, matrix_id AS matrixId, label, taken_at AS takenAt FROM ach_snapshots WHERE matrix_id = ? ORDER BY taken_at DESC, rowid DESC').all(matrixId),
    snapshot: (id: string) =>
      q<[string], AchSnapshotInfo & { content: string }>('SELECT id, matrix_id AS matrixId, label, taken_at AS takenAt, content FROM ach_snapshots WHERE id = ?').get(id)
  }
}
