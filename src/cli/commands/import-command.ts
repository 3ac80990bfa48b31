import { basename } from 'node:path'
import { collectFiles, type Services } from '../../main/composition-root'
import { documentToMarkdown } from '../../shared/document/document-markdown'
import type { Article, ImportResult } from '../../shared/domain-types'
import type { Printer } from '../io'
import { withLibrary } from '../open-library'

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
  /** What import found and kept; present for imported and duplicate files. */
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
  // The app's own pipeline: files parsed in its worker pool, as many in flight as it has workers,
  // each with a time budget, and one file's failure never stops the rest.
  const reports = await withLibrary(
    options.dbPath,
    options.cwd,
    async (services) =>
      (await services.importJobs.importFiles(files, { password: options.password })).map(({ path, result }) => report(services.articles, path, result)),
    { parseWorkers: true }
  )

  if (options.json) out.json(reports)
  else printReports(reports, out)

  const rejected = reports.filter((r) => r.status === 'rejected').length
  if (rejected === 0) return 0
  out.error(`${rejected} of ${plural(reports.length, 'file')} ${rejected === 1 ? 'was' : 'were'} rejected.`)
  return 1
}

function report(articles: Services['articles'], path: string, result: ImportResult): FileReport {
  const report: FileReport = { file: path, status: result.status, articleId: result.articleId, title: result.title, message: result.message }
  if (result.pages !== undefined) report.pages = result.pages
  if (result.notes?.length) report.notes = result.notes
  if (result.needsPassword) report.needsPassword = true
  if (result.articleId) report.article = details(articles.get(result.articleId))
  return report
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


function printReports(reports: readonly FileReport[], out: Printer): void {
  if (reports.length === 0) {
    out.line('No files to import: folders are searched for .txt, .md, .markdown, .html, .htm, .pdf, .docx and .epub files.')
    return
  }
  for (const r of reports) {
    // The service's messages start with the base name; show the full path in its place.
    const extra = [r.pages !== undefined && plural(r.pages, 'page'), ...(r.notes ?? [])].filter(Boolean)
    const detail = r.status === 'imported' ? `“${r.title}”${extra.length ? ` (${extra.join(', ')})` : ''}` : stripName(r.message ?? '', basename(r.file))
    out.line(`${r.status.padEnd(9)}  ${r.file} — ${detail}`)
  }
  const count = (status: FileReport['status']) => reports.filter((r) => r.status === status).length
  out.line(
    `${plural(reports.length, 'file')}: ${count('imported')} imported, ${count('duplicate')} duplicate, ${count('rejected')} rejected${count('skipped') ? `, ${count('skipped')} skipped` : ''}.`
  )
}

function stripName(message: string, name: string): string {
  return message.startsWith(`${name}: `) ? message.slice(name.length + 2) : message
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
