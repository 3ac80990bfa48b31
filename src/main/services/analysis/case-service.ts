import type Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { CaseInfo } from '../../../shared/analysis/analysis-types'
import { refuse } from '../../../shared/refusals'
import { renderNote } from '../../../shared/notes/note-markdown'
import type { Clock } from '../clock'
import { articlesRepo } from '../../db/repos/articles'
import { casesRepo, type CaseListRow } from '../../db/repos/cases'
import { caseNotebookMemo } from '../../db/repos/case-notebook-memo'
import { SettingsStore } from '../settings-store'
import { noteRevisionsRepo } from '../../db/repos/notes'
import { recordRevision } from '../note-service'

const LAST_CASE_KEY = 'lastCaseId'

export interface CaseNotebook {
  caseId: string
  content: string
  updatedAt: string
}

/**
 * Cases: an investigation, a question, a client file. An article can be in several. The open
 * case (where new imports go) belongs to the running app; the last one opened is remembered so
 * the app opens on it. The CLI never has one open unless told (`--case`).
 */
export class CaseService {
  private openId: string | null = null
  private readonly settings: SettingsStore
  private readonly cases: ReturnType<typeof casesRepo>

  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock
  ) {
    this.settings = new SettingsStore(db)
    this.cases = casesRepo(db)
  }

  list(includeArchived = false): CaseInfo[] {
    return (includeArchived ? this.cases.all() : this.cases.unarchived()).map(toInfo)
  }

  get(id: string): CaseInfo {
    const row = this.cases.byId(id)
    if (!row) throw refuse('missing.case', { id })
    return toInfo(row)
  }

  /** By id or, for the search operator and the CLI, by name (case-insensitive). */
  find(idOrName: string): CaseInfo | null {
    const row = this.cases.byIdOrName(idOrName)
    return row ? toInfo(row) : null
  }

  create(name: string, description = ''): CaseInfo {
    const clean = cleanName(name)
    this.refuseTaken(clean)
    const id = randomUUID()
    this.cases.insert({ id, name: clean, description: description.trim(), created_at: this.clock() })
    return this.get(id)
  }

  rename(id: string, name: string): CaseInfo {
    this.get(id)
    const clean = cleanName(name)
    this.refuseTaken(clean, id)
    this.cases.rename(id, clean)
    return this.get(id)
  }

  setDescription(id: string, description: string): CaseInfo {
    this.get(id)
    this.cases.setDescription(id, description.trim())
    return this.get(id)
  }

  /** An archived case leaves the switcher but keeps everything; restoring brings it back as it was. */
  archive(id: string): CaseInfo {
    this.get(id)
    this.cases.archive(id, this.clock())
    if (this.openId === id) this.open(null)
    return this.get(id)
  }

  restore(id: string): CaseInfo {
    this.get(id)
    this.cases.unarchive(id)
    return this.get(id)
  }

  addArticles(caseId: string, articleIds: readonly string[]): CaseInfo {
    this.get(caseId)
    const articles = articlesRepo(this.db)
    this.db.transaction(() => {
      for (const id of articleIds) {
        if (!articles.exists(id)) throw refuse('case.article_missing', { id })
        this.cases.addArticle(caseId, id, this.clock())
      }
    })()
    return this.get(caseId)
  }

  removeArticles(caseId: string, articleIds: readonly string[]): CaseInfo {
    this.get(caseId)
    this.db.transaction(() => {
      for (const id of articleIds) this.cases.removeArticle(caseId, id)
    })()
    return this.get(caseId)
  }

  articleIds(caseId: string): string[] {
    return this.cases.liveArticleIds(caseId)
  }

  casesOf(articleId: string): { id: string; name: string }[] {
    return this.cases.ofArticle(articleId)
  }

  /** Opens a case (or none): new imports go to it, and the app opens on it next time. */
  open(caseId: string | null): CaseInfo | null {
    if (caseId === null) {
      this.openId = null
      this.settings.delete(LAST_CASE_KEY)
      return null
    }
    const found = this.get(caseId)
    if (found.archivedAt) throw refuse('case.archived', { name: found.name })
    this.openId = caseId
    this.settings.set(LAST_CASE_KEY, caseId)
    return found
  }

  get openCaseId(): string | null {
    return this.openId
  }

  /** The case the app last had open, if it still exists and is not archived. */
  last(): CaseInfo | null {
    const id = this.settings.get(LAST_CASE_KEY, z.string(), '')
    if (!id) return null
    const found = this.find(id)
    return found && !found.archivedAt ? found : null
  }

  getNotebook(caseId: string): CaseNotebook | null {
    this.get(caseId)
    const row = this.cases.notebook(caseId)
    return row ? { caseId, content: row.content, updatedAt: row.updated_at } : null
  }

  /** The case's brief in progress: the same Lexical state, with quote nodes, as an article's notebook. */
  saveNotebook(caseId: string, content: string): CaseNotebook {
    this.get(caseId)
    const { plainText, markdown } = renderNote(content)
    const updatedAt = this.clock()
    this.db.transaction(() => {
      this.cases.saveNotebook({ case_id: caseId, content, plain_text: plainText, markdown, updated_at: updatedAt })
      // History, as an article's notebook has it: every save is a revision (see NoteService).
      recordRevision(noteRevisionsRepo(this.db), { caseId }, content, plainText, updatedAt)
    })()
    // The brief's Markdown export reads it next, without reading 400 KB back from SQLite.
    caseNotebookMemo(this.db).saved(caseId, { content, updated_at: updatedAt })
    return { caseId, content, updatedAt }
  }

  private refuseTaken(name: string, except?: string): void {
    const other = this.cases.byName(name)
    if (other && other.id !== except) {
      throw refuse(other.archived_at ? 'case.name_taken_archived' : 'case.name_taken', { name })
    }
  }
}

function cleanName(name: string): string {
  const clean = name.replace(/\s+/g, ' ').trim()
  if (!clean || clean.length > 200) throw refuse('case.name_length')
  return clean
}

function toInfo(r: CaseListRow): CaseInfo {
  return { id: r.id, name: r.name, description: r.description, createdAt: r.created_at, archivedAt: r.archived_at, articles: r.articles, claims: r.claims }
}
