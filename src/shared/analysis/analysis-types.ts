import { z } from 'zod'
import { CLAIM_STATUSES, EVIDENCE_RELATIONS, WARNING_KINDS } from './claim-warnings'
import { RELIABILITY_GRADES } from './admiralty'

const Id = z.uuid()

export const ReliabilityGrade = z.enum(RELIABILITY_GRADES)
export const CredibilityGrade = z.number().int().min(1).max(6)
export const EvidenceRelation = z.enum(EVIDENCE_RELATIONS)
export const ClaimStatus = z.enum(CLAIM_STATUSES)
export const GradeReason = z.string().max(2000)

export const CaseName = z
  .string()
  .transform((s) => s.replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1, 'a case needs a name').max(200))

export const CaseInfo = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  createdAt: z.string(),
  archivedAt: z.string().nullable(),
  articles: z.number().int(),
  claims: z.number().int()
})
export type CaseInfo = z.infer<typeof CaseInfo>

export const SourceInfo = z.object({
  id: Id,
  name: z.string(),
  domain: z.string().nullable(),
  reliability: ReliabilityGrade.nullable(),
  articles: z.number().int(),
  createdAt: z.string()
})
export type SourceInfo = z.infer<typeof SourceInfo>

export const GradeChange = z.object({
  id: z.number().int(),
  subjectKind: z.enum(['source', 'article', 'highlight']),
  subjectId: z.string(),
  scale: z.enum(['reliability', 'credibility']),
  from: z.string().nullable(),
  to: z.string().nullable(),
  reason: z.string().nullable(),
  actor: z.string(),
  at: z.string()
})
export type GradeChange = z.infer<typeof GradeChange>

export const ClaimWarning = z.object({ kind: z.enum(WARNING_KINDS), message: z.string(), values: z.record(z.string(), z.union([z.string(), z.number()])) })

export const EvidenceItem = z.object({
  highlightId: Id,
  relation: EvidenceRelation,
  exact: z.string(),
  articleId: Id,
  articleTitle: z.string(),
  sourceId: Id.nullable(),
  sourceName: z.string().nullable(),
  reliability: ReliabilityGrade.nullable(),
  credibility: CredibilityGrade.nullable(),
  publishedAt: z.string().nullable(),
  importedAt: z.string(),
  /** "B2", "?3", "ungraded". */
  grade: z.string()
})
export type EvidenceItem = z.infer<typeof EvidenceItem>

export const ClaimSummary = z.object({
  id: Id,
  caseId: Id,
  text: z.string(),
  status: ClaimStatus,
  supports: z.number().int(),
  contradicts: z.number().int(),
  context: z.number().int(),
  bestReliability: ReliabilityGrade.nullable(),
  bestCredibility: CredibilityGrade.nullable(),
  /** How well supported, for sorting: see supportScore in claim-warnings.ts. */
  score: z.number(),
  warnings: z.array(ClaimWarning),
  createdAt: z.string(),
  updatedAt: z.string()
})
export type ClaimSummary = z.infer<typeof ClaimSummary>

export const ClaimDetail = ClaimSummary.extend({ evidence: z.array(EvidenceItem) })
export type ClaimDetail = z.infer<typeof ClaimDetail>

export const VerifyFailure = z.object({ kind: z.enum(['article', 'log']), id: z.string(), message: z.string() })
export type VerifyFailure = z.infer<typeof VerifyFailure>

export const VerifyReport = z.object({
  ok: z.boolean(),
  articles: z.number().int(),
  bytes: z.number().int(),
  entries: z.number().int(),
  head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
  failures: z.array(VerifyFailure)
})
export type VerifyReport = z.infer<typeof VerifyReport>

export const ManifestArticle = z.object({
  articleId: Id,
  title: z.string(),
  source: z.string().nullable(),
  reliability: ReliabilityGrade.nullable(),
  url: z.string().nullable(),
  importedAt: z.string(),
  importMethod: z.string().nullable(),
  importOrigin: z.string().nullable(),
  appVersion: z.string().nullable(),
  originalSha256: z.string().nullable(),
  textSha256: z.string().nullable()
})
export type ManifestArticle = z.infer<typeof ManifestArticle>

export const EvidenceManifest = z.object({
  caseId: Id,
  caseName: z.string(),
  generatedAt: z.string(),
  /** The activity log's last entry when the manifest was made: pins the log as it was then. */
  logHead: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
  articles: z.array(ManifestArticle)
})
export type EvidenceManifest = z.infer<typeof EvidenceManifest>
