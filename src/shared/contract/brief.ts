import { z } from 'zod'
import { Id } from '../domain-types'
import type { ContractPart } from './common'
import { LOCALES, PSEUDO_LOCALE } from '../i18n/locales'

/** The language of the words an export adds (headings, column names, labels): the interface's. English when left out. */
const ExportLocale = z.enum([...LOCALES, PSEUDO_LOCALE]).optional()

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

const StyleInfo = z.object({ title: z.string(), custom: z.boolean(), fileName: z.string().nullable() })

/** The case's brief: check mode and its exports (decision 0024). */
export const briefContract = {
  'brief.check': { input: z.object({ caseId: Id, locale: ExportLocale }).strict(), output: BriefCheck },
  /**
   * Writes "<case> brief.<ext>" into a folder under the export conflict rule. `conflictFile` is
   * set when the file there was changed since Dossier wrote it (kept; the new brief went there).
   */
  'brief.export': {
    input: z.object({ caseId: Id, outDir: z.string().min(1).max(4096), format: z.enum(['md', 'docx', 'html', 'pdf']), locale: ExportLocale }).strict(),
    output: z.object({
      file: z.string(),
      conflictFile: z.string().nullable(),
      footnotes: z.number().int(),
      draft: z.boolean(),
      check: BriefCheck
    })
  },
  /** The brief as its self-contained, print-styled HTML (the browser's print view prints it). */
  'brief.html': { input: z.object({ caseId: Id, locale: ExportLocale }).strict(), output: z.object({ html: z.string(), title: z.string() }) },
  /** The CSL style footnotes are formatted with, and whether this shell writes PDF itself (the desktop app). */
  'brief.style': { input: z.object({}).strict(), output: StyleInfo.extend({ canWritePdf: z.boolean() }) },
  /**
   * Picks the CSL style from a file's text (checked in main before it is kept: decision 0024),
   * or goes back to the bundled Chicago style with null. The cap is the service's own 2 MB in
   * characters, so an over-large file gets the service's sentence.
   */
  'brief.setStyle': {
    input: z.object({ file: z.object({ name: z.string().min(1).max(255), xml: z.string().max(8 * 1024 * 1024) }).strict().nullable() }).strict(),
    output: StyleInfo
  }
} satisfies ContractPart
