import { z } from 'zod'
import { Id, Note } from '../domain-types'
import { Notebook, NoteContent, NoteRevision, NoteTarget, RestoredNote } from '../notes/note-schemas'
import type { ContractPart } from './common'

/** A highlight's note and an article's notebook, with their saved revisions. */
export const notesContract = {
  'note.get': {
    input: z.object({ highlightId: Id }).strict(),
    output: Note.nullable()
  },
  'note.save': {
    input: z
      .object({
        highlightId: Id,
        content: NoteContent
      })
      .strict(),
    output: Note
  },
  /** Saved revisions of a highlight's note or an article's notebook, newest first. */
  'note.revisions': {
    input: NoteTarget,
    output: z.array(NoteRevision)
  },
  /** Makes an earlier revision current again (a new save, so it can be undone the same way). */
  'note.restoreRevision': {
    input: z.object({ revisionId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) }).strict(),
    output: RestoredNote
  },
  'notebook.get': {
    input: z.object({ articleId: Id }).strict(),
    output: Notebook.nullable()
  },
  'notebook.save': {
    input: z.object({ articleId: Id, content: NoteContent }).strict(),
    output: Notebook
  }
} as const satisfies ContractPart
