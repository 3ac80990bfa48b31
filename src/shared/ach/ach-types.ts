import { z } from 'zod'
import { CredibilityGrade, ReliabilityGrade } from '../analysis/analysis-types'
import { ACH_WARNING_KINDS } from './warnings'
import { RATINGS } from './ratings'
import { WEIGHT_LEVELS } from './weights'

const Id = z.uuid()

export const AchRating = z.enum(RATINGS)
export const AchWeight = z.enum(WEIGHT_LEVELS)

export const MatrixName = z
  .string()
  .transform((s) => s.replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1, 'a matrix needs a name').max(200))

export const HypothesisText = z
  .string()
  .transform((s) => s.replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1, 'a hypothesis is a short statement').max(500, 'a hypothesis is a short statement (500 characters at most)'))

export const AchHypothesis = z.object({ id: Id, text: z.string() })
export type AchHypothesis = z.infer<typeof AchHypothesis>

/** One evidence row: a highlight (its passage) or a claim (its statement), with what the matrix shows of it. */
export const AchRow = z.object({
  id: Id,
  kind: z.enum(['highlight', 'claim']),
  highlightId: Id.nullable(),
  claimId: Id.nullable(),
  /** The passage's words, or the claim's statement. */
  quote: z.string(),
  articleId: Id.nullable(),
  articleTitle: z.string().nullable(),
  sourceId: Id.nullable(),
  /** The source's name; for a claim, its sources' names. */
  sourceName: z.string().nullable(),
  publishedAt: z.string().nullable(),
  reliability: ReliabilityGrade.nullable(),
  credibility: CredibilityGrade.nullable(),
  /** "B2", "?3", "ungraded"; a claim shows its best supporting grade. */
  grade: z.string(),
  /** The weights in force: the override when set, else the default (decision 0023). */
  credibilityWeight: AchWeight,
  relevance: AchWeight,
  credibilityOverride: AchWeight.nullable(),
  relevanceOverride: AchWeight.nullable(),
  enabled: z.boolean()
})
export type AchRow = z.infer<typeof AchRow>

export const AchRatingEntry = z.object({ rowId: Id, hypothesisId: Id, rating: AchRating })
export type AchRatingEntry = z.infer<typeof AchRatingEntry>

export const AchMatrix = z.object({
  id: Id,
  caseId: Id,
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  hypotheses: z.array(AchHypothesis),
  rows: z.array(AchRow),
  /** Rated cells only: a cell not listed is blank. */
  ratings: z.array(AchRatingEntry)
})
export type AchMatrix = z.infer<typeof AchMatrix>

export const AchMatrixInfo = z.object({
  id: Id,
  caseId: Id,
  name: z.string(),
  hypotheses: z.number().int(),
  rows: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string()
})
export type AchMatrixInfo = z.infer<typeof AchMatrixInfo>

export const AchSnapshotInfo = z.object({ id: Id, matrixId: Id, label: z.string(), takenAt: z.string() })
export type AchSnapshotInfo = z.infer<typeof AchSnapshotInfo>

/** A dated version: the matrix as it was, evidence words and grades included. */
export const AchSnapshot = AchSnapshotInfo.extend({ matrix: AchMatrix })
export type AchSnapshot = z.infer<typeof AchSnapshot>

/** What removing a row or a hypothesis took away, so Undo can put it back as it was. */
export const AchRemovedRow = z.object({
  matrixId: Id,
  position: z.number().int().min(0),
  row: z.object({
    id: Id,
    highlightId: Id.nullable(),
    claimId: Id.nullable(),
    credibilityOverride: AchWeight.nullable(),
    relevanceOverride: AchWeight.nullable(),
    enabled: z.boolean()
  }),
  ratings: z.array(z.object({ hypothesisId: Id, rating: AchRating })).max(1000)
})
export type AchRemovedRow = z.infer<typeof AchRemovedRow>

export const AchRemovedHypothesis = z.object({
  matrixId: Id,
  position: z.number().int().min(0),
  hypothesis: AchHypothesis,
  ratings: z.array(z.object({ rowId: Id, rating: AchRating })).max(100_000)
})
export type AchRemovedHypothesis = z.infer<typeof AchRemovedHypothesis>

export const AchWarningKind = z.enum(ACH_WARNING_KINDS)
