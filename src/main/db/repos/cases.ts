import type Database from 'better-sqlite3'
import { statementsOf } from '../statement-cache'

/** A row of the cases table. */
export interface CaseRow {
  id: string
  name: string
  description: string
  created_at: string
  archived_at: string | null
}

/** A case as listed: its row with its live articles and its claims counted. */
export interface CaseListRow extends CaseRow {
  articles: number
  claims: number
}

/** A row of the case_notebooks table: the case's brief in progress. */
export interface CaseNotebookRow {
  case_id: string
  content: string
  plain_text: string
  markdown: string
  updated_at: string
}

const LISTED = `SELECT c.*,
    (SELECT count(*) FROM case_articles x JOIN articles a ON a.id = x.article_id WHERE x.case_id = c.id AND a.deleted_at IS NULL) AS articles,
    (SELECT count(*) FROM claims k WHERE k.case_id = c.id) AS claims
  FROM cases c`

export function casesRepo(db: Database.Database) {
  const q = statementsOf(db)
  return {
    exists: (id: string) => q.pluck<[string], 1>('SELECT 1 FROM cases WHERE id = ?').get(id) !== undefined,
    idAndName: (id: string) => q<[string], Pick<CaseRow, 'id' | 'name'>>('SELECT id, name FROM cases WHERE id = ?').get(id),
    /** By name, case-insensitively. */
    all: () => q<[], CaseListRow>(`${LISTED} ORDER BY c.name COLLATE NOCASE`).all(),
    unarchived: () => q<[], CaseListRow>(`${LISTED} WHERE c.archived_at IS NULL ORDER BY c.name COLLATE NOCASE`).all(),
    byId: (id: string) => q<[string], CaseListRow>(`${LISTED} WHERE c.id = ?`).get(id),
    /** By id, or by name case-insensitively. */
    byIdOrName: (idOrName: string) => q<[string, string], CaseListRow>(`${LISTED} WHERE c.id = ? OR c.name = ? COLLATE NOCASE`).get(idOrName, idOrName),
    /** The case with this name, case-insensitively. */
    byName: (name: string) => q<[string], Pick<CaseRow, 'id' | 'archived_at'>>('SELECT id, archived_at FROM cases WHERE name = ? COLLATE NOCASE').get(name),
    /** Live articles of the case, oldest import first. */
    liveArticleIds: (caseId: string) =>
      q
        .pluck<[string], string>(
          `SELECT x.article_id FROM case_articles x JOIN articles a ON a.id = x.article_id
           WHERE x.case_id = ? AND a.deleted_at IS NULL ORDER BY a.imported_at, a.id`
        )
        .all(caseId),
    /** The cases an article is in, by name. */
    ofArticle: (articleId: string) =>
      q<[string], Pick<CaseRow, 'id' | 'name'>>(
        'SELECT c.id, c.name FROM case_articles x JOIN cases c ON c.id = x.case_id WHERE x.article_id = ? ORDER BY c.name COLLATE NOCASE'
      ).all(articleId),
    notebook: (caseId: string) =>
      q<[string], Pick<CaseNotebookRow, 'content' | 'updated_at'>>('SELECT content, updated_at FROM case_notebooks WHERE case_id = ?').get(caseId),
    saveNotebook: (n: CaseNotebookRow) =>
      q<[string, string, string, string, string]>(
        `INSERT INTO case_notebooks (case_id, content, plain_text, markdown, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (case_id) DO UPDATE SET content = excluded.content, plain_text = excluded.plain_text,
           markdown = excluded.markdown, updated_at = excluded.updated_at`
      ).run(n.case_id, n.content, n.plain_text, n.markdown, n.updated_at),
    insert: (c: Omit<CaseRow, 'archived_at'>) =>
      q<[string, string, string, string]>('INSERT INTO cases (id, name, description, created_at) VALUES (?, ?, ?, ?)').run(c.id, c.name, c.description, c.created_at),
    rename: (id: string, name: string) => q<[string, string]>('UPDATE cases SET name = ? WHERE id = ?').run(name, id),
    setDescription: (id: string, description: string) => q<[string, string]>('UPDATE cases SET description = ? WHERE id = ?').run(description, id),
    /** Archives the case unless it already is (its first archiving date stays). */
    archive: (id: string, at: string) => q<[string, string]>('UPDATE cases SET archived_at = ? WHERE id = ? AND archived_at IS NULL').run(at, id),
    unarchive: (id: string) => q<[string]>('UPDATE cases SET archived_at = NULL WHERE id = ?').run(id),
    /** Adds an article to the case; one already in it keeps its date. */
    addArticle: (caseId: string, articleId: string, at: string) =>
      q<[string, string, string]>('INSERT OR IGNORE INTO case_articles (case_id, article_id, added_at) VALUES (?, ?, ?)').run(caseId, articleId, at),
    removeArticle: (caseId: string, articleId: string) => q<[string, string]>('DELETE FROM case_articles WHERE case_id = ? AND article_id = ?').run(caseId, articleId)
  }
}
