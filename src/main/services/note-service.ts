import type Database from 'better-sqlite3'
import type { Note } from '../../shared/domain-types'
import { DossierError } from '../../shared/errors'
import { renderNote } from '../../shared/notes/note-markdown'
import type { Clock } from './clock'

export class NoteService {
  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock
  ) {}

  get(highlightId: string): Note | null {
    const row = this.db
      .prepare('SELECT highlight_id, content, updated_at FROM notes WHERE highlight_id = ?')
      .get(highlightId) as { highlight_id: string; content: string; updated_at: string } | undefined
    return row ? { highlightId: row.highlight_id, content: row.content, updatedAt: row.updated_at } : null
  }

  save(highlightId: string, content: string): Note {
    const exists = this.db.prepare('SELECT 1 FROM highlights WHERE id = ?').get(highlightId)
    if (!exists) throw new DossierError('not_found', `No highlight with id ${highlightId}; the note was not saved.`)
    // Parsing proves the note loads with our nodes, and yields the text that search will index.
    const { plainText } = renderNote(content)
    const updatedAt = this.clock()
    this.db
      .prepare(
        `INSERT INTO notes (highlight_id, content, plain_text, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (highlight_id) DO UPDATE SET content = excluded.content,
           plain_text = excluded.plain_text, updated_at = excluded.updated_at`
      )
      .run(highlightId, content, plainText, updatedAt)
    return { highlightId, content, updatedAt }
  }

  /** The note as Markdown, or null when there is none or it is empty. */
  markdown(highlightId: string): string | null {
    const note = this.get(highlightId)
    if (!note) return null
    const { markdown } = renderNote(note.content)
    return markdown || null
  }

  /**
   * The article's notebook as Markdown, or null when there is none or it is empty. The notes
   * work extends this with Dossier's quote nodes; export only relies on this signature.
   */
  notebookMarkdown(articleId: string): string | null {
    const row = this.db.prepare('SELECT content FROM notebooks WHERE article_id = ?').get(articleId) as { content: string } | undefined
    if (!row) return null
    return renderNote(row.content).markdown || null
  }
}
