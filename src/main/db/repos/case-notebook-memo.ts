import type Database from 'better-sqlite3'
import { casesRepo, type CaseNotebookRow } from './cases'
import { changeWatchRepo } from './change-watch'

type NotebookText = Pick<CaseNotebookRow, 'content' | 'updated_at'>

interface Memo {
  row: NotebookText
  /** The change count of case_notebooks (change-watch.ts) just after the row was saved or read. */
  version: string
}

/** Per connection: the watch's counters are that connection's temporary triggers. */
const memos = new WeakMap<Database.Database, { watching: boolean; rows: Map<string, Memo> }>()

/** A few cases at a time: an analyst saves and exports the brief they are writing. */
const MAX_CASES = 4

/**
 * The case notebooks this connection last saved or read, kept in memory while case_notebooks is
 * unchanged (decision 0046). A 500-quote brief is ≈ 400 KB of JSON: reading it back from SQLite
 * right after the app saved it cost a third of the brief's Markdown re-export. The notebook's
 * save hands its text here after committing; a read gets it back while no write to
 * case_notebooks happened since, through this connection (temporary triggers) or any other (the
 * CLI, a restore: SQLite's data_version). A connection that cannot watch keeps nothing.
 */
export function caseNotebookMemo(db: Database.Database) {
  let memo = memos.get(db)
  if (!memo) {
    let watching = true
    try {
      changeWatchRepo(db).watch('notebooks', ['case_notebooks'])
    } catch {
      watching = false
    }
    memos.set(db, (memo = { watching, rows: new Map() }))
  }
  const { rows } = memo
  const version = memo.watching ? () => changeWatchRepo(db).version('notebooks') : null
  const keep = (caseId: string, row: NotebookText, at: string) => {
    rows.delete(caseId)
    rows.set(caseId, { row, version: at })
    if (rows.size > MAX_CASES) rows.delete(rows.keys().next().value!)
  }
  return {
    /**
     * After the notebook's save committed. Inside a transaction that may yet roll back nothing is
     * kept (a rolled-back count could be reached again by another write).
     */
    saved(caseId: string, row: NotebookText): void {
      rows.delete(caseId)
      if (version && !db.inTransaction) keep(caseId, row, version())
    },
    /** The notebook as case_notebooks holds it now. */
    read(caseId: string): NotebookText | undefined {
      const now = version?.()
      const kept = rows.get(caseId)
      if (kept && kept.version === now) return kept.row
      const row = casesRepo(db).notebook(caseId)
      if (now === undefined || db.inTransaction) return row
      if (row) keep(caseId, row, now)
      else rows.delete(caseId)
      return row
    }
  }
}
