import type Database from 'better-sqlite3'
import type { GradeChange } from '../../../shared/analysis/analysis-types'
import { statementsOf } from '../statement-cache'

/** A row of the grade_history table: one change of a grade, whose trigger logs it (migration 017). */
export interface GradeHistoryRow {
  id: number
  subject_kind: GradeChange['subjectKind']
  subject_id: string
  scale: GradeChange['scale']
  from_grade: string | null
  to_grade: string | null
  reason: string | null
  actor: string
  at: string
}

export function gradeHistoryRepo(db: Database.Database) {
  const q = statementsOf(db)
  return {
    /** Changes of these subjects (ids as a JSON array), newest first. */
    of: (kind: GradeChange['subjectKind'], subjectIdsJson: string) =>
      q<[string, string], GradeHistoryRow>(
        `SELECT * FROM grade_history WHERE subject_kind = ? AND subject_id IN (SELECT value FROM json_each(?)) ORDER BY id DESC`
      ).all(kind, subjectIdsJson),
    /** Adds a change; its id. */
    insert: (c: Omit<GradeHistoryRow, 'id'>) =>
      Number(
        q<[string, string, string, string | null, string | null, string | null, string, string]>(
          'INSERT INTO grade_history (subject_kind, subject_id, scale, from_grade, to_grade, reason, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
        ).run(c.subject_kind, c.subject_id, c.scale, c.from_grade, c.to_grade, c.reason, c.actor, c.at).lastInsertRowid
      )
  }
}
