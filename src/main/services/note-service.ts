import type Database from 'better-sqlite3'
import type { Note } from '../../shared/domain-types'
import { refuse } from '../../shared/refusals'
import { renderNote } from '../../shared/notes/note-markdown'
import { revisionChange } from '../../shared/notes/revision-change'
import { withAllowedStyles } from '../../shared/notes/note-style'
import { MAX_NOTE_CHARS, noteTooLargeValues, MAX_REVISIONS, type Notebook, type NoteRevision, type NoteTarget, type RestoredNote } from '../../shared/notes/note-schemas'
import type { Clock } from './clock'
import { cachedMarkdown } from './export/note-markdown-cache'
import { articlesRepo } from '../db/repos/articles'
import { highlightsRepo } from '../db/repos/highlights'
import { noteRevisionsRepo, notesRepo, type RevisionKey } from '../db/repos/notes'

const PREVIEW_CHARS = 140
/** Enough of each revision to compare: 50 revisions of a long notebook stay a few megabytes. */
const CHANGE_CHARS = 100_000

/**
 * Highlight notes and article notebooks. Every save also becomes a revision (the last
 * MAX_REVISIONS are kept), in the same transaction, so what History lists was really saved.
 */
/** Saves a case's notebook (CaseService): restoring one of its revisions goes through it. */
export interface CaseNotebookStore {
  saveNotebook(caseId: string, content: string): { caseId: string; content: string; updatedAt: string }
}

export class NoteService {
  private readonly notes: ReturnType<typeof notesRepo>
  private readonly revisionRows: ReturnType<typeof noteRevisionsRepo>

  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock,
    private readonly caseNotebooks?: CaseNotebookStore
  ) {
    this.notes = notesRepo(db)
    this.revisionRows = noteRevisionsRepo(db)
  }

  get(highlightId: string): Note | null {
    const row = this.notes.note(highlightId)
    return row ? { highlightId: row.highlight_id, content: row.content, updatedAt: row.updated_at } : null
  }

  save(highlightId: string, given: string): Note {
    // Only the styles the editor sets itself are kept (none): see note-style.ts.
    const content = withAllowedStyles(checkedSize(given))
    if (!highlightsRepo(this.db).exists(highlightId)) throw refuse('note.highlight_missing', { id: highlightId })
    // Parsing proves the note loads with our nodes, and yields the text that search will index
    // and the Markdown that export reads (migration 012), so export never renders a note itself.
    const { plainText, markdown } = renderNote(content)
    const updatedAt = this.clock()
    this.db.transaction(() => {
      this.notes.upsertNote({ highlight_id: highlightId, content, plain_text: plainText, markdown, updated_at: updatedAt })
      this.addRevision({ highlightId }, content, plainText, updatedAt)
    })()
    return { highlightId, content, updatedAt }
  }

  getNotebook(articleId: string): Notebook | null {
    const row = this.notes.notebook(articleId)
    return row ? { articleId: row.article_id, content: row.content, updatedAt: row.updated_at } : null
  }

  saveNotebook(articleId: string, given: string): Notebook {
    const content = withAllowedStyles(checkedSize(given))
    if (!articlesRepo(this.db).exists(articleId)) throw refuse('note.article_missing', { id: articleId })
    const { plainText, markdown } = renderNote(content)
    const updatedAt = this.clock()
    this.db.transaction(() => {
      this.notes.upsertNotebook({ article_id: articleId, content, plain_text: plainText, markdown, updated_at: updatedAt })
      this.addRevision({ articleId }, content, plainText, updatedAt)
    })()
    return { articleId, content, updatedAt }
  }

  /** Newest first. */
  revisions(target: NoteTarget): NoteRevision[] {
    const [column, id] = targetColumn(target)
    const rows = this.revisionRows.of(column, id, PREVIEW_CHARS, CHANGE_CHARS)
    // Each save against the one before it, so the list says what changed.
    return rows.map((r, i) => {
      const older = rows[i + 1]
      return { id: r.id, savedAt: r.saved_at, preview: r.preview, change: older ? revisionChange(older.text, r.text) : null }
    })
  }

  /** Saves an earlier revision as the current content; that save is itself a new revision. */
  restoreRevision(revisionId: number): RestoredNote {
    const row = this.revisionRows.byId(revisionId)
    if (!row) throw refuse('note.revision_missing', { id: revisionId, max: MAX_REVISIONS })
    if (row.highlight_id) {
      const note = this.save(row.highlight_id, row.content)
      return { highlightId: note.highlightId, articleId: null, caseId: null, content: note.content, updatedAt: note.updatedAt }
    }
    if (row.case_id) {
      if (!this.caseNotebooks) throw refuse('note.case_notebook_missing', { id: revisionId })
      const notebook = this.caseNotebooks.saveNotebook(row.case_id, row.content)
      return { highlightId: null, articleId: null, caseId: notebook.caseId, content: notebook.content, updatedAt: notebook.updatedAt }
    }
    const notebook = this.saveNotebook(row.article_id!, row.content)
    return { highlightId: null, articleId: notebook.articleId, caseId: null, content: notebook.content, updatedAt: notebook.updatedAt }
  }

  /** The note as Markdown, or null when there is none or it is empty. */
  markdown(highlightId: string): string | null {
    return cachedMarkdown(this.db, 'notes', 'highlight_id', highlightId)
  }

  /**
   * The article's notebook as Markdown, quote nodes included (a blockquote, a citation and links
   * to the passage), or null when there is none or it is empty. Export relies on this signature.
   */
  notebookMarkdown(articleId: string): string | null {
    return cachedMarkdown(this.db, 'notebooks', 'article_id', articleId)
  }

  /** A save identical to the latest revision adds none: History lists changes, not keystroke-free flushes. */
  private addRevision(target: NoteTarget, content: string, plainText: string, savedAt: string): void {
    recordRevision(this.revisionRows, target, content, plainText, savedAt)
  }
}

/**
 * Records a save as a revision, within the caller's transaction. A save identical to the latest
 * revision adds none; only the newest MAX_REVISIONS are kept.
 */
export function recordRevision(rows: ReturnType<typeof noteRevisionsRepo>, target: NoteTarget, content: string, plainText: string, savedAt: string): void {
  const [column, id] = targetColumn(target)
  if (rows.latestContent(column, id) === content) return
  rows.insert(column, id, content, plainText, savedAt)
  rows.trim(column, id, MAX_REVISIONS)
}

function targetColumn(target: NoteTarget): [RevisionKey, string] {
  if ('highlightId' in target) return ['highlight_id', target.highlightId]
  return 'articleId' in target ? ['article_id', target.articleId] : ['case_id', target.caseId]
}

/** Every path that saves a note (the contract, annotation import, a restored revision) meets the limit here. */
function checkedSize(content: string): string {
  if (content.length > MAX_NOTE_CHARS) throw refuse('note.too_large', noteTooLargeValues(content.length))
  return content
}
