import { z } from 'zod'
import { ErrorInfo, Id, Reason } from '../domain-types'
import { MAX_FILE_BYTES, TagName, type ContractPart } from './common'
import { LOCALES, PSEUDO_LOCALE } from '../i18n/locales'

const ExportDir = z.string().min(1).max(4096)
const ExportTemplateText = z.string().max(100_000)

const ExportScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('articles'), ids: z.array(Id).min(1).max(100_000) }).strict(),
  z.object({ kind: z.literal('tag'), tag: TagName }).strict(),
  /** "This case": the case's articles. */
  z.object({ kind: z.literal('case'), caseId: Id }).strict()
])

const ExportReport = z.object({
  outDir: z.string(),
  files: z.array(z.string()),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  conflicts: z.array(z.object({ articleId: Id, title: z.string(), file: z.string(), conflictFile: z.string() }))
})

const ExportJob = z.object({
  jobId: Id,
  total: z.number().int(),
  done: z.number().int(),
  finished: z.boolean(),
  cancelled: z.boolean(),
  report: ExportReport.nullable(),
  error: z.string().nullable(),
  /** `error` with its code and reason, worded by the window in the analyst's language. */
  failure: ErrorInfo.nullable()
})

/**
 * The interface language the export is written for: the labels a library starts with are named
 * in it until renamed (decision 0043); left out, labels are written as stored.
 */
const LabelLocale = z.enum([...LOCALES, PSEUDO_LOCALE]).optional()

const ExportTemplateInfo = z.object({ template: z.string(), isDefault: z.boolean(), defaultTemplate: z.string() })

/** Markdown export with its template, highlight files (JSON, CSV), and annotations coming back in. */
export const exportContract = {
  'export.markdown': {
    input: z
      .object({
        outDir: ExportDir,
        articleIds: z.array(Id).max(100_000).optional(),
        tag: TagName.optional(),
        /** The template's `articleBody` holds the article's text (the default template writes it). */
        includeArticle: z.boolean().optional(),
        locale: LabelLocale
      })
      .strict(),
    output: ExportReport
  },
  /** Starts an export as a job the window polls (progress, cancel). */
  'export.start': {
    input: z.object({ outDir: ExportDir, scope: ExportScope, includeArticle: z.boolean().optional(), locale: LabelLocale }).strict(),
    output: ExportJob
  },
  'export.status': {
    input: z.object({ jobId: Id }).strict(),
    output: ExportJob
  },
  'export.cancel': {
    input: z.object({ jobId: Id }).strict(),
    output: ExportJob
  },
  /** Tags that have articles outside the Trash: the choices of "export everything tagged". */
  'export.tags': {
    input: z.object({}).strict(),
    output: z.array(z.object({ name: z.string(), articles: z.number().int() }))
  },
  'export.getTemplate': {
    input: z.object({}).strict(),
    output: ExportTemplateInfo
  },
  /** Refused with the line at fault when the template does not compile. */
  'export.setTemplate': {
    input: z.object({ template: ExportTemplateText }).strict(),
    output: ExportTemplateInfo
  },
  'export.resetTemplate': {
    input: z.object({}).strict(),
    output: ExportTemplateInfo
  },
  'export.previewTemplate': {
    input: z.object({ template: ExportTemplateText, articleId: Id.optional(), includeArticle: z.boolean().optional() }).strict(),
    output: z.object({ markdown: z.string() })
  },
  /** Every highlight of the articles in scope in one file: W3C Web Annotation JSON or CSV. */
  'export.highlights': {
    input: z.object({ outDir: ExportDir, scope: ExportScope, format: z.enum(['json', 'csv']), locale: LabelLocale }).strict(),
    /** `conflictFile`: the analyst had changed `file` since the last export; the new version went there. */
    output: z.object({ file: z.string(), count: z.number().int().nonnegative(), conflictFile: z.string().nullable() })
  },
  /** W3C annotations (a Dossier JSON export, a Hypothesis export) placed on the library's articles. */
  'annotations.import': {
    input: z.object({ name: z.string().min(1).max(1024), text: z.string().max(MAX_FILE_BYTES) }).strict(),
    output: z.object({
      imported: z.number().int().nonnegative(),
      needsReview: z.number().int().nonnegative(),
      duplicates: z.number().int().nonnegative(),
      skipped: z.array(z.string()),
      /** `skipped` as message ids and values, in the same order: the interface words them. */
      skippedReasons: z.array(Reason)
    })
  }
} as const satisfies ContractPart
