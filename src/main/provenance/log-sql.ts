import type Database from 'better-sqlite3'
import { GENESIS_HASH } from './log-hash'

/** SQL expressions (not values) for one activity-log entry. */
export interface LogExpr {
  action: string
  kind: string
  id: string
  details: string
  at?: string
  actor?: string
}

export const NOW_UTC = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`

/**
 * The one statement that appends an entry: the next sequence number, the previous entry's hash,
 * and this entry's hash over both (dossier_log_hash, see log-hash.ts), computed in one row so
 * every expression is evaluated once. Used by the triggers and, with bound values, by appendLog.
 */
export function logInsertSql(e: LogExpr): string {
  return `INSERT INTO activity_log (seq, at, actor, action, subject_kind, subject_id, details, prev_hash, hash)
    SELECT x.seq, x.at, x.actor, x.action, x.kind, x.sid, x.details, x.prev,
           dossier_log_hash(x.prev, x.seq, x.at, x.actor, x.action, x.kind, x.sid, x.details)
    FROM (SELECT coalesce((SELECT max(seq) FROM activity_log), 0) + 1 AS seq,
                 coalesce((SELECT hash FROM activity_log ORDER BY seq DESC LIMIT 1), '${GENESIS_HASH}') AS prev,
                 ${e.at ?? NOW_UTC} AS at, ${e.actor ?? 'dossier_actor()'} AS actor, ${e.action} AS action,
                 ${e.kind} AS kind, ${e.id} AS sid, ${e.details} AS details) x;`
}

export interface LogValues {
  action: string
  kind: string
  id: string | null
  details: Record<string, unknown>
  at?: string
}

/** Appends an entry from code, through the same statement the triggers use. */
export function appendLog(db: Database.Database, v: LogValues): void {
  const sql = logInsertSql({ action: '@action', kind: '@kind', id: '@id', details: '@details', at: v.at ? '@at' : undefined })
  const params: Record<string, unknown> = { action: v.action, kind: v.kind, id: v.id, details: JSON.stringify(v.details) }
  if (v.at) params.at = v.at
  db.prepare(sql).run(params)
}
