import { z } from 'zod'
import {
  CaseInfo,
  CaseName,
  ClaimDetail,
  ClaimStatus,
  ClaimSummary,
  CredibilityGrade,
  EvidenceManifest,
  EvidenceRelation,
  GradeChange,
  GradeReason,
  ReliabilityGrade,
  SourceInfo,
  VerifyReport
} from '../analysis/analysis-types'
import { Highlight, Id } from '../domain-types'
import type { ContractPart } from './common'

const Ids = z.array(Id).min(1).max(10_000)
const ClaimText = z.string().min(1).max(2000)
const Description = z.string().max(20_000)
const SourceName = z.string().min(1).max(200)

const CaseNotebook = z.object({ caseId: Id, content: z.string(), updatedAt: z.string() })

/** Verify Library as a job: originals and log entries checked so far, and the report at the end. */
const VerifyJob = z.object({
  jobId: Id,
  total: z.number().int(),
  done: z.number().int(),
  finished: z.boolean(),
  cancelled: z.boolean(),
  report: VerifyReport.nullable(),
  error: z.string().nullable()
})

/** Cases, sources and grades, claims and provenance (decision 0019). */
export const casesContract = {
  'case.list': {
    input: z.object({ includeArchived: z.boolean().default(false) }).strict(),
    output: z.object({ items: z.array(CaseInfo) })
  },
  'case.create': {
    input: z.object({ name: CaseName, description: Description.default('') }).strict(),
    output: CaseInfo
  },
  'case.update': {
    input: z.object({ id: Id, name: CaseName.optional(), description: Description.optional() }).strict(),
    output: CaseInfo
  },
  'case.archive': { input: z.object({ id: Id }).strict(), output: CaseInfo },
  'case.restore': { input: z.object({ id: Id }).strict(), output: CaseInfo },
  'case.addArticles': { input: z.object({ caseId: Id, articleIds: Ids }).strict(), output: CaseInfo },
  'case.removeArticles': { input: z.object({ caseId: Id, articleIds: Ids }).strict(), output: CaseInfo },
  /** The case's live articles, in import order (the library's case filter, "this case" export). */
  'case.articles': { input: z.object({ caseId: Id }).strict(), output: z.object({ ids: z.array(Id) }) },
  /** Which cases an article is in. */
  'case.ofArticle': { input: z.object({ articleId: Id }).strict(), output: z.array(z.object({ id: Id, name: z.string() })) },
  /** Opens a case (null: none): new imports go to it, and the app opens on it next time. */
  'case.open': { input: z.object({ caseId: Id.nullable() }).strict(), output: CaseInfo.nullable() },
  'case.last': { input: z.object({}).strict(), output: z.object({ case: CaseInfo.nullable() }) },
  'case.notebookGet': { input: z.object({ caseId: Id }).strict(), output: CaseNotebook.nullable() },
  'case.notebookSave': { input: z.object({ caseId: Id, content: z.string().min(2).max(2 * 1024 * 1024) }).strict(), output: CaseNotebook },

  'source.list': { input: z.object({}).strict(), output: z.object({ items: z.array(SourceInfo) }) },
  /** A source with its grade history, newest first. */
  'source.get': { input: z.object({ id: Id }).strict(), output: z.object({ source: SourceInfo, history: z.array(GradeChange) }) },
  /** The live articles of a source, with each one's own reliability override (null: the source's grade holds). */
  'source.articles': {
    input: z.object({ id: Id }).strict(),
    output: z.array(z.object({ id: Id, title: z.string(), importedAt: z.string(), reliabilityOverride: ReliabilityGrade.nullable() }))
  },
  'source.rename': { input: z.object({ id: Id, name: SourceName }).strict(), output: SourceInfo },
  'source.merge': { input: z.object({ ids: Ids, intoId: Id }).strict(), output: SourceInfo },
  /** Undoes a merge: the source stands alone again with the articles it had (their ids kept by the caller). */
  'source.unmerge': { input: z.object({ id: Id, articleIds: z.array(Id).max(100_000) }).strict(), output: SourceInfo },
  'source.split': { input: z.object({ id: Id, articleIds: Ids, name: SourceName }).strict(), output: SourceInfo },
  /** Reassigns an article to a source (by id), to a source by name (created when new), or to none. */
  'source.assign': {
    input: z.union([z.object({ articleId: Id, sourceId: Id.nullable() }).strict(), z.object({ articleId: Id, sourceName: SourceName }).strict()]),
    output: z.object({ articleId: Id, source: SourceInfo.nullable() })
  },
  'source.grade': {
    input: z.object({ id: Id, reliability: ReliabilityGrade.nullable(), reason: GradeReason.optional() }).strict(),
    output: SourceInfo
  },
  /** The per-article override of its source's reliability; null goes back to the source's grade. */
  'article.gradeReliability': {
    input: z.object({ articleId: Id, reliability: ReliabilityGrade.nullable(), reason: GradeReason.optional() }).strict(),
    output: z.object({ articleId: Id, reliability: ReliabilityGrade.nullable() })
  },
  'highlight.grade': {
    input: z.object({ id: Id, credibility: CredibilityGrade.nullable(), reason: GradeReason.optional() }).strict(),
    output: Highlight
  },
  'grade.history': {
    input: z.object({ kind: z.enum(['source', 'article', 'highlight']), id: Id }).strict(),
    output: z.array(GradeChange)
  },

  'claim.list': {
    input: z.object({ caseId: Id, sort: z.enum(['support', 'created']).default('support') }).strict(),
    output: z.array(ClaimSummary)
  },
  'claim.get': { input: z.object({ id: Id }).strict(), output: ClaimDetail },
  'claim.create': {
    input: z
      .object({
        caseId: Id,
        text: ClaimText,
        supports: z.array(Id).max(1000).optional(),
        contradicts: z.array(Id).max(1000).optional(),
        context: z.array(Id).max(1000).optional()
      })
      .strict(),
    output: ClaimDetail
  },
  'claim.link': { input: z.object({ claimId: Id, highlightId: Id, relation: EvidenceRelation }).strict(), output: ClaimDetail },
  'claim.unlink': { input: z.object({ claimId: Id, highlightId: Id }).strict(), output: ClaimDetail },
  'claim.update': { input: z.object({ id: Id, text: ClaimText.optional(), status: ClaimStatus.optional() }).strict(), output: ClaimDetail },
  'claim.delete': { input: z.object({ id: Id }).strict(), output: z.object({ deleted: z.boolean() }) },
  /** The claims a highlight is evidence for. */
  'claim.ofHighlight': {
    input: z.object({ highlightId: Id }).strict(),
    output: z.array(z.object({ claimId: Id, text: z.string(), relation: EvidenceRelation }))
  },

  /** Checks the activity log's chain and every stored original against its hash. */
  'provenance.verify': { input: z.object({}).strict(), output: VerifyReport },
  /** The same check as a job the window polls, with progress and cancel (decision 0018's registry). */
  'provenance.verifyStart': { input: z.object({}).strict(), output: VerifyJob },
  'provenance.verifyStatus': { input: z.object({ jobId: Id }).strict(), output: VerifyJob },
  'provenance.verifyCancel': { input: z.object({ jobId: Id }).strict(), output: VerifyJob },
  'provenance.manifest': { input: z.object({ caseId: Id }).strict(), output: EvidenceManifest },
  /** Writes the case's evidence manifest as manifest.json or manifest.csv into a folder. */
  'provenance.exportManifest': {
    input: z.object({ caseId: Id, outDir: z.string().min(1).max(4096), format: z.enum(['json', 'csv']) }).strict(),
    output: z.object({ file: z.string(), articles: z.number().int() })
  },
  /** Live articles whose text is a near-copy of this one's (MinHash). */
  'article.nearCopies': {
    input: z.object({ articleId: Id }).strict(),
    output: z.array(z.object({ articleId: Id, title: z.string(), similarity: z.number() }))
  }
} as const satisfies ContractPart
