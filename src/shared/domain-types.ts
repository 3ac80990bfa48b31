import { z } from 'zod'

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
  highlightCount: z.number().int().nonnegative()
})
export type ArticleSummary = z.infer<typeof ArticleSummary>

export const Article = z.object({
  id: Id,
  title: z.string(),
  source: z.string().nullable(),
  url: z.string().nullable(),
  author: z.string().nullable(),
  publishedAt: IsoDate.nullable(),
  importedAt: IsoDate,
  originalName: z.string(),
  originalType: z.enum(['text', 'markdown', 'html']),
  contentHash: z.string(),
  /** The canonical text every highlight offset refers to (see docs/decisions/0004). */
  text: z.string(),
  tags: z.array(z.string())
})
export type Article = z.infer<typeof Article>

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
  hasNote: z.boolean()
})
export type Highlight = z.infer<typeof Highlight>

export const Note = z.object({
  highlightId: Id,
  /** Serialized Lexical editor state. */
  content: z.string(),
  updatedAt: IsoDate
})
export type Note = z.infer<typeof Note>

export const ImportStatus = z.enum(['imported', 'duplicate', 'rejected'])

export const ImportResult = z.object({
  name: z.string(),
  status: ImportStatus,
  articleId: Id.nullable(),
  title: z.string().nullable(),
  /** Why a file was rejected, or which article it duplicates; written for the analyst. */
  message: z.string().nullable()
})
export type ImportResult = z.infer<typeof ImportResult>
