import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { isReliability } from '../../../shared/analysis/admiralty'
import type { EvidenceManifest, ManifestArticle, VerifyFailure, VerifyReport } from '../../../shared/analysis/analysis-types'
import { refuse } from '../../../shared/refusals'
import { entryHash, GENESIS_HASH } from '../../provenance/log-hash'
import type { Clock } from '../clock'
import { activityLogRepo, type ActivityLogRow } from '../../db/repos/activity-log'
import { articlesRepo } from '../../db/repos/articles'
import { casesRepo } from '../../db/repos/cases'

export interface ActivityEntry {
  seq: number
  at: string
  actor: string
  action: string
  subjectKind: string
  subjectId: string | null
  details: unknown
  hash: string
}

/**
 * Provenance: the verification of the library (every stored original against its SHA-256, the
 * activity log's hash chain against its head) and the evidence manifest of a case.
 */
export class ProvenanceService {
  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock,
    /** The native module the app's own connection was opened with (Electron's build in the desktop app). */
    private readonly nativeBinding?: string
  ) {}

  /**
   * Checks everything; never stops at the first failure, so the report names every article and
   * log entry that fails. For the CLI and tests: all at once. The app runs verifyJob.
   */
  verify(onProgress?: (done: number, total: number) => void): VerifyReport {
    const reader = this.openReader()
    const own = reader.db !== this.db
    try {
      // One read transaction: the recorded hashes and the originals are of one state of the library.
      if (own) reader.db.exec('BEGIN')
      const steps = this.verifySteps(reader.db)
      for (let step = steps.next(); ; step = steps.next()) {
        if (step.done) return step.value
        onProgress?.(step.value.done, step.value.total)
      }
    } finally {
      if (own && reader.db.inTransaction) reader.db.exec('ROLLBACK')
      reader.close()
    }
  }

  /**
   * The same check as a background job: a batch of originals at a time, giving the event loop
   * back between batches (other calls go on meanwhile) and stopping when the signal aborts. It
   * reads in one read transaction of its own connection, so what it checks is one consistent
   * state of the library, whatever is imported meanwhile.
   */
  async verifyJob(signal: AbortSignal, progress: (done: number, total: number) => void): Promise<VerifyReport> {
    const reader = this.openReader()
    const own = reader.db !== this.db
    try {
      if (own) reader.db.exec('BEGIN')
      const steps = this.verifySteps(reader.db)
      for (let step = steps.next(); ; step = steps.next()) {
        if (step.done) return step.value
        progress(step.value.done, step.value.total)
        if (signal.aborted) throw refuse('verify.cancelled')
        if (own) await new Promise((resolve) => setImmediate(resolve))
      }
    } finally {
      if (own && reader.db.inTransaction) reader.db.exec('ROLLBACK')
      reader.close()
    }
  }

  /**
   * Verification reads through its own read-only connection, with SQLite's default 2 MB page
   * cache and no memory mapping. Every original is read once, so a cache only costs: measured in
   * the `analysis` benchmark's process (BENCHMARKS.md, verify), a 64 MB cache that this fresh
   * connection filled, and a fresh 256 MB mapping of the file, took 2–3 times the CPU time of
   * reading each overflow page straight into the row's buffer. A library in memory (tests) has
   * no file to open a second connection on, and is read where it is.
   */
  private openReader(): { db: Database.Database; close(): void } {
    if (this.db.memory || !this.db.name) return { db: this.db, close: () => undefined }
    const reader = new Database(this.db.name, { readonly: true, fileMustExist: true, ...(this.nativeBinding ? { nativeBinding: this.nativeBinding } : {}) })
    reader.pragma('mmap_size = 0')
    reader.pragma('cache_size = -2000')
    return { db: reader, close: () => reader.close() }
  }

  /** Yields progress after each batch; returns the report. Originals are read a batch of rows at a time. */
  private *verifySteps(db: Database.Database): Generator<{ done: number; total: number }, VerifyReport> {
    const failures: VerifyFailure[] = []
    const articleRows = articlesRepo(db)
    const totalArticles = articleRows.count()
    const totalEntries = activityLogRepo(db).count()
    const total = totalArticles + totalEntries
    let articles = 0
    let bytes = 0
    const recordedHashes = articleRows.recordedOriginalHashes()
    // Keyset batches, never an iterator held open across a yield (the connection would be busy).
    // An integer start: a float bound (-Infinity) made each batch slower.
    let after = Number.MIN_SAFE_INTEGER
    for (;;) {
      const rows = articleRows.originalsAfter(after)
      if (rows.length === 0) break
      for (const [rowid, id, title, original] of rows) {
        after = rowid
        articles++
        bytes += original.length
        const recorded = recordedHashes.get(rowid) ?? null
        if (recorded === null) failures.push({ kind: 'article', id, message: `“${title}” has no recorded hash of its original.` })
        else if (createHash('sha256').update(original).digest('hex') !== recorded) {
          failures.push({ kind: 'article', id, message: `“${title}”: the stored original no longer matches the SHA-256 recorded at import.` })
        }
      }
      yield { done: articles, total }
    }
    const { entries, head } = yield* this.verifyLog(db, failures, articles, total)
    return { ok: failures.length === 0, articles, bytes, entries, head, failures }
  }

  private *verifyLog(
    db: Database.Database,
    failures: VerifyFailure[],
    doneBefore: number,
    total: number
  ): Generator<{ done: number; total: number }, { entries: number; head: VerifyReport['head'] }> {
    let prev = GENESIS_HASH
    let expectedSeq = 1
    let entries = 0
    let last: ActivityLogRow | undefined
    const log = activityLogRepo(db)
    let after = -Infinity
    for (;;) {
      const rows = log.batchAfter(after)
      if (rows.length === 0) break
      for (const row of rows) {
        after = row.seq
        entries++
        const id = `log entry ${row.seq}`
        if (row.seq !== expectedSeq) failures.push({ kind: 'log', id, message: `${id}: expected entry ${expectedSeq} here; entries are missing or out of order.` })
        if (row.prev_hash !== prev) failures.push({ kind: 'log', id, message: `${id} (${row.action}): does not follow the entry before it; the chain is broken here.` })
        const recomputed = entryHash(row.prev_hash, {
          seq: row.seq,
          at: row.at,
          actor: row.actor,
          action: row.action,
          subjectKind: row.subject_kind,
          subjectId: row.subject_id,
          details: row.details
        })
        if (recomputed !== row.hash) failures.push({ kind: 'log', id, message: `${id} (${row.action}): its content was changed after it was written.` })
        prev = row.hash
        expectedSeq = row.seq + 1
        last = row
      }
      yield { done: doneBefore + entries, total }
    }
    const head = log.head()
    if (head && (!last || last.seq !== head.seq || last.hash !== head.hash)) {
      const id = `log entry ${head.seq}`
      failures.push({ kind: 'log', id, message: `${id}: the log's last entry is missing or changed (the log ends at ${last ? `entry ${last.seq}` : 'nothing'}).` })
    }
    return { entries, head: head ?? null }
  }

  /** The newest entries first, for the activity view. */
  log(limit = 200, subjectId?: string): ActivityEntry[] {
    const log = activityLogRepo(this.db)
    const rows = subjectId ? log.newestOf(subjectId, limit) : log.newest(limit)
    return rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      actor: r.actor,
      action: r.action,
      subjectKind: r.subject_kind,
      subjectId: r.subject_id,
      details: JSON.parse(r.details) as unknown,
      hash: r.hash
    }))
  }

  /** Every article of a case with its title, source, URL, import time and hashes. */
  manifest(caseId: string): EvidenceManifest {
    const found = casesRepo(this.db).idAndName(caseId)
    if (!found) throw refuse('missing.case', { id: caseId })
    const rows = articlesRepo(this.db).manifestOfCase(caseId)
    const articles: ManifestArticle[] = rows.map((r) => ({
      articleId: r.id,
      title: r.title,
      source: r.source,
      reliability: isReliability(r.reliability) ? r.reliability : null,
      url: r.url,
      importedAt: r.imported_at,
      importMethod: r.import_method,
      importOrigin: r.import_origin,
      appVersion: r.app_version,
      originalSha256: r.original_sha256,
      textSha256: r.text_sha256
    }))
    const head = activityLogRepo(this.db).head()
    return { caseId: found.id, caseName: found.name, generatedAt: this.clock(), logHead: head ?? null, articles }
  }
}

const MANIFEST_COLUMNS = [
  'article_id',
  'title',
  'source',
  'reliability',
  'url',
  'imported_at',
  'import_method',
  'import_origin',
  'app_version',
  'original_sha256',
  'text_sha256'
] as const

/** RFC 4180: every field quoted, quotes doubled, CRLF between records. */
export function manifestCsv(manifest: EvidenceManifest): string {
  const cell = (v: string | null) => `"${(v ?? '').replace(/"/g, '""')}"`
  const lines = [MANIFEST_COLUMNS.join(',')]
  for (const a of manifest.articles) {
    lines.push(
      [a.articleId, a.title, a.source, a.reliability, a.url, a.importedAt, a.importMethod, a.importOrigin, a.appVersion, a.originalSha256, a.textSha256].map(cell).join(',')
    )
  }
  return `${lines.join('\r\n')}\r\n`
}
