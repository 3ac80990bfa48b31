import type Database from 'better-sqlite3'
import { statementsOf } from '../statement-cache'

/** A row of the activity_log table: append-only and hash-chained (migration 017, decision 0019). */
export interface ActivityLogRow {
  seq: number
  at: string
  actor: string
  action: string
  subject_kind: string
  subject_id: string | null
  /** JSON. */
  details: string
  prev_hash: string
  hash: string
}

/** The row of activity_head: the log's last entry, so a cut-off tail is found too. */
export interface ActivityHeadRow {
  seq: number
  hash: string
}

export function activityLogRepo(db: Database.Database) {
  const q = statementsOf(db)
  return {
    count: () => q.pluck<[], number>('SELECT count(*) FROM activity_log').get() ?? 0,
    /** Up to 2000 entries after `afterSeq`, in order: a keyset batch, never an iterator held open. */
    batchAfter: (afterSeq: number) => q<[number], ActivityLogRow>('SELECT * FROM activity_log WHERE seq > ? ORDER BY seq LIMIT 2000').all(afterSeq),
    /** Newest first. */
    newest: (limit: number) => q<[number], ActivityLogRow>('SELECT * FROM activity_log ORDER BY seq DESC LIMIT ?').all(limit),
    /** A subject's entries, newest first. */
    newestOf: (subjectId: string, limit: number) =>
      q<[string, number], ActivityLogRow>('SELECT * FROM activity_log WHERE subject_id = ? ORDER BY seq DESC LIMIT ?').all(subjectId, limit),
    head: () => q<[], ActivityHeadRow>('SELECT seq, hash FROM activity_head WHERE id = 1').get()
  }
}
