import type Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { betterReliability, gradeLabel, isCredibility, isReliability } from '../../../shared/analysis/admiralty'
import type { ClaimDetail, ClaimSummary, EvidenceItem } from '../../../shared/analysis/analysis-types'
import { claimWarnings, shingleCache, supportScore, type ClaimStatus, type EvidenceFacts, type EvidenceRelation } from '../../../shared/analysis/claim-warnings'
import { refuse } from '../../../shared/refusals'
import type { Clock } from '../clock'
import { nearCopyCheck, toSignature, type NearDuplicates } from './near-duplicates'
import { casesRepo } from '../../db/repos/cases'
import { claimsRepo, type ClaimListEvidenceRow, type ClaimRow, type EvidenceRow } from '../../db/repos/claims'
import { highlightsRepo } from '../../db/repos/highlights'

/** A piece of evidence as the warnings and the summary counts see it. */
type GradedFacts = EvidenceFacts & { reliability: EvidenceItem['reliability'] }

export type ClaimSort = 'support' | 'created'

export interface ClaimLinks {
  supports?: readonly string[]
  contradicts?: readonly string[]
  context?: readonly string[]
}

/**
 * Claims and the evidence linked to them. Dossier offers warnings, never verdicts: the status is
 * the analyst's (claim-warnings.ts says what each warning means).
 */
export class ClaimService {
  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock,
    private readonly nearDuplicates: NearDuplicates
  ) {}

  add(caseId: string, text: string, links: ClaimLinks = {}): ClaimDetail {
    if (!casesRepo(this.db).exists(caseId)) throw refuse('missing.case', { id: caseId })
    const clean = cleanText(text)
    const id = randomUUID()
    this.db.transaction(() => {
      const now = this.clock()
      claimsRepo(this.db).insert({ id, case_id: caseId, text: clean, created_at: now, updated_at: now })
      for (const relation of ['supports', 'contradicts', 'context'] as const) {
        for (const highlightId of links[relation] ?? []) this.link(id, highlightId, relation)
      }
    })()
    return this.get(id)
  }

  /** Links a highlight to a claim, or changes how it is linked. */
  link(claimId: string, highlightId: string, relation: EvidenceRelation): ClaimDetail {
    this.row(claimId)
    const h = highlightsRepo(this.db).deletedAt(highlightId)
    if (!h || h.deleted_at) throw refuse(h ? 'missing.highlight_in_trash' : 'missing.highlight', { id: highlightId })
    this.db.transaction(() => {
      claimsRepo(this.db).link(claimId, highlightId, relation, this.clock())
      this.touch(claimId)
    })()
    return this.get(claimId)
  }

  unlink(claimId: string, highlightId: string): ClaimDetail {
    this.row(claimId)
    this.db.transaction(() => {
      claimsRepo(this.db).unlink(claimId, highlightId)
      this.touch(claimId)
    })()
    return this.get(claimId)
  }

  setStatus(claimId: string, status: ClaimStatus): ClaimDetail {
    this.row(claimId)
    claimsRepo(this.db).setStatus(claimId, status, this.clock())
    return this.get(claimId)
  }

  setText(claimId: string, text: string): ClaimDetail {
    this.row(claimId)
    claimsRepo(this.db).setText(claimId, cleanText(text), this.clock())
    return this.get(claimId)
  }

  delete(claimId: string): { deleted: boolean } {
    return { deleted: claimsRepo(this.db).delete(claimId) }
  }

  get(claimId: string): ClaimDetail {
    const row = this.row(claimId)
    const evidence = claimsRepo(this.db).evidenceOf(claimId).map(toItem)
    return { ...this.summarize(row, evidence, nearCopyCheck(this.nearDuplicates.signatures(evidence.map((e) => e.articleId)))), evidence }
  }

  /**
   * The case's claims with their counts, best grades and warnings: two queries for the whole case
   * (claims, then all their evidence with the signatures of the supporting articles); each
   * passage's trigrams are built once for the whole list.
   */
  list(caseId: string, sort: ClaimSort = 'support'): ClaimSummary[] {
    const claims = claimsRepo(this.db).ofCase(caseId)
    const rows = claimsRepo(this.db).listEvidenceOfCase(caseId)
    const byClaim = new Map<string, GradedFacts[]>()
    const signatures = new Map<string, Uint32Array>()
    for (const r of rows) {
      const list = byClaim.get(r.claim_id) ?? []
      list.push(toFacts(r))
      byClaim.set(r.claim_id, list)
      if (r.signature && !signatures.has(r.article_id)) signatures.set(r.article_id, toSignature(r.signature))
    }
    const nearCopies = nearCopyCheck(signatures)
    const shingles = shingleCache()
    const summaries = claims.map((c) => this.summarize(c, byClaim.get(c.id) ?? [], nearCopies, shingles))
    if (sort === 'support') summaries.sort((a, b) => b.score - a.score || a.createdAt.localeCompare(b.createdAt))
    return summaries
  }

  /** Claims a highlight is evidence for: the reader shows them beside it. */
  claimsOf(highlightId: string): { claimId: string; text: string; relation: EvidenceRelation }[] {
    return claimsRepo(this.db).ofHighlight(highlightId)
  }

  private summarize(
    row: ClaimRow,
    evidence: readonly GradedFacts[],
    nearCopies: (a: string, b: string) => boolean,
    shingles?: (e: EvidenceFacts) => ReadonlySet<string>
  ): ClaimSummary {
    const supports = evidence.filter((e) => e.relation === 'supports')
    const warnings = claimWarnings(evidence, nearCopies, shingles)
    return {
      id: row.id,
      caseId: row.case_id,
      text: row.text,
      status: row.status,
      supports: supports.length,
      contradicts: evidence.filter((e) => e.relation === 'contradicts').length,
      context: evidence.filter((e) => e.relation === 'context').length,
      bestReliability: supports.reduce((best, e) => betterReliability(best, e.reliability), null as EvidenceItem['reliability']),
      bestCredibility: supports.reduce<number | null>((best, e) => (e.credibility !== null && (best === null || e.credibility < best) ? e.credibility : best), null),
      score: supportScore(evidence, warnings),
      warnings,
      createdAt: row.created_at,
      updatedAt: row.updated_at
    }
  }

  private row(claimId: string): ClaimRow {
    const row = claimsRepo(this.db).byId(claimId)
    if (!row) throw refuse('missing.claim', { id: claimId })
    return row
  }

  private touch(claimId: string): void {
    claimsRepo(this.db).touch(claimId, this.clock())
  }
}

function cleanText(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (!clean || clean.length > 2000) throw refuse('claim.text_length')
  return clean
}

function toFacts(r: ClaimListEvidenceRow): GradedFacts {
  return {
    highlightId: r.highlight_id,
    relation: r.relation,
    exact: r.exact,
    articleId: r.article_id,
    sourceId: r.source_id,
    sourceName: r.source_name,
    reliability: isReliability(r.reliability) ? r.reliability : null,
    credibility: isCredibility(r.credibility) ? r.credibility : null
  }
}

function toItem(r: EvidenceRow): EvidenceItem {
  const reliability = isReliability(r.reliability) ? r.reliability : null
  const credibility = isCredibility(r.credibility) ? r.credibility : null
  return {
    highlightId: r.highlight_id,
    relation: r.relation,
    exact: r.exact,
    articleId: r.article_id,
    articleTitle: r.article_title,
    sourceId: r.source_id,
    sourceName: r.source_name,
    reliability,
    credibility,
    publishedAt: r.published_at,
    importedAt: r.imported_at,
    grade: gradeLabel(reliability, credibility)
  }
}
