import type Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { gradeLabel, isCredibility, isReliability } from '../../../shared/analysis/admiralty'
import type { AchHypothesis, AchMatrix, AchMatrixInfo, AchRatingEntry, AchRemovedHypothesis, AchRemovedRow, AchRow, AchSnapshot, AchSnapshotInfo } from '../../../shared/ach/ach-types'
import { AchMatrix as AchMatrixSchema } from '../../../shared/ach/ach-types'
import type { Rating } from '../../../shared/ach/ratings'
import { DEFAULT_RELEVANCE, defaultCredibilityWeight, type WeightLevel } from '../../../shared/ach/weights'
import { DossierError } from '../../../shared/errors'
import type { ClaimService } from '../analysis/claim-service'
import type { Clock } from '../clock'

interface MatrixRow {
  id: string
  case_id: string
  name: string
  created_at: string
  updated_at: string
}

interface RowRecord {
  id: string
  matrix_id: string
  position: number
  highlight_id: string | null
  claim_id: string | null
  credibility: WeightLevel | null
  relevance: WeightLevel | null
  enabled: 0 | 1
  exact: string | null
  h_credibility: number | null
  article_id: string | null
  article_title: string | null
  source_id: string | null
  source_name: string | null
  reliability: string | null
  published_at: string | null
}

/** Rows of live highlights in live articles, and claim rows; a trashed highlight's row waits hidden. */
const ROWS = `SELECT r.id, r.matrix_id, r.position, r.highlight_id, r.claim_id, r.credibility, r.relevance, r.enabled,
    h.exact, h.credibility AS h_credibility, a.id AS article_id, a.title AS article_title, a.source_id,
    coalesce(s.name, a.source) AS source_name, coalesce(a.reliability, s.reliability) AS reliability, a.published_at
  FROM ach_rows r
  LEFT JOIN highlights h ON h.id = r.highlight_id
  LEFT JOIN articles a ON a.id = h.article_id
  LEFT JOIN sources s ON s.id = a.source_id
  WHERE r.claim_id IS NOT NULL OR (h.deleted_at IS NULL AND a.deleted_at IS NULL)`

export type RowItem = { highlightId: string } | { claimId: string }

/**
 * Competing-hypotheses matrices of a case (decision 0023): hypotheses and evidence rows in the
 * analyst's order, one rating per rated cell, weights with overrides, dated snapshots. Every
 * change is one transaction and touches the matrix's `updated_at`. Scores are not stored: they
 * are computed from this by `src/shared/ach/` wherever they are shown.
 */
export class AchService {
  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock,
    private readonly claims: ClaimService
  ) {}

  list(caseId: string): AchMatrixInfo[] {
    this.requireCase(caseId)
    const rows = this.db
      .prepare<[string], MatrixRow & { hypotheses: number; rows: number }>(
        `SELECT m.*, (SELECT count(*) FROM ach_hypotheses WHERE matrix_id = m.id) AS hypotheses, (SELECT count(*) FROM ach_rows WHERE matrix_id = m.id) AS rows
         FROM ach_matrices m WHERE m.case_id = ? ORDER BY m.created_at, m.id`
      )
      .all(caseId)
    return rows.map((m) => ({ id: m.id, caseId: m.case_id, name: m.name, hypotheses: m.hypotheses, rows: m.rows, createdAt: m.created_at, updatedAt: m.updated_at }))
  }

  create(caseId: string, name: string): AchMatrix {
    this.requireCase(caseId)
    const id = randomUUID()
    const now = this.clock()
    this.db.prepare('INSERT INTO ach_matrices (id, case_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(id, caseId, cleanName(name), now, now)
    return this.get(id)
  }

  /** The matrix named, or the case's first one; refused when the case has none. */
  ofCase(caseId: string, matrixId?: string): AchMatrix {
    this.requireCase(caseId)
    if (matrixId !== undefined) {
      const m = this.matrix(matrixId)
      if (m.case_id !== caseId) throw new DossierError('not_found', `Matrix ${matrixId} is not in case ${caseId}.`)
      return this.get(matrixId)
    }
    const first = this.db.prepare<[string], { id: string }>('SELECT id FROM ach_matrices WHERE case_id = ? ORDER BY created_at, id LIMIT 1').get(caseId)
    if (!first) throw new DossierError('not_found', `Case ${caseId} has no hypotheses matrix yet.`)
    return this.get(first.id)
  }

  get(matrixId: string): AchMatrix {
    const m = this.matrix(matrixId)
    const hypotheses = this.db.prepare<[string], AchHypothesis>('SELECT id, text FROM ach_hypotheses WHERE matrix_id = ? ORDER BY position, created_at').all(matrixId)
    const records = this.db.prepare<[string], RowRecord>(`${ROWS} AND r.matrix_id = ? ORDER BY r.position, r.added_at`).all(matrixId)
    const rows = records.map((r) => this.toRow(r))
    const shown = new Set(rows.map((r) => r.id))
    const ratings = (
      this.db
        .prepare<[string], AchRatingEntry>('SELECT g.row_id AS rowId, g.hypothesis_id AS hypothesisId, g.rating FROM ach_ratings g JOIN ach_rows r ON r.id = g.row_id WHERE r.matrix_id = ?')
        .all(matrixId)
    ).filter((g) => shown.has(g.rowId))
    return { id: m.id, caseId: m.case_id, name: m.name, createdAt: m.created_at, updatedAt: m.updated_at, hypotheses, rows, ratings }
  }

  rename(matrixId: string, name: string): AchMatrix {
    this.matrix(matrixId)
    this.db.prepare('UPDATE ach_matrices SET name = ?, updated_at = ? WHERE id = ?').run(cleanName(name), this.clock(), matrixId)
    return this.get(matrixId)
  }

  delete(matrixId: string): { deleted: boolean } {
    return { deleted: this.db.prepare('DELETE FROM ach_matrices WHERE id = ?').run(matrixId).changes > 0 }
  }

  addHypothesis(matrixId: string, text: string, position?: number): AchHypothesis {
    this.matrix(matrixId)
    const id = randomUUID()
    this.db.transaction(() => {
      const at = this.insertAt('ach_hypotheses', matrixId, position)
      this.db.prepare('INSERT INTO ach_hypotheses (id, matrix_id, position, text, created_at) VALUES (?, ?, ?, ?, ?)').run(id, matrixId, at, cleanHypothesis(text), this.clock())
      this.touch(matrixId)
    })()
    return { id, text: cleanHypothesis(text) }
  }

  editHypothesis(id: string, text: string): AchHypothesis {
    const h = this.hypothesis(id)
    this.db.transaction(() => {
      this.db.prepare('UPDATE ach_hypotheses SET text = ? WHERE id = ?').run(cleanHypothesis(text), id)
      this.touch(h.matrix_id)
    })()
    return { id, text: cleanHypothesis(text) }
  }

  /** Moves a hypothesis to `position` (0 first; past the end means last); the matrix's hypotheses in their new order. */
  moveHypothesis(id: string, position: number): AchHypothesis[] {
    const h = this.hypothesis(id)
    this.db.transaction(() => {
      this.reorder('ach_hypotheses', h.matrix_id, id, position)
      this.touch(h.matrix_id)
    })()
    return this.db.prepare<[string], AchHypothesis>('SELECT id, text FROM ach_hypotheses WHERE matrix_id = ? ORDER BY position').all(h.matrix_id)
  }

  /** Removes a hypothesis and its column of ratings; what it returns puts them back (Undo). */
  removeHypothesis(id: string): AchRemovedHypothesis {
    const h = this.hypothesis(id)
    const ratings = this.db.prepare<[string], { rowId: string; rating: Rating }>('SELECT row_id AS rowId, rating FROM ach_ratings WHERE hypothesis_id = ?').all(id)
    const position = this.indexOf('ach_hypotheses', h.matrix_id, id)
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM ach_hypotheses WHERE id = ?').run(id)
      this.renumber('ach_hypotheses', h.matrix_id)
      this.touch(h.matrix_id)
    })()
    return { matrixId: h.matrix_id, position, hypothesis: { id, text: h.text }, ratings }
  }

  restoreHypothesis(removed: AchRemovedHypothesis): AchHypothesis {
    this.matrix(removed.matrixId)
    if (this.db.prepare('SELECT 1 FROM ach_hypotheses WHERE id = ?').get(removed.hypothesis.id)) throw new DossierError('duplicate', 'That hypothesis is in the matrix already.')
    this.db.transaction(() => {
      const at = this.insertAt('ach_hypotheses', removed.matrixId, removed.position)
      this.db
        .prepare('INSERT INTO ach_hypotheses (id, matrix_id, position, text, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(removed.hypothesis.id, removed.matrixId, at, cleanHypothesis(removed.hypothesis.text), this.clock())
      const rate = this.db.prepare('INSERT INTO ach_ratings (row_id, hypothesis_id, rating) SELECT id, ?, ? FROM ach_rows WHERE id = ? AND matrix_id = ?')
      for (const g of removed.ratings) rate.run(removed.hypothesis.id, g.rating, g.rowId, removed.matrixId)
      this.touch(removed.matrixId)
    })()
    return { id: removed.hypothesis.id, text: cleanHypothesis(removed.hypothesis.text) }
  }

  /**
   * Adds highlights or claims as rows, at `position` (default: the end), in the order given.
   * One already in the matrix is skipped (counted); a missing or trashed one, or a claim of
   * another case, refuses the whole call.
   */
  addRows(matrixId: string, items: readonly RowItem[], position?: number): { added: AchRow[]; skipped: number } {
    const m = this.matrix(matrixId)
    for (const item of items) {
      if ('highlightId' in item) {
        const h = this.db.prepare<[string], { deleted_at: string | null; article_deleted: string | null }>('SELECT h.deleted_at, a.deleted_at AS article_deleted FROM highlights h JOIN articles a ON a.id = h.article_id WHERE h.id = ?').get(item.highlightId)
        if (!h || h.deleted_at || h.article_deleted) throw new DossierError('not_found', `No highlight with id ${item.highlightId}${h ? ' (it is in the Trash)' : ''}.`)
      } else {
        const c = this.db.prepare<[string], { case_id: string }>('SELECT case_id FROM claims WHERE id = ?').get(item.claimId)
        if (!c) throw new DossierError('not_found', `No claim with id ${item.claimId}.`)
        if (c.case_id !== m.case_id) throw new DossierError('invalid_input', `Claim ${item.claimId} belongs to another case.`)
      }
    }
    const ids: string[] = []
    let skipped = 0
    this.db.transaction(() => {
      const fresh = items.filter((item, i) => {
        const dup =
          items.findIndex((o) => JSON.stringify(o) === JSON.stringify(item)) !== i ||
          ('highlightId' in item
            ? this.db.prepare('SELECT 1 FROM ach_rows WHERE matrix_id = ? AND highlight_id = ?').get(matrixId, item.highlightId)
            : this.db.prepare('SELECT 1 FROM ach_rows WHERE matrix_id = ? AND claim_id = ?').get(matrixId, item.claimId))
        if (dup) skipped++
        return !dup
      })
      let at = this.insertAt('ach_rows', matrixId, position, fresh.length)
      const now = this.clock()
      const insert = this.db.prepare('INSERT INTO ach_rows (id, matrix_id, position, highlight_id, claim_id, added_at) VALUES (?, ?, ?, ?, ?, ?)')
      for (const item of fresh) {
        const id = randomUUID()
        insert.run(id, matrixId, at++, 'highlightId' in item ? item.highlightId : null, 'claimId' in item ? item.claimId : null, now)
        ids.push(id)
      }
      this.touch(matrixId)
    })()
    return { added: ids.map((id) => this.row(id)), skipped }
  }

  /** Removes a row and its ratings; what it returns puts them back (Undo). */
  removeRow(id: string): AchRemovedRow {
    const r = this.rowRecord(id)
    const ratings = this.db.prepare<[string], { hypothesisId: string; rating: Rating }>('SELECT hypothesis_id AS hypothesisId, rating FROM ach_ratings WHERE row_id = ?').all(id)
    const position = this.indexOf('ach_rows', r.matrix_id, id)
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM ach_rows WHERE id = ?').run(id)
      this.renumber('ach_rows', r.matrix_id)
      this.touch(r.matrix_id)
    })()
    return {
      matrixId: r.matrix_id,
      position,
      row: { id, highlightId: r.highlight_id, claimId: r.claim_id, credibilityOverride: r.credibility, relevanceOverride: r.relevance, enabled: r.enabled === 1 },
      ratings
    }
  }

  restoreRow(removed: AchRemovedRow): AchRow {
    this.matrix(removed.matrixId)
    const { row } = removed
    if ((row.highlightId === null) === (row.claimId === null)) throw new DossierError('invalid_input', 'row: a row is a highlight or a claim.')
    if (this.db.prepare('SELECT 1 FROM ach_rows WHERE id = ?').get(row.id)) throw new DossierError('duplicate', 'That row is in the matrix already.')
    this.db.transaction(() => {
      const at = this.insertAt('ach_rows', removed.matrixId, removed.position)
      this.db
        .prepare('INSERT INTO ach_rows (id, matrix_id, position, highlight_id, claim_id, credibility, relevance, enabled, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(row.id, removed.matrixId, at, row.highlightId, row.claimId, row.credibilityOverride, row.relevanceOverride, row.enabled ? 1 : 0, this.clock())
      const rate = this.db.prepare('INSERT INTO ach_ratings (row_id, hypothesis_id, rating) SELECT ?, id, ? FROM ach_hypotheses WHERE id = ? AND matrix_id = ?')
      for (const g of removed.ratings) rate.run(row.id, g.rating, g.hypothesisId, removed.matrixId)
      this.touch(removed.matrixId)
    })()
    return this.row(row.id)
  }

  moveRow(id: string, position: number): string[] {
    const r = this.rowRecord(id)
    this.db.transaction(() => {
      this.reorder('ach_rows', r.matrix_id, id, position)
      this.touch(r.matrix_id)
    })()
    return this.db.prepare<[string], { id: string }>('SELECT id FROM ach_rows WHERE matrix_id = ? ORDER BY position').all(r.matrix_id).map((x) => x.id)
  }

  /** Weight overrides (null: back to the default) and the row's on/off switch. */
  updateRow(id: string, change: { credibility?: WeightLevel | null; relevance?: WeightLevel | null; enabled?: boolean }): AchRow {
    const r = this.rowRecord(id)
    this.db.transaction(() => {
      if (change.credibility !== undefined) this.db.prepare('UPDATE ach_rows SET credibility = ? WHERE id = ?').run(change.credibility, id)
      if (change.relevance !== undefined) this.db.prepare('UPDATE ach_rows SET relevance = ? WHERE id = ?').run(change.relevance, id)
      if (change.enabled !== undefined) this.db.prepare('UPDATE ach_rows SET enabled = ? WHERE id = ?').run(change.enabled ? 1 : 0, id)
      this.touch(r.matrix_id)
    })()
    return this.row(id)
  }

  /** Rates one cell; null clears it. The row and the hypothesis must be of one matrix. */
  rate(rowId: string, hypothesisId: string, rating: Rating | null): { rowId: string; hypothesisId: string; rating: Rating | null } {
    const r = this.rowRecord(rowId)
    const h = this.hypothesis(hypothesisId)
    if (h.matrix_id !== r.matrix_id) throw new DossierError('invalid_input', 'hypothesisId: that hypothesis is in another matrix.')
    this.db.transaction(() => {
      if (rating === null) this.db.prepare('DELETE FROM ach_ratings WHERE row_id = ? AND hypothesis_id = ?').run(rowId, hypothesisId)
      else
        this.db
          .prepare('INSERT INTO ach_ratings (row_id, hypothesis_id, rating) VALUES (?, ?, ?) ON CONFLICT (row_id, hypothesis_id) DO UPDATE SET rating = excluded.rating')
          .run(rowId, hypothesisId, rating)
      this.touch(r.matrix_id)
    })()
    return { rowId, hypothesisId, rating }
  }

  /** Saves the matrix as it is now, as a dated version. */
  snapshot(matrixId: string, label = ''): AchSnapshotInfo {
    const matrix = this.get(matrixId)
    const id = randomUUID()
    const takenAt = this.clock()
    const clean = label.replace(/\s+/g, ' ').trim().slice(0, 200)
    this.db.prepare('INSERT INTO ach_snapshots (id, matrix_id, label, taken_at, content) VALUES (?, ?, ?, ?, ?)').run(id, matrixId, clean, takenAt, JSON.stringify(matrix))
    return { id, matrixId, label: clean, takenAt }
  }

  /** The matrix's versions, newest first. */
  snapshots(matrixId: string): AchSnapshotInfo[] {
    this.matrix(matrixId)
    return this.db
      .prepare<[string], AchSnapshotInfo>('SELECT id, matrix_id AS matrixId, label, taken_at AS takenAt FROM ach_snapshots WHERE matrix_id = ? ORDER BY taken_at DESC, rowid DESC')
      .all(matrixId)
  }

  getSnapshot(id: string): AchSnapshot {
    const s = this.db.prepare<[string], AchSnapshotInfo & { content: string }>('SELECT id, matrix_id AS matrixId, label, taken_at AS takenAt, content FROM ach_snapshots WHERE id = ?').get(id)
    if (!s) throw new DossierError('not_found', `No snapshot with id ${id}.`)
    const parsed = AchMatrixSchema.safeParse(JSON.parse(s.content))
    if (!parsed.success) throw new DossierError('invalid_input', `Snapshot ${id} cannot be read: ${parsed.error.issues[0]?.message ?? 'damaged'}.`)
    return { id: s.id, matrixId: s.matrixId, label: s.label, takenAt: s.takenAt, matrix: parsed.data }
  }

  private row(id: string): AchRow {
    const r = this.db.prepare<[string], RowRecord>(`${ROWS} AND r.id = ?`).get(id)
    if (!r) throw new DossierError('not_found', `No row with id ${id} (or its highlight is in the Trash).`)
    return this.toRow(r)
  }

  private toRow(r: RowRecord): AchRow {
    let reliability = isReliability(r.reliability) ? r.reliability : null
    let credibility = isCredibility(r.h_credibility) ? r.h_credibility : null
    let quote = r.exact ?? ''
    let sourceName = r.source_name
    let publishedAt = r.published_at
    if (r.claim_id !== null) {
      const claim = this.claims.get(r.claim_id)
      reliability = claim.bestReliability
      credibility = isCredibility(claim.bestCredibility) ? claim.bestCredibility : null
      quote = claim.text
      const names = [...new Set(claim.evidence.filter((e) => e.relation === 'supports').map((e) => e.sourceName ?? e.articleTitle))]
      sourceName = names.length ? names.join('; ') : null
      publishedAt = claim.evidence.map((e) => e.publishedAt).filter((d): d is string => d !== null).sort()[0] ?? null
    }
    const credibilityWeight = r.credibility ?? defaultCredibilityWeight(reliability, credibility)
    return {
      id: r.id,
      kind: r.claim_id !== null ? 'claim' : 'highlight',
      highlightId: r.highlight_id,
      claimId: r.claim_id,
      quote,
      articleId: r.article_id,
      articleTitle: r.article_title,
      sourceId: r.source_id,
      sourceName,
      publishedAt,
      reliability,
      credibility,
      grade: gradeLabel(reliability, credibility),
      credibilityWeight,
      relevance: r.relevance ?? DEFAULT_RELEVANCE,
      credibilityOverride: r.credibility,
      relevanceOverride: r.relevance,
      enabled: r.enabled === 1
    }
  }

  private matrix(id: string): MatrixRow {
    const m = this.db.prepare<[string], MatrixRow>('SELECT * FROM ach_matrices WHERE id = ?').get(id)
    if (!m) throw new DossierError('not_found', `No hypotheses matrix with id ${id}.`)
    return m
  }

  private hypothesis(id: string): { id: string; matrix_id: string; text: string } {
    const h = this.db.prepare<[string], { id: string; matrix_id: string; text: string }>('SELECT id, matrix_id, text FROM ach_hypotheses WHERE id = ?').get(id)
    if (!h) throw new DossierError('not_found', `No hypothesis with id ${id}.`)
    return h
  }

  private rowRecord(id: string): RowRecord {
    const r = this.db.prepare<[string], RowRecord>('SELECT * FROM ach_rows WHERE id = ?').get(id)
    if (!r) throw new DossierError('not_found', `No row with id ${id}.`)
    return r
  }

  private requireCase(caseId: string): void {
    if (!this.db.prepare('SELECT 1 FROM cases WHERE id = ?').get(caseId)) throw new DossierError('not_found', `No case with id ${caseId}.`)
  }

  private touch(matrixId: string): void {
    this.db.prepare('UPDATE ach_matrices SET updated_at = ? WHERE id = ?').run(this.clock(), matrixId)
  }

  /** Opens `count` places at `position` (clamped; default the end) and returns the first. */
  private insertAt(table: 'ach_rows' | 'ach_hypotheses', matrixId: string, position: number | undefined, count = 1): number {
    const size = this.db.prepare<[string], number>(`SELECT count(*) FROM ${table} WHERE matrix_id = ?`).pluck().get(matrixId) ?? 0
    const at = position === undefined ? size : Math.max(0, Math.min(position, size))
    if (at < size) this.db.prepare(`UPDATE ${table} SET position = position + ? WHERE matrix_id = ? AND position >= ?`).run(count, matrixId, at)
    return at
  }

  private ids(table: 'ach_rows' | 'ach_hypotheses', matrixId: string): string[] {
    return this.db.prepare<[string], { id: string }>(`SELECT id FROM ${table} WHERE matrix_id = ? ORDER BY position, rowid`).all(matrixId).map((x) => x.id)
  }

  private indexOf(table: 'ach_rows' | 'ach_hypotheses', matrixId: string, id: string): number {
    return this.ids(table, matrixId).indexOf(id)
  }

  private renumber(table: 'ach_rows' | 'ach_hypotheses', matrixId: string, order = this.ids(table, matrixId)): void {
    const set = this.db.prepare(`UPDATE ${table} SET position = ? WHERE id = ?`)
    order.forEach((id, i) => set.run(i, id))
  }

  private reorder(table: 'ach_rows' | 'ach_hypotheses', matrixId: string, id: string, position: number): void {
    const order = this.ids(table, matrixId).filter((x) => x !== id)
    order.splice(Math.max(0, Math.min(position, order.length)), 0, id)
    this.renumber(table, matrixId, order)
  }
}

function cleanName(name: string): string {
  const clean = name.replace(/\s+/g, ' ').trim()
  if (!clean || clean.length > 200) throw new DossierError('invalid_input', 'name: a matrix needs a name of 1 to 200 characters.')
  return clean
}

function cleanHypothesis(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (!clean || clean.length > 500) throw new DossierError('invalid_input', 'text: a hypothesis is a short statement of 1 to 500 characters.')
  return clean
}
