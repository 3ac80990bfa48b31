import type Database from 'better-sqlite3'
import { isCredibility, isReliability, type Credibility, type Reliability } from '../../../shared/analysis/admiralty'
import type { GradeChange } from '../../../shared/analysis/analysis-types'
import { refuse } from '../../../shared/refusals'
import type { Clock } from '../clock'
import type { SourceService } from './source-service'
import { articlesRepo } from '../../db/repos/articles'
import { gradeHistoryRepo } from '../../db/repos/grade-history'
import { highlightsRepo } from '../../db/repos/highlights'
import { sourcesRepo } from '../../db/repos/sources'

/**
 * Grades and their history. Every change, and only a change, adds a history row naming who (the
 * OS user), when, from what, to what and why; the row's trigger writes the activity log entry in
 * the same transaction (migration 017). Null clears a grade back to ungraded.
 */
export class GradingService {
  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock,
    private readonly actor: string,
    private readonly sources: SourceService
  ) {}

  setSourceReliability(sourceId: string, grade: Reliability | null, reason: string | null = null): GradeChange | null {
    if (grade !== null && !isReliability(grade)) throw refuse('grade.not_reliability', { grade: String(grade) })
    const id = this.sources.currentId(sourceId)
    return this.change('source', id, 'reliability', this.sources.reliabilityOf(id), grade, reason, () =>
      sourcesRepo(this.db).setReliability(id, grade)
    )
  }

  /** A per-article override of its source's reliability; null goes back to the source's grade. */
  setArticleReliability(articleId: string, grade: Reliability | null, reason: string | null = null): GradeChange | null {
    if (grade !== null && !isReliability(grade)) throw refuse('grade.not_reliability', { grade: String(grade) })
    const articles = articlesRepo(this.db)
    const row = articles.reliability(articleId)
    if (!row) throw refuse('missing.article', { id: articleId })
    return this.change('article', articleId, 'reliability', row.reliability, grade, reason, () =>
      articles.setReliability(articleId, grade)
    )
  }

  setCredibility(highlightId: string, grade: Credibility | null, reason: string | null = null): GradeChange | null {
    if (grade !== null && !isCredibility(grade)) throw refuse('grade.not_credibility', { grade: String(grade) })
    const highlights = highlightsRepo(this.db)
    const row = highlights.credibility(highlightId)
    if (!row) throw refuse('missing.highlight', { id: highlightId })
    return this.change('highlight', highlightId, 'credibility', row.credibility === null ? null : String(row.credibility), grade === null ? null : String(grade), reason, () =>
      highlights.setCredibility(highlightId, grade)
    )
  }

  /** Newest first. A source's history includes the sources merged into it. */
  history(subjectKind: GradeChange['subjectKind'], subjectId: string): GradeChange[] {
    const ids = subjectKind === 'source' ? this.sources.lineage(subjectId) : [subjectId]
    const rows = gradeHistoryRepo(this.db).of(subjectKind, JSON.stringify(ids))
    return rows.map((r) => ({
      id: r.id,
      subjectKind: r.subject_kind,
      subjectId: r.subject_id,
      scale: r.scale,
      from: r.from_grade,
      to: r.to_grade,
      reason: r.reason,
      actor: r.actor,
      at: r.at
    }))
  }

  private change(
    kind: GradeChange['subjectKind'],
    id: string,
    scale: GradeChange['scale'],
    from: string | null,
    to: string | null,
    reason: string | null,
    apply: () => void
  ): GradeChange | null {
    if (from === to) return null
    const cleanReason = reason?.trim() || null
    return this.db.transaction(() => {
      apply()
      const at = this.clock()
      const historyId = gradeHistoryRepo(this.db).insert({
        subject_kind: kind,
        subject_id: id,
        scale,
        from_grade: from,
        to_grade: to,
        reason: cleanReason,
        actor: this.actor,
        at
      })
      return { id: historyId, subjectKind: kind, subjectId: id, scale, from, to, reason: cleanReason, actor: this.actor, at }
    })()
  }
}
