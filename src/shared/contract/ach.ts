import { z } from 'zod'
import {
  AchHypothesis,
  AchMatrix,
  AchMatrixInfo,
  AchRating,
  AchRemovedHypothesis,
  AchRemovedRow,
  AchRow,
  AchSnapshot,
  AchSnapshotInfo,
  AchWeight,
  HypothesisText,
  MatrixName
} from '../ach/ach-types'
import { Id } from '../domain-types'
import type { ContractPart } from './common'

const Position = z.number().int().min(0).max(100_000)
const RowItem = z.union([z.object({ highlightId: Id }).strict(), z.object({ claimId: Id }).strict()])

/** Competing hypotheses (ACH) matrices of a case (decision 0023). */
export const achContract = {
  'ach.list': { input: z.object({ caseId: Id }).strict(), output: z.array(AchMatrixInfo) },
  'ach.create': { input: z.object({ caseId: Id, name: MatrixName }).strict(), output: AchMatrix },
  'ach.get': { input: z.object({ id: Id }).strict(), output: AchMatrix },
  'ach.rename': { input: z.object({ id: Id, name: MatrixName }).strict(), output: AchMatrix },
  'ach.delete': { input: z.object({ id: Id }).strict(), output: z.object({ deleted: z.boolean() }) },

  'ach.addHypothesis': { input: z.object({ matrixId: Id, text: HypothesisText, position: Position.optional() }).strict(), output: AchHypothesis },
  'ach.editHypothesis': { input: z.object({ id: Id, text: HypothesisText }).strict(), output: AchHypothesis },
  /** The matrix's hypotheses in their new order. */
  'ach.moveHypothesis': { input: z.object({ id: Id, position: Position }).strict(), output: z.array(AchHypothesis) },
  'ach.removeHypothesis': { input: z.object({ id: Id }).strict(), output: AchRemovedHypothesis },
  /** Undo of a removal: the hypothesis back in its place with its ratings. */
  'ach.restoreHypothesis': { input: AchRemovedHypothesis.strict(), output: AchHypothesis },

  /** Highlights or claims as evidence rows; those already in the matrix are skipped. */
  'ach.addRows': {
    input: z.object({ matrixId: Id, items: z.array(RowItem).min(1).max(1000), position: Position.optional() }).strict(),
    output: z.object({ added: z.array(AchRow), skipped: z.number().int() })
  },
  'ach.removeRow': { input: z.object({ id: Id }).strict(), output: AchRemovedRow },
  'ach.restoreRow': { input: AchRemovedRow.strict(), output: AchRow },
  /** The matrix's row ids in their new order. */
  'ach.moveRow': { input: z.object({ id: Id, position: Position }).strict(), output: z.array(Id) },
  /** Weight overrides (null: back to the default from the grades) and the row's on/off switch. */
  'ach.updateRow': {
    input: z.object({ id: Id, credibility: AchWeight.nullable().optional(), relevance: AchWeight.nullable().optional(), enabled: z.boolean().optional() }).strict(),
    output: AchRow
  },
  /** Rates one cell; null clears it. */
  'ach.rate': {
    input: z.object({ rowId: Id, hypothesisId: Id, rating: AchRating.nullable() }).strict(),
    output: z.object({ rowId: Id, hypothesisId: Id, rating: AchRating.nullable() })
  },

  'ach.snapshot': { input: z.object({ matrixId: Id, label: z.string().max(200).default('') }).strict(), output: AchSnapshotInfo },
  'ach.snapshots': { input: z.object({ matrixId: Id }).strict(), output: z.array(AchSnapshotInfo) },
  'ach.snapshotGet': { input: z.object({ id: Id }).strict(), output: AchSnapshot },
  /** The matrix as a Markdown table or CSV, with scores and cited evidence. */
  'ach.export': {
    input: z.object({ id: Id, format: z.enum(['markdown', 'csv']) }).strict(),
    output: z.object({ fileName: z.string(), text: z.string() })
  }
} as const satisfies ContractPart
