import type Database from 'better-sqlite3'
import type { ClaimStatus, EvidenceRelation } from '../../../shared/analysis/claim-warnings'
import { statementsOf } from '../statement-cache'

/** A row of the claims table. */
export interface ClaimRow {
  id: string
  case_id: string
  text: string
  status: ClaimStatus
  created_at: string
  updated_at: string
}

/** A piece of evidence with its highlight, article, source and grades. */
export interface EvidenceRow {
  claim_id: string
  highlight_id: string
  relation: EvidenceRelation
  exact: string
  article_id: string
  article_title: string
  source_id: string | null
  source_name: string | null
  reliability: string | null
  credibility: number | null
  published_at: string | null
  imported_at: string
}

/** Evidence of live highlights in live articles, with the grade each piece carries. */
const EVIDENCE = `SELECT e.claim_id, e.highlight_id, e.relation, h.exact, a.id AS article_id, a.title AS article_title,
    a.source_id, coalesce(s.name, a.source) AS source_name, coalesce(a.reliability, s.reliability) AS reliability,
    h.credibility, a.published_at, a.imported_at
  FROM claim_evidence e
  JOIN highlights h ON h.id = e.highlight_id AND h.deleted_at IS NULL
  JOIN articles a ON a.id = h.article_id AND a.deleted_at IS NULL
  LEFT JOIN sources s ON s.id = a.source_id`

/** What the claims list needs of each piece: no titles or dates, so each article is read from its index alone (migration 035). */
export interface ClaimListEvidenceRow {
  claim_id: string
  highlight_id: string
  relation: EvidenceRelation
  exact: string
  credibility: number | null
  article_id: string
  source_id: string | null
  source_name: string | null
  reliability: string | null
  /** The article's MinHash signature, read for supporting pieces only (the circular-reporting check). */
  signature: Buffer | null
}

/** Driven from the case's claims (claims_case), then each claim's evidence by its primary key. */
const LIST_EVIDENCE = `SELECT e.claim_id, e.highlight_id, e.relation, h.exact, h.credibility, a.id AS article_id, a.source_id,
    coalesce(s.name, a.source) AS source_name, coalesce(a.reliability, s.reliability) AS reliability, m.signature
  FROM claims c
  JOIN claim_evidence e ON e.claim_id = c.id
  JOIN highlights h ON h.id = e.highlight_id AND h.deleted_at IS NULL
  JOIN articles a INDEXED BY articles_live_grading ON a.id = h.article_id AND a.deleted_at IS NULL
  LEFT JOIN sources s ON s.id = a.source_id
  LEFT JOIN article_minhash m ON m.article_rowid = a.rowid AND e.relation = 'supports'
  WHERE c.case_id = ?`

export function claimsRepo(db: Database.Database) {
  const q = statementsOf(db)
  return {
    byId: (id: string) => q<[string], ClaimRow>('SELECT * FROM claims WHERE id = ?').get(id),
    /** The case's claims, oldest first. */
    ofCase: (caseId: string) => q<[string], ClaimRow>('SELECT * FROM claims WHERE case_id = ? ORDER BY created_at, id').all(caseId),
    /** A claim's live evidence, in the order it was added. */
    evidenceOf: (claimId: string) => q<[string], EvidenceRow>(`${EVIDENCE} WHERE e.claim_id = ? ORDER BY e.added_at, e.highlight_id`).all(claimId),
    /** Every live piece of evidence of the case's claims, for the claims list. */
    listEvidenceOfCase: (caseId: string) => q<[string], ClaimListEvidenceRow>(LIST_EVIDENCE).all(caseId),
    /** The claims a highlight is evidence for. */
    ofHighlight: (highlightId: string) =>
      q<[string], { claimId: string; text: string; relation: EvidenceRelation }>(
        'SELECT c.id AS claimId, c.text, e.relation FROM claim_evidence e JOIN claims c ON c.id = e.claim_id WHERE e.highlight_id = ?'
      ).all(highlightId),
    insert: (c: Omit<ClaimRow, 'status'>) =>
      q<[string, string, string, string, string]>('INSERT INTO claims (id, case_id, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(
        c.id,
        c.case_id,
        c.text,
        c.created_at,
        c.updated_at
      ),
    setStatus: (id: string, status: ClaimStatus, at: string) => q<[ClaimStatus, string, string]>('UPDATE claims SET status = ?, updated_at = ? WHERE id = ?').run(status, at, id),
    setText: (id: string, text: string, at: string) => q<[string, string, string]>('UPDATE claims SET text = ?, updated_at = ? WHERE id = ?').run(text, at, id),
    touch: (id: string, at: string) => q<[string, string]>('UPDATE claims SET updated_at = ? WHERE id = ?').run(at, id),
    /** True when there was such a claim (its evidence links go with it). */
    delete: (id: string) => q<[string]>('DELETE FROM claims WHERE id = ?').run(id).changes > 0,
    /** Links a highlight as evidence, or changes how it is linked (its first date stays). */
    link: (claimId: string, highlightId: string, relation: EvidenceRelation, at: string) =>
      q<[string, string, EvidenceRelation, string]>(
        `INSERT INTO claim_evidence (claim_id, highlight_id, relation, added_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (claim_id, highlight_id) DO UPDATE SET relation = excluded.relation`
      ).run(claimId, highlightId, relation, at),
    unlink: (claimId: string, highlightId: string) => q<[string, string]>('DELETE FROM claim_evidence WHERE claim_id = ? AND highlight_id = ?').run(claimId, highlightId)
  }
}
