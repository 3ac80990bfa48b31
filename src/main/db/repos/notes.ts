import type Database from 'better-sqlite3'
import { statementsOf } from '../statement-cache'

/** A row of the notes table (one note per highlight) or of notebooks (one per article), but for the key. */
interface NoteBody {
  /** The Lexical editor state as JSON. */
  content: string
  plain_text: string
  updated_at: string
  /** The note as Markdown, cached at save time; null on rows the cache has not reached (migration 012). */
  markdown: string | null
}

/** A row of the notes table. */
export interface NoteRow extends NoteBody {
  highlight_id: string
}

/** A row of the notebooks table. */
export interface NotebookRow extends NoteBody {
  article_id: string
}

/** A row of the note_revisions table: a saved note (highlight_id set), article notebook (article_id) or case notebook (case_id). */
export interface NoteRevisionRow {
  id: number
  highlight_id: string | null
  article_id: string | null
  case_id: string | null
  content: string
  plain_text: string
  saved_at: string
}

/** Which table holds a note, and the column that keys it. */
export type NoteTable = 'notes' | 'notebooks'
export type NoteKey = 'highlight_id' | 'article_id'
/** The column that keys a revision's owner. */
export type RevisionKey = NoteKey | 'case_id'

/** Cached Markdown of a note or notebook, or the content to render when there is none yet. */
export interface NoteMarkdownRow {
  id: string
  markdown: string | null
  content: string | null
}

export function notesRepo(db: Database.Database) {
  const q = statementsOf(db)
  return {
    note: (highlightId: string) =>
      q<[string], Pick<NoteRow, 'highlight_id' | 'content' | 'updated_at'>>('SELECT highlight_id, content, updated_at FROM notes WHERE highlight_id = ?').get(
        highlightId
      ),
    upsertNote: (n: Omit<NoteRow, 'markdown'> & { markdown: string }) =>
      q<[string, string, string, string, string]>(
        `INSERT INTO notes (highlight_id, content, plain_text, markdown, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (highlight_id) DO UPDATE SET content = excluded.content,
           plain_text = excluded.plain_text, markdown = excluded.markdown, updated_at = excluded.updated_at`
      ).run(n.highlight_id, n.content, n.plain_text, n.markdown, n.updated_at),
    notebook: (articleId: string) =>
      q<[string], Pick<NotebookRow, 'article_id' | 'content' | 'updated_at'>>('SELECT article_id, content, updated_at FROM notebooks WHERE article_id = ?').get(
        articleId
      ),
    upsertNotebook: (n: Omit<NotebookRow, 'markdown'> & { markdown: string }) =>
      q<[string, string, string, string, string]>(
        `INSERT INTO notebooks (article_id, content, plain_text, markdown, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (article_id) DO UPDATE SET content = excluded.content,
           plain_text = excluded.plain_text, markdown = excluded.markdown, updated_at = excluded.updated_at`
      ).run(n.article_id, n.content, n.plain_text, n.markdown, n.updated_at),

    /** A note's or notebook's content and cached Markdown. */
    contentAndMarkdown: (table: NoteTable, key: NoteKey, id: string) =>
      q<[string], Pick<NoteBody, 'content' | 'markdown'>>(`SELECT content, markdown FROM ${table} WHERE ${key} = ?`).get(id),
    /** Stores rendered Markdown, unless the content changed since it was read. */
    cacheMarkdown: (table: NoteTable, key: NoteKey) => {
      const update = q<[string, string, string]>(`UPDATE ${table} SET markdown = ? WHERE ${key} = ? AND content = ?`)
      return (id: string, content: string, markdown: string) => update.run(markdown, id, content)
    },
    /** Notebooks of a batch of articles (ids as a JSON array), with content only where Markdown is missing. */
    notebookMarkdownOfBatch: (articleIdsJson: string) =>
      q<[string], NoteMarkdownRow>(
        `SELECT article_id AS id, markdown, CASE WHEN markdown IS NULL THEN content END AS content
         FROM notebooks WHERE article_id IN (SELECT value FROM json_each(?))`
      ).all(articleIdsJson)
  }
}

export function noteRevisionsRepo(db: Database.Database) {
  const q = statementsOf(db)
  return {
    /** Newest first: each revision's start for the list, and enough text to say what changed. */
    of: (key: RevisionKey, id: string, previewChars: number, changeChars: number) =>
      q<[string], Pick<NoteRevisionRow, 'id' | 'saved_at'> & { preview: string; text: string }>(
        `SELECT id, saved_at, substr(plain_text, 1, ${previewChars}) AS preview, substr(plain_text, 1, ${changeChars}) AS text
         FROM note_revisions WHERE ${key} = ? ORDER BY id DESC`
      ).all(id),
    byId: (id: number) => q<[number], NoteRevisionRow>('SELECT * FROM note_revisions WHERE id = ?').get(id),
    latestContent: (key: RevisionKey, id: string) =>
      q.pluck<[string], string>(`SELECT content FROM note_revisions WHERE ${key} = ? ORDER BY id DESC LIMIT 1`).get(id),
    insert: (key: RevisionKey, id: string, content: string, plainText: string, savedAt: string) =>
      q<[string, string, string, string]>(`INSERT INTO note_revisions (${key}, content, plain_text, saved_at) VALUES (?, ?, ?, ?)`).run(
        id,
        content,
        plainText,
        savedAt
      ),
    /** Deletes all but the newest `keep` revisions of one note or notebook. */
    trim: (key: RevisionKey, id: string, keep: number) =>
      q<[string, string]>(
        `DELETE FROM note_revisions WHERE ${key} = ? AND id NOT IN
           (SELECT id FROM note_revisions WHERE ${key} = ? ORDER BY id DESC LIMIT ${keep})`
      ).run(id, id)
  }
}
