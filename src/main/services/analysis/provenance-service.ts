import type Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { isReliability } from '../../../shared/analysis/admiralty'
import type { EvidenceManifest, ManifestArticle, VerifyFailure, VerifyReport } from '../../../shared/analysis/analysis-types'
import { DossierError } from '../../../shared/errors'
import { entryHash, GENESIS_HASH } from '../../provenance/log-hash'
import type { Clock } from '../clock'

interface LogRow {
  seq: number
  at: string
  actor: string
  action: string
  subject_kind: string
  subject_id: string | null
  details: string
  prev_hash: string
  hash: string
}

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
    private readonly clock: Clock
  ) {}

  /**
   * Checks everything; never stops at the first failure, so the report names every article and
   * log entry that fails. Originals are read one row at a time (iterate), so memory stays flat.
   */
  verify(onProgress?: (done: number) => void): VerifyReport {
    const failures: VerifyFailure[] = []
    let articles = 0
    let bytes = 0
    const rows = this.db.prepare('SELECT id, title, original, original_sha256 FROM articles ORDER BY rowid').iterate() as IterableIterator<{
      id: string
      title: string
      original: Buffer
      original_sha256: string | null
    }>
    for (const a of rows) {
      articles++
      bytes += a.original.length
      const actual = createHash('sha256').update(a.original).digest('hex')
      if (a.original_sha256 === null) failures.push({ kind: 'article', id: a.id, message: `“${a.title}” has no recorded hash of its original.` })
      else if (actual !== a.original_sha256) {
        failures.push({ kind: 'article', id: a.id, message: `“${a.title}”: the stored original no longer matches the SHA-256 recorded at import.` })
      }
      if (onProgress && articles % 1000 === 0) onProgress(articles)
    }
    const { entries, head } = this.verifyLog(failures)
    return { ok: failures.length === 0, articles, bytes, entries, head, failures }
  }

  private verifyLog(failures: VerifyFailure[]): { entries: number; head: VerifyReport['head'] } {
    let prev = GENESIS_HASH
    let expectedSeq = 1
    let entries = 0
    let last: LogRow | undefined
    for (const row of this.db.prepare('SELECT * FROM activity_log ORDER BY seq').iterate() as IterableIterator<LogRow>) {
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
    const head = this.db.prepare('SELECT seq, hash FROM activity_head WHERE id = 1').get() as { seq: number; hash: string } | undefined
    if (head && (!last || last.seq !== head.seq || last.hash !== head.hash)) {
      const id = `log entry ${head.seq}`
      failures.push({ kind: 'log', id, message: `${id}: the log's last entry is missing or changed (the log ends at ${last ? `entry ${last.seq}` : 'nothing'}).` })
    }
    return { entries, head: head ?? null }
  }

  /** The newest entries first, for the activity view. */
  log(limit = 200, subjectId?: string): ActivityEntry[] {
    const rows = (
      subjectId
        ? this.db.prepare('SELECT * FROM activity_log WHERE subject_id = ? ORDER BY seq DESC LIMIT ?').all(subjectId, limit)
        : this.db.prepare('SELECT * FROM activity_log ORDER BY seq DESC LIMIT ?').all(limit)
    ) as LogRow[]
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
    const found = this.db.prepare('SELECT id, name FROM cases WHERE id = ?').get(caseId) as { id: string; name: string } | undefined
    if (!found) throw new DossierError('not_found', `No case with id ${caseId}.`)
    const rows = this.db
      .prepare(
        `SELECT a.id, a.title, coalesce(s.name, a.source) AS source, coalesce(a.reliability, s.reliability) AS reliability, a.url,
                a.imported_at, a.import_method, a.import_origin, a.app_version, a.original_sha256, a.text_sha256
         FROM case_articles x JOIN articles a ON a.id = x.article_id LEFT JOIN sources s ON s.id = a.source_id
         WHERE x.case_id = ? AND a.deleted_at IS NULL ORDER BY a.imported_at, a.id`
      )
      .all(caseId) as {
      id: string
      title: string
      source: string | null
      reliability: string | null
      url: string | null
      imported_at: string
      import_method: string | null
      import_origin: string | null
      app_version: string | null
      original_sha256: string | null
      text_sha256: string | null
    }[]
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
    const head = this.db.prepare('SELECT seq, hash FROM activity_head WHERE id = 1').get() as { seq: number; hash: string } | undefined
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
