import type Database from 'better-sqlite3'
import { statementsOf } from '../statement-cache'

/** A case's brief as its last Markdown export made it (migration 085), with what the file's changing parts were made from. */
export interface BriefRenderRow {
  /** brief_changes when the export began reading: the row counts only while the count is still this. */
  changes: number
  /** The renderer's version, the app's, the language and the style (brief-markdown-store.ts). */
  fingerprint: string
  title: string
  case_name: string
  /** The appendix's article count and the log head its sentence names: a new head words the sentence again. */
  articles: number
  log_seq: number | null
  log_hash: string | null
  /** Byte offsets in `markdown`: where the blocks start (after the front matter and title, made each time with the date), and the appendix's heading and sentence. */
  body_start: number
  head_start: number
  head_end: number
  footnotes: number
  check_json: string
  /** The hash of the stored file: the file itself when it is written the same day with the same log head. */
  sha256: string
}

/** A stored export that counts now, with the activity log's head now. */
export type CurrentRender = BriefRenderRow & { head_seq: number | null; head_hash: string | null }


/**
 * brief_renders and brief_changes (migration 085): one stored Markdown export per case, and the
 * count of changes to the tables the export reads, bumped by triggers on them.
 */
export function briefRendersRepo(db: Database.Database) {
  const q = statementsOf(db)
  return {
    /** The count now: read before anything the export reads, so a row stored with it is never newer than what it was made from. */
    changes: (): number => q.pluck<[], number>('SELECT n FROM brief_changes WHERE id = 1').get() ?? -1,
    /**
     * The case's stored export when it was made at the count there is now: its row (with the
     * activity log's head now), its pieces in order, and the setting `settingKey` holds now (the
     * style, which the caller checks against the row's fingerprint). One statement: on a new
     * connection preparing each one costs about as much as running it.
     */
    current: (caseId: string, settingKey: string): { row: CurrentRender; chunks: Buffer[]; setting: string | null } | undefined => {
      const rows = q<[string, string], CurrentRender & { bytes: Buffer; setting: string | null }>(
        `SELECT r.*, h.seq AS head_seq, h.hash AS head_hash, (SELECT value FROM settings WHERE key = ?) AS setting, k.bytes
         FROM brief_renders r JOIN brief_changes c ON c.id = 1 AND c.n = r.changes LEFT JOIN activity_head h ON h.id = 1
         JOIN brief_render_chunks k ON k.case_id = r.case_id
         WHERE r.case_id = ? ORDER BY k.seq`
      ).all(settingKey, caseId)
      return rows.length ? { row: rows[0]!, chunks: rows.map((r) => r.bytes), setting: rows[0]!.setting } : undefined
    },
    /** Whether the case's stored export is the one these would store (nothing to write again). */
    holds: (caseId: string, changes: number, fingerprint: string): boolean =>
      q.pluck<[string, number, string], number>('SELECT 1 FROM brief_renders WHERE case_id = ? AND changes = ? AND fingerprint = ?').get(caseId, changes, fingerprint) === 1,
    /** Stores the case's export (in one transaction: the row and its pieces). */
    put: (caseId: string, row: BriefRenderRow, pieces: readonly Uint8Array[]): void => {
      q<[string, BriefRenderRow]>(
        `INSERT INTO brief_renders (case_id, changes, fingerprint, title, case_name, articles, log_seq, log_hash, body_start, head_start, head_end, footnotes, check_json, sha256)
         VALUES (?, @changes, @fingerprint, @title, @case_name, @articles, @log_seq, @log_hash, @body_start, @head_start, @head_end, @footnotes, @check_json, @sha256)
         ON CONFLICT (case_id) DO UPDATE SET changes = excluded.changes, fingerprint = excluded.fingerprint, title = excluded.title,
           case_name = excluded.case_name, articles = excluded.articles, log_seq = excluded.log_seq, log_hash = excluded.log_hash,
           body_start = excluded.body_start, head_start = excluded.head_start, head_end = excluded.head_end,
           footnotes = excluded.footnotes, check_json = excluded.check_json, sha256 = excluded.sha256`
      ).run(caseId, row)
      q<[string]>('DELETE FROM brief_render_chunks WHERE case_id = ?').run(caseId)
      const chunk = q<[string, number, Uint8Array]>('INSERT INTO brief_render_chunks (case_id, seq, bytes) VALUES (?, ?, ?)')
      // An empty file still has a piece: the export joins the pieces to the row.
      const stored = pieces.length ? pieces : [Buffer.alloc(0)]
      stored.forEach((piece, seq) => chunk.run(caseId, seq, piece))
    },

  }
}
