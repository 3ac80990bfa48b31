import { z } from 'zod'
import { ERROR_CODES } from './errors'
import { REASON_IDS } from './reasons'

/** Ids are random UUIDs so that exported files and links stay stable across databases. */
export const Id = z.uuid()

/** ISO 8601 timestamp or date, as stored and exported. */
const IsoDate = z.string().min(4).max(40)

export const ArticleSummary = z.object({
  id: Id,
  title: z.string(),
  source: z.string().nullable(),
  author: z.string().nullable(),
  publishedAt: IsoDate.nullable(),
  importedAt: IsoDate,
  highlightCount: z.number().int().nonnegative(),
  /** Admiralty source reliability, A–F: the article's override, else its source's; null is ungraded. */
  reliability: z.enum(['A', 'B', 'C', 'D', 'E', 'F']).nullable().optional()
})
export type ArticleSummary = z.infer<typeof ArticleSummary>

const InlineMark = z.object({
  type: z.enum(['em', 'strong', 'code', 'link']),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  href: z.string().optional()
})

export const Block = z.object({
  kind: z.enum(['paragraph', 'heading', 'list-item', 'blockquote', 'code', 'table', 'caption', 'editorial', 'footnote']),
  text: z.string(),
  level: z.number().int().min(0).max(16).optional(),
  ordered: z.boolean().optional(),
  marks: z.array(InlineMark).optional(),
  removed: z.object({ reason: z.string() }).optional(),
  page: z.number().int().positive().optional(),
  pageEnd: z.number().int().positive().optional(),
  pageBreaks: z.array(z.number().int().nonnegative()).optional(),
  chapter: z.number().int().positive().optional()
})

/** Mirrors ArticleDocument in src/shared/document/article-document.ts. */
export const ArticleDocumentSchema = z.object({
  version: z.literal(1),
  blocks: z.array(Block),
  pageLabels: z.array(z.string()).optional(),
  pageCount: z.number().int().nonnegative().optional()
})

export const Article = z.object({
  id: Id,
  title: z.string(),
  source: z.string().nullable(),
  url: z.string().nullable(),
  author: z.string().nullable(),
  publishedAt: IsoDate.nullable(),
  importedAt: IsoDate,
  originalName: z.string(),
  originalType: z.enum(['text', 'markdown', 'html', 'pdf', 'docx', 'epub']),
  /** SHA-256 of the original file's bytes, hex; null for articles imported before it was kept. */
  originalSha256: z.string().nullable(),
  contentHash: z.string(),
  /** The canonical text every highlight offset refers to (see docs/decisions/0004). */
  text: z.string(),
  document: ArticleDocumentSchema,
  dateline: z.string().nullable(),
  language: z.string().nullable(),
  /** Where the language came from: the file's metadata, detection from the text, or the analyst (decision 0027). */
  languageSource: z.enum(['metadata', 'detected', 'analyst']).nullable().optional(),
  tags: z.array(z.string()),
  /** The source Dossier keeps for it (see sources), and its reliability grade, A–F or null. */
  sourceId: Id.nullable().optional(),
  sourceReliability: z.enum(['A', 'B', 'C', 'D', 'E', 'F']).nullable().optional(),
  /** This article's own reliability, overriding its source's; null: the source's grade holds. */
  reliabilityOverride: z.enum(['A', 'B', 'C', 'D', 'E', 'F']).nullable().optional(),
  /** The latest capture from the browser that stored or met this article (absent: never captured). */
  capture: z
    .object({
      url: z.string(),
      /** UTC, as the browser's clock said when the analyst pressed Save. */
      capturedAt: z.string(),
      userAgent: z.string(),
      htmlSha256: z.string()
    })
    .nullable()
    .optional()
})
export type Article = z.infer<typeof Article>

/** Colours come from a fixed palette so each stays readable in both light and dark themes. */
export const LABEL_COLORS = ['yellow', 'orange', 'red', 'pink', 'purple', 'blue', 'teal', 'green', 'gray'] as const
export const LabelColor = z.enum(LABEL_COLORS)

export const Label = z.object({
  id: Id,
  name: z.string(),
  color: LabelColor,
  position: z.number().int()
})
export type Label = z.infer<typeof Label>

export const Highlight = z.object({
  id: Id,
  articleId: Id,
  /** TextPositionSelector: UTF-16 offsets into the article's canonical text. */
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  /** TextQuoteSelector. */
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  createdAt: IsoDate,
  hasNote: z.boolean(),
  /** The start of the note's text, for lists. */
  notePreview: z.string(),
  /** The passage could not be found after the text changed: kept, listed under "Needs attention". */
  orphaned: z.boolean(),
  labelId: Id.nullable(),
  tags: z.array(z.string()),
  /** How sure the last re-anchoring was (1 when the analyst placed it). */
  confidence: z.number().min(0).max(1),
  /** Placed after the text changed, but not with certainty: the analyst should confirm it. */
  needsReview: z.boolean(),
  /** Admiralty information credibility, 1–6; null is ungraded (never a default grade). */
  credibility: z.number().int().min(1).max(6).nullable().optional(),
  /** The article's source reliability, A–F (its override, else its source's); null is ungraded. */
  reliability: z.enum(['A', 'B', 'C', 'D', 'E', 'F']).nullable().optional(),
  /** On a PDF: the page the passage starts on, and the PDF's label for it where it has one ("iv"). */
  page: z.number().int().positive().optional(),
  pageLabel: z.string().nullable().optional()
})
export type Highlight = z.infer<typeof Highlight>

export const Note = z.object({
  highlightId: Id,
  /** Serialized Lexical editor state. */
  content: z.string(),
  updatedAt: IsoDate
})
export type Note = z.infer<typeof Note>

/** `updated`: a newer version of an article already in the library (same URL or title). */
/** `skipped`: left out on purpose and said why (a link leading outside the imported folder). */
export const ImportStatus = z.enum(['imported', 'updated', 'duplicate', 'rejected', 'skipped'])

export const MetadataPatch = z
  .object({
    title: z.string().trim().min(1).max(300),
    author: z.string().trim().max(300).nullable(),
    source: z.string().trim().max(300).nullable(),
    url: z.string().trim().max(4096).nullable(),
    publishedAt: z.string().trim().max(40).nullable(),
    /** The place the story was filed from ("GDANSK"), without the dash that ends it in the text. */
    dateline: z
      .string()
      .trim()
      .max(120)
      .transform((d) => d.replace(/[\s—–-]+$/u, ''))
      .nullable(),
    /** A BCP 47 tag ("ar", "fa-IR", "en-GB"); null: unknown, to be detected from the text again. */
    language: z.string().trim().max(35).nullable()
  })
  .partial()
  .strict()

/** A failure's message id and values (reasons.ts), worded by the interface in the analyst's language. */
export const Reason = z.object({ id: z.enum(REASON_IDS), values: z.record(z.string(), z.union([z.string(), z.number()])) })

/** A failure as it crosses to the window: its stable code, main's English words, and its reason when main gives one. */
export const ErrorInfo = z.object({ code: z.enum(ERROR_CODES), message: z.string(), reason: Reason.optional() })

export const ImportResult = z.object({
  name: z.string(),
  status: ImportStatus,
  articleId: Id.nullable(),
  title: z.string().nullable(),
  /** Why a file was rejected, or which article it duplicates; written for the analyst. */
  message: z.string().nullable(),
  /** Why a file was rejected, as a stable code: the interface words it in the analyst's language. */
  code: z.enum(ERROR_CODES).optional(),
  /** Why a file was rejected or skipped, as a message id and values: the interface words it. */
  reason: Reason.optional(),
  /** Set when the file was refused but could still be imported as its whole text (a page with no article). */
  canImportWholeText: z.boolean().optional(),
  /** Set when the file is an encrypted PDF: asking for its password and importing again may work. */
  needsPassword: z.boolean().optional(),
  /**
   * For a file main read from disk (File > Import…) that needs its password: the opaque ticket to
   * import it again with one (import.retryWithPassword). The page never names a path to main.
   */
  retryToken: z.string().uuid().optional(),
  /** Paged documents: the page count. */
  pages: z.number().int().nonnegative().optional(),
  /** What cleaning set aside, by reason ("running header (on 12 pages)": 12 blocks). */
  removed: z.array(z.object({ reason: z.string(), count: z.number().int().positive() })).optional(),
  /** What the import left out: "3 comments not imported", "2 images left out". */
  notes: z.array(z.string()).optional()
})
export type ImportResult = z.infer<typeof ImportResult>

export const ImportJob = z.object({
  jobId: z.string(),
  total: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  finished: z.boolean(),
  cancelled: z.boolean(),
  results: z.array(ImportResult)
})
export type ImportJob = z.infer<typeof ImportJob>

/** Where the library lives puts it at risk: a network share, a synced or cloud folder, a network file system. */
export const LocationWarning = z.object({
  kind: z.enum(['network-share', 'synced', 'cloud', 'network-fs']),
  path: z.string(),
  /** A synced folder: the sync client (Dropbox, OneDrive…). */
  service: z.string().optional(),
  /** A network file system: its type and mount point, from /proc/mounts. */
  fsType: z.string().optional(),
  mountPoint: z.string().optional(),
  /** The warning in English (logs, the CLI). */
  message: z.string()
})
export type LocationWarning = z.infer<typeof LocationWarning>

/** Something in the Trash: an article (with its highlights and notes) or a highlight (with its note). */
export const TrashItem = z.object({
  kind: z.enum(['article', 'highlight']),
  id: Id,
  /** The article's title, or the highlighted passage. */
  title: z.string(),
  /** What comes back with it, or where it was, in English (the CLI's line). */
  detail: z.string(),
  /** The same in parts, for the interface to word in the analyst's language. An article: its highlights. */
  highlights: z.number().int().nonnegative().optional(),
  /** A highlight: the title of its article, and its note as one line (empty when it has none). */
  articleTitle: z.string().optional(),
  note: z.string().optional(),
  articleId: Id,
  deletedAt: IsoDate
})
export type TrashItem = z.infer<typeof TrashItem>

export const BackupInfo = z.object({
  name: z.string(),
  path: z.string(),
  createdAt: IsoDate,
  reason: z.string(),
  bytes: z.number().int().nonnegative()
})
export type BackupInfo = z.infer<typeof BackupInfo>

const Count = z.number().int().nonnegative()
export const LibraryCounts = z.object({ articles: Count, highlights: Count, notes: Count })
