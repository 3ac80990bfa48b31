import { z } from 'zod'
import { Id } from '../domain-types'
import type { ContractPart } from './common'

const BriefCheck = z.object({
  uncited: z.array(z.object({ block: z.number().int(), text: z.string(), blockKind: z.enum(['paragraph', 'keyJudgement', 'list', 'blockquote']) })),
  passages: z.array(
    z.object({
      cite: z.number().int(),
      kind: z.enum(['highlight', 'claim']),
      id: z.string(),
      quoted: z.string(),
      problem: z.enum(['changed', 'orphaned', 'deleted']),
      now: z.string().nullable()
    })
  )
})

/** The case's brief: check mode and its exports (decision 0024). */
export const briefContract = {
  'brief.check': { input: z.object({ caseId: Id }).strict(), output: BriefCheck },
  /**
   * Writes "<case> brief.<ext>" into a folder under the export conflict rule. `conflictFile` is
   * set when the file there was changed since Dossier wrote it (kept; the new brief went there).
   */
  'brief.export': {
    input: z.object({ caseId: Id, outDir: z.string().min(1).max(4096), format: z.enum(['md', 'docx', 'html']) }).strict(),
    output: z.object({
      file: z.string(),
      conflictFile: z.string().nullable(),
      footnotes: z.number().int(),
      draft: z.boolean(),
      check: BriefCheck
    })
  }
} satisfies ContractPart
