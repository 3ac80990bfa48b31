import { REFUSALS } from '../refusals'
import { z } from 'zod'
import { Id } from '../domain-types'

/** The most revisions kept per note or notebook; older ones are dropped as new ones arrive. */
export const MAX_REVISIONS = 50

/**
 * The largest note or notebook, as serialized Lexical state (characters of JSON). The editor must
 * open whatever was saved: a note near the old 2 MiB limit closed the tab when it was opened. At
 * this size (a few hundred pages of text) the editor opens a note in about a second (e2e/web/notes-limits.spec.ts).
 * Enforced by the contract, by NoteService for every path that saves (typing, import, restore),
 * and by the editor, which declines to open a larger note saved before.
 */
export const MAX_NOTE_CHARS = 512 * 1024

/** A note's size and the limit, in KB, as the `note.too_large` refusal words them. */
export function noteTooLargeValues(chars: number): { kb: number; limitKb: number } {
  return { kb: Math.ceil(chars / 1024), limitKb: MAX_NOTE_CHARS / 1024 }
}

export function noteTooLargeMessage(chars: number): string {
  return REFUSALS['note.too_large'].english(noteTooLargeValues(chars))
}

/** Serialized Lexical state, as the editors save it. */
export const NoteContent = z
  .string()
  .min(2)
  .max(MAX_NOTE_CHARS, { error: (issue) => noteTooLargeMessage(typeof issue.input === 'string' ? issue.input.length : MAX_NOTE_CHARS + 1) })

export const Notebook = z.object({
  articleId: Id,
  content: z.string(),
  updatedAt: z.string()
})
export type Notebook = z.infer<typeof Notebook>

/** Whose revisions: one highlight's note, one article's notebook, or one case's notebook. */
export const NoteTarget = z.union([z.object({ highlightId: Id }).strict(), z.object({ articleId: Id }).strict(), z.object({ caseId: Id }).strict()])
export type NoteTarget = z.infer<typeof NoteTarget>

export const NoteRevision = z.object({
  id: z.number().int().positive(),
  savedAt: z.string(),
  /** The start of the revision's text, for the History list. */
  preview: z.string(),
  /** What this save changed since the one before it; null for the oldest kept. */
  change: z.object({ at: z.number().int().nonnegative(), before: z.string(), removed: z.string(), added: z.string() }).nullable()
})
export type NoteRevision = z.infer<typeof NoteRevision>

/** A revision brought back: it is now the note's (or notebook's) current content. */
export const RestoredNote = z.object({
  highlightId: Id.nullable(),
  articleId: Id.nullable(),
  caseId: Id.nullable(),
  content: z.string(),
  updatedAt: z.string()
})
export type RestoredNote = z.infer<typeof RestoredNote>
