import { collectFiles, type PathResult, type Services } from '../../main/composition-root'
import { documentToMarkdown } from '../../shared/document/document-markdown'
import type { Article, ImportResult } from '../../shared/domain-types'
import type { Printer } from '../io'
import { withLibrary } from '../open-library'
import { importLines, type ImportLine } from './import-lines'

export interface FileReport {
  /** The full path, where the service only ever sees the base name. */
  file: string
  status: ImportResult['status']
  articleId: string | null
  title: string | null
  message: string | null
  /** Paged documents (PDF): the page count. */
  pages?: number
  /** What the import left out: "3 comments not imported". */
  notes?: string[]
  /** Set when the file is an encrypted PDF and --password was missing or wrong. */
  needsPassword?: boolean
  /** What import found and kept; present for imported and duplicate files, with --json. */
  article?: ArticleDetails
}

/** The cleaning result, for scripts that check or reuse it. */
export interface ArticleDetails {
  author: string | null
  publishedAt: string | null
  dateline: string | null
  source: string | null
  url: string | null
  language: string | null
  tags: string[]
  /** The canonical text highlights point into. */
  text: string
  markdown: string
  removed: { text: string; reason: string }[]
}

export interface ImportOptions {
  paths: string[]
  dbPath: string
  json: boolean
  cwd: string
  /** For encrypted PDFs. */
  password?: string
}

/** Exit 0 when nothing was rejected, 1 when something was; every other file is imported regardless. */
export async function importCommand(options: ImportOptions, out: Printer): Promise<number> {
  const files = collectFiles(options.paths, options.cwd)
  const progress = await importProgress(out, files.length)
  // The app's own pipeline: files parsed in its worker pool, as many in flight as it has workers,
  // each with a time budget, stored by the worker that parsed it in one transaction per file, and
  // one file's failure never stops the rest.
  const results = await withLibrary(
    options.dbPath,
    options.cwd,
    async (services) => {
      // Each file's report is read back as it is stored, while the workers parse the next ones,
      // rather than all at the end with the cores idle.
      // The article's details (its text and Markdown) are read only for --json, which prints them.
      const outcome = (r: PathResult) => ({ report: report(services.articles, r.path, r.result, options.json), line: line(r.path, r.result) })
      const reported = new Map<PathResult, ReturnType<typeof outcome>>()
      const onEach = (done: number, file: PathResult) => {
        reported.set(file, outcome(file))
        progress(done)
      }
      const results = await services.importJobs.importFiles(files, { password: options.password, onEach })
      return results.map((r) => reported.get(r) ?? outcome(r))
    },
    { parseWorkers: true, bulkImport: true }
  ).finally(() => out.endProgress())
  const reports = results.map((r) => r.report)

  // --json keeps main's English sentences (the same in every language); the lines are worded from the reasons.
  if (options.json) out.json(reports)
  else await printReports(reports, results.map((r) => r.line), out)

  const rejected = reports.filter((r) => r.status === 'rejected').length
  if (rejected === 0) return 0
  out.error((await out.translator())('cli:import.rejected', { rejected, count: reports.length }))
  return 1
}

/** Shown once an import has run this long, then redrawn at most this often. */
const PROGRESS_AFTER_MS = 1_000
const PROGRESS_EVERY_MS = 200

/** "Importing… 312 of 1,000 files" on a terminal's stderr while a long import runs; nothing for a short one. */
export async function importProgress(out: Printer, total: number, clock: () => number = Date.now): Promise<(done: number) => void> {
  if (!out.showsProgress || total < 2) return () => {}
  const t = await out.translator()
  const started = clock()
  let shownAt = 0
  return (done) => {
    const now = clock()
    if (now - started < PROGRESS_AFTER_MS || now - shownAt < PROGRESS_EVERY_MS) return
    shownAt = now
    out.progress(t('cli:import.progress', { done, total }))
  }
}

function report(articles: Services['articles'], path: string, result: ImportResult, withDetails: boolean): FileReport {
  const report: FileReport = { file: path, status: result.status, articleId: result.articleId, title: result.title, message: result.message }
  if (result.pages !== undefined) report.pages = result.pages
  if (result.notes?.length) report.notes = result.notes
  if (result.needsPassword) report.needsPassword = true
  if (result.articleId && withDetails) report.article = details(articles.get(result.articleId))
  return report
}

function line(path: string, result: ImportResult): ImportLine {
  const { status, title, message, code, reason, pages, notes } = result
  return { file: path, status, title, message, code, reason, pages, notes }
}

function details(article: Article): ArticleDetails {
  return {
    author: article.author,
    publishedAt: article.publishedAt,
    dateline: article.dateline,
    source: article.source,
    url: article.url,
    language: article.language,
    tags: article.tags,
    text: article.text,
    markdown: documentToMarkdown(article.document),
    removed: article.document.blocks.filter((b) => b.removed).map((b) => ({ text: b.text, reason: b.removed!.reason }))
  }
}


async function printReports(reports: readonly FileReport[], lines: readonly ImportLine[], out: Printer): Promise<void> {
  const t = await out.translator()
  if (reports.length === 0) {
    out.line(t('cli:import.none'))
    return
  }
  for (const line of importLines(lines, t, out.locale())) out.line(line)
  const count = (status: FileReport['status']) => reports.filter((r) => r.status === status).length
  out.line(t('cli:import.summary', { count: reports.length, imported: count('imported'), duplicate: count('duplicate'), rejected: count('rejected'), updated: count('updated'), skipped: count('skipped') }))
}
