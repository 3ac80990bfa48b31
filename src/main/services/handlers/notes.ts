import type { HandlersFor } from '../../../shared/contract'
import type { notesContract } from '../../../shared/contract/notes'
import type { NoteService } from '../note-service'

export function noteHandlers(notes: NoteService): HandlersFor<typeof notesContract> {
  return {
    'note.get': ({ highlightId }) => notes.get(highlightId),
    'note.save': ({ highlightId, content }) => notes.save(highlightId, content),
    'note.revisions': (target) => notes.revisions(target),
    'note.restoreRevision': ({ revisionId }) => notes.restoreRevision(revisionId),
    'notebook.get': ({ articleId }) => notes.getNotebook(articleId),
    'notebook.save': ({ articleId, content }) => notes.saveNotebook(articleId, content)
  }
}
