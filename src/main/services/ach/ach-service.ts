import type Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { gradeLabel, isCredibility, isReliability } from '../../../shared/analysis/admiralty'
import type { AchHypothesis, AchMatrix, AchMatrixInfo, AchRemovedHypothesis, AchRemovedRow, AchRow, AchSnapshot, AchSnapshotInfo } from '../../../shared/ach/ach-types'
import { AchMatrix as AchMatrixSchema } from '../../../shared/ach/ach-types'
import type { Rating } from '../../../shared/ach/ratings'
import { DEFAULT_RELEVANCE, defaultCredibilityWeight, type WeightLevel } from '../../../shared/ach/weights'
import { refuse } from '../../../shared/refusals'
import { achRepo, type AchHypothesisRow, type AchMatrixRow, type AchOrderedTable, type AchRowRow, type AchRowViewRow } from '../../db/repos/ach'
import { casesRepo } from '../../db/repos/cases'
import { claimsRepo } from '../../db/repos/claims'
import { highlightsRepo } from '../../db/repos/highlights'
import type { ClaimService } from '../analysis/claim-service'
import type { Clock } from '../clock'

export type RowItem = { highlightId: string } | { claimId: string }

/**
 * Competing-hypotheses matrices of a case (decision 0023): hypotheses and evidence rows in the
 * analyst's order, one rating per rated cell, weights with overrides, dated snapshots. Every
 * change is one transaction and touches the matrix's `updated_at`. Scores are not stored: they
 * are computed from this by `src/shared/ach/` wherever they are shown.
 */
export class AchService {
  private readonly ach: ReturnType<typeof achRepo>

  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock,
    private readonly claims: ClaimService
  ) {
    this.ach = achRepo(db)
  }

  list(caseId: string): AchMatrixInfo[] {
    this.requireCase(caseId)
    return this.ach.matricesOfCase(caseId).map((m) => ({ id: m.id, caseId: m.case_id, name: m.name, hypotheses: m.hypotheses, rows: m.rows, createdAt: m.created_at, updatedAt: m.updated_at }))
  }

  create(caseId: string, name: string): AchMatrix {
    this.requireCase(caseId)
    const id = randomUUID()
    const now = this.clock()
    this.ach.insertMatrix({ id, case_id: caseId, name: cleanName(name), created_at: now, updated_at: now })
    return this.get(id)
  }

  /** The matrix named, or the case's first one; refused when the case has none. */
  ofCase(caseId: string, matrixId?: string): AchMatrix {
    this.requireCase(caseId)
    if (matrixId !== undefined) {
      const m = this.matrix(matrixId)
      if (m.case_id !== caseId) throw refuse('ach.matrix_elsewhere', { matrix: matrixId, case: caseId })
      return this.get(matrixId)
    }
    const first = this.ach.firstMatrixId(caseId)
    if (first === undefined) throw refuse('ach.no_matrix', { case: caseId })
    return this.get(first)
  }

  get(matrixId: string): AchMatrix {
    const m = this.matrix(matrixId)
    const hypotheses = this.ach.hypotheses(matrixId)
    const rows = this.ach.rowViews(matrixId).map((r) => this.toRow(r))
    const shown = new Set(rows.map((r) => r.id))
    const ratings = this.ach.ratingsOfMatrix(matrixId).filter((g) => shown.has(g.rowId))
    return { id: m.id, caseId: m.case_id, name: m.name, createdAt: m.created_at, updatedAt: m.updated_at, hypotheses, rows, ratings }
  }

  rename(matrixId: string, name: string): AchMatrix {
    this.matrix(matrixId)
    this.ach.rename(matrixId, cleanName(name), this.clock())
    return this.get(matrixId)
  }

  delete(matrixId: string): { deleted: boolean } {
    return { deleted: this.ach.deleteMatrix(matrixId) }
  }

  addHypothesis(matrixId: string, text: string, position?: number): AchHypothesis {
    this.matrix(matrixId)
    const id = randomUUID()
    this.db.transaction(() => {
      const at = this.insertAt('ach_hypotheses', matrixId, position)
      this.ach.insertHypothesis({ id, matrix_id: matrixId, position: at, text: cleanHypothesis(text), created_at: this.clock() })
      this.touch(matrixId)
    })()
    return { id, text: cleanHypothesis(text) }
  }

  editHypothesis(id: string, text: string): AchHypothesis {
    const h = this.hypothesis(id)
    this.db.transaction(() => {
      this.ach.setHypothesisText(id, cleanHypothesis(text))
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
    return this.ach.hypothesesByPosition(h.matrix_id)
  }

  /** Removes a hypothesis and its column of ratings; what it returns puts them back (Undo). */
  removeHypothesis(id: string): AchRemovedHypothesis {
    const h = this.hypothesis(id)
    const ratings = this.ach.ratingsOfHypothesis(id)
    const position = this.indexOf('ach_hypotheses', h.matrix_id, id)
    this.db.transaction(() => {
      this.ach.deleteHypothesis(id)
      this.renumber('ach_hypotheses', h.matrix_id)
      this.touch(h.matrix_id)
    })()
    return { matrixId: h.matrix_id, position, hypothesis: { id, text: h.text }, ratings }
  }

  restoreHypothesis(removed: AchRemovedHypothesis): AchHypothesis {
    this.matrix(removed.matrixId)
    if (this.ach.hypothesisExists(removed.hypothesis.id)) throw refuse('ach.hypothesis_present')
    this.db.transaction(() => {
      const at = this.insertAt('ach_hypotheses', removed.matrixId, removed.position)
      this.ach.insertHypothesis({ id: removed.hypothesis.id, matrix_id: removed.matrixId, position: at, text: cleanHypothesis(removed.hypothesis.text), created_at: this.clock() })
      for (const g of removed.ratings) this.ach.rateIfRowOf(g.rowId, removed.hypothesis.id, g.rating, removed.matrixId)
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
        const h = highlightsRepo(this.db).trashState(item.highlightId)
        if (!h || h.deleted_at || h.article_deleted) throw refuse(h ? 'missing.highlight_in_trash' : 'missing.highlight', { id: item.highlightId })
      } else {
        const c = claimsRepo(this.db).byId(item.claimId)
        if (!c) throw refuse('missing.claim', { id: item.claimId })
        if (c.case_id !== m.case_id) throw refuse('ach.claim_elsewhere', { id: item.claimId })
      }
    }
    const ids: string[] = []
    let skipped = 0
    this.db.transaction(() => {
      const fresh = items.filter((item, i) => {
        const dup =
          items.findIndex((o) => JSON.stringify(o) === JSON.stringify(item)) !== i ||
          ('highlightId' in item
            ? this.ach.hasHighlightRow(matrixId, item.highlightId)
            : this.ach.hasClaimRow(matrixId, item.claimId))
        if (dup) skipped++
        return !dup
      })
      let at = this.insertAt('ach_rows', matrixId, position, fresh.length)
      const now = this.clock()
      for (const item of fresh) {
        const id = randomUUID()
        this.ach.insertRow({
          id,
          matrix_id: matrixId,
          position: at++,
          highlight_id: 'highlightId' in item ? item.highlightId : null,
          claim_id: 'claimId' in item ? item.claimId : null,
          added_at: now
        })
        ids.push(id)
      }
      this.touch(matrixId)
    })()
    return { added: ids.map((id) => this.row(id)), skipped }
  }

  /** Removes a row and its ratings; what it returns puts them back (Undo). */
  removeRow(id: string): AchRemovedRow {
    const r = this.rowRecord(id)
    const ratings = this.ach.ratingsOfRow(id)
    const position = this.indexOf('ach_rows', r.matrix_id, id)
    this.db.transaction(() => {
      this.ach.deleteRow(id)
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
    if ((row.highlightId === null) === (row.claimId === null)) throw refuse('ach.row_kind')
    if (this.ach.rowExists(row.id)) throw refuse('ach.row_present')
    this.db.transaction(() => {
      const at = this.insertAt('ach_rows', removed.matrixId, removed.position)
      this.ach.restoreRow({
        id: row.id,
        matrix_id: removed.matrixId,
        position: at,
        highlight_id: row.highlightId,
        claim_id: row.claimId,
        credibility: row.credibilityOverride,
        relevance: row.relevanceOverride,
        enabled: row.enabled ? 1 : 0,
        added_at: this.clock()
      })
      for (const g of removed.ratings) this.ach.rateIfHypothesisOf(row.id, g.hypothesisId, g.rating, removed.matrixId)
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
    return this.ach.rowIdsByPosition(r.matrix_id)
  }

  /** Weight overrides (null: back to the default) and the row's on/off switch. */
  updateRow(id: string, change: { credibility?: WeightLevel | null; relevance?: WeightLevel | null; enabled?: boolean }): AchRow {
    const r = this.rowRecord(id)
    this.db.transaction(() => {
      if (change.credibility !== undefined) this.ach.setRowCredibility(id, change.credibility)
      if (change.relevance !== undefined) this.ach.setRowRelevance(id, change.relevance)
      if (change.enabled !== undefined) this.ach.setRowEnabled(id, change.enabled ? 1 : 0)
      this.touch(r.matrix_id)
    })()
    return this.row(id)
  }

  /** Rates one cell; null clears it. The row and the hypothesis must be of one matrix. */
  rate(rowId: string, hypothesisId: string, rating: Rating | null): { rowId: string; hypothesisId: string; rating: Rating | null } {
    const r = this.rowRecord(rowId)
    const h = this.hypothesis(hypothesisId)
    if (h.matrix_id !== r.matrix_id) throw refuse('ach.hypothesis_elsewhere')
    this.db.transaction(() => {
      if (rating === null) this.ach.clearRating(rowId, hypothesisId)
      else this.ach.rate(rowId, hypothesisId, rating)
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
    this.ach.insertSnapshot({ id, matrixId, label: clean, takenAt, content: JSON.stringify(matrix) })
    return { id, matrixId, label: clean, takenAt }
  }

  /** The matrix's versions, newest first. */
  snapshots(matrixId: string): AchSnapshotInfo[] {
    this.matrix(matrixId)
    return this.ach.snapshots(matrixId)
  }

  getSnapshot(id: string): AchSnapshot {
    const s = this.ach.snapshot(id)
    if (!s) throw refuse('missing.snapshot', { id })
    const parsed = AchMatrixSchema.safeParse(JSON.parse(s.content))
    if (!parsed.success) throw refuse('ach.snapshot_damaged', { id, detail: parsed.error.issues[0]?.message ?? 'damaged' })
    return { id: s.id, matrixId: s.matrixId, label: s.label, takenAt: s.takenAt, matrix: parsed.data }
  }

  private row(id: string): AchRow {
    const r = this.ach.rowView(id)
    if (!r) throw refuse('missing.ach_row_or_trashed', { id })
    return this.toRow(r)
  }

  private toRow(r: AchRowViewRow): AchRow {
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

  private matrix(id: string): AchMatrixRow {
    const m = this.ach.matrix(id)
    if (!m) throw refuse('missing.matrix', { id })
    return m
  }

  private hypothesis(id: string): Pick<AchHypothesisRow, 'id' | 'matrix_id' | 'text'> {
    const h = this.ach.hypothesis(id)
    if (!h) throw refuse('missing.hypothesis', { id })
    return h
  }

  private rowRecord(id: string): AchRowRow {
    const r = this.ach.row(id)
    if (!r) throw refuse('missing.ach_row', { id })
    return r
  }

  private requireCase(caseId: string): void {
    if (!casesRepo(this.db).exists(caseId)) throw refuse('missing.case', { id: caseId })
  }

  private touch(matrixId: string): void {
    this.ach.touch(matrixId, this.clock())
  }

  /** Opens `count` places at `position` (clamped; default the end) and returns the first. */
  private insertAt(table: AchOrderedTable, matrixId: string, position: number | undefined, count = 1): number {
    const size = this.ach.size(table, matrixId)
    const at = position === undefined ? size : Math.max(0, Math.min(position, size))
    if (at < size) this.ach.shiftFrom(table, matrixId, at, count)
    return at
  }

  private ids(table: AchOrderedTable, matrixId: string): string[] {
    return this.ach.orderedIds(table, matrixId)
  }

  private indexOf(table: AchOrderedTable, matrixId: string, id: string): number {
    return this.ids(table, matrixId).indexOf(id)
  }

  private renumber(table: AchOrderedTable, matrixId: string, order = this.ids(table, matrixId)): void {
    order.forEach((id, i) => this.ach.setPosition(table, id, i))
  }

  private reorder(table: AchOrderedTable, matrixId: string, id: string, position: number): void {
    const order = this.ids(table, matrixId).filter((x) => x !== id)
    order.splice(Math.max(0, Math.min(position, order.length)), 0, id)
    this.renumber(table, matrixId, order)
  }
}

function cleanName(name: string): string {
  const clean = name.replace(/\s+/g, ' ').trim()
  if (!clean || clean.length > 200) throw refuse('ach.matrix_name_length')
  return clean
}

function cleanHypothesis(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (!clean || clean.length > 500) throw refuse('ach.hypothesis_length')
  return clean
}
