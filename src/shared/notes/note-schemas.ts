import { z } from 'zod'
import { Id } from '../domain-types'

/** The most revisions kept per note or notebook; older ones are dropped as new ones arrive. */
export const MAX_REVISIONS = 50

/** Serialized Lexical state, as the editors save it. */
export const NoteContent = z.string().min(2).max(2 * 1024 * 1024)

export const Notebook = z.object({
  articleId: Id,
  content: z.string(),
  updatedAt: z.string()
})
export type Notebook = z.infer<typeof Notebook>

/** Whose revisions: one highlight's note, or one article's notebook. */
export const NoteTarget = z.union([z.object({ highlightId: Id }).strict(), z.object({ articleId: Id }).strict()])
export type NoteTarget = z.infer<typeof NoteTarget>

export const NoteRevision = z.object({
  id: z.number().int().positive(),
  savedAt: z.string(),
  /** The start of the revision's text, for the History list. */
  preview: z.string()
})
export type NoteRevision = z.infer<typeof NoteRevision>

/** A revision brought back: it is now the note's (or notebook's) current content. */
export const RestoredNote = z.object({
  highlightId: Id.nullable(),
  articleId: Id.nullable(),
  content: z.string(),
  updatedAt: z.string()
})
export type RestoredNote = z.infer<typeof RestoredNote>
