import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import type { ArticleService } from '../../main/services/article-service'
import type { ImportResult } from '../../shared/domain-types'
import { MAX_IMPORT_BYTES } from '../../shared/text/decode-bytes'
import { describeSystemError } from '../cli-error'
import { collectFiles, type FoundFile } from '../collect-files'
import type { Printer } from '../io'
import { withLibrary } from '../open-library'

export interface FileReport {
  /** The full path, where the service only ever sees the base name. */
  file: string
  status: ImportResult['status']
  articleId: string | null
  title: string | null
  message: string | null
}

export interface ImportOptions {
  paths: string[]
  dbPath: string
  json: boolean
  cwd: string
}

/** Exit 0 when nothing was rejected, 1 when something was; every other file is imported regardless. */
export async function importCommand(options: ImportOptions, out: Printer): Promise<number> {
  const files = collectFiles(options.paths, options.cwd)
  const reports = await withLibrary(options.dbPath, options.cwd, (services) =>
    files.map((file) => importOne(services.articles, file))
  )

  if (options.json) out.json(reports)
  else printReports(reports, out)

  const rejected = reports.filter((r) => r.status === 'rejected').length
  if (rejected === 0) return 0
  out.error(`${rejected} of ${plural(reports.length, 'file')} ${rejected === 1 ? 'was' : 'were'} rejected.`)
  return 1
}

function importOne(articles: ArticleService, file: FoundFile): FileReport {
  const name = basename(file.path)
  if (file.problem) return rejected(file.path, `${name}: ${file.problem}`)
  let bytes: Buffer
  try {
    // Checked before reading so a stray disk image is refused without loading it into memory.
    const size = statSync(file.path).size
    if (size > MAX_IMPORT_BYTES) {
      return rejected(file.path, `${name}: the file is ${(size / 1024 / 1024).toFixed(1)} MB; Dossier imports files up to 50 MB.`)
    }
    bytes = readFileSync(file.path)
  } catch (err) {
    return rejected(file.path, `${name}: cannot read the file: ${describeSystemError(err)}.`)
  }
  const result = articles.importFile(name, bytes)
  return { file: file.path, status: result.status, articleId: result.articleId, title: result.title, message: result.message }
}

function rejected(file: string, message: string): FileReport {
  return { file, status: 'rejected', articleId: null, title: null, message }
}

function printReports(reports: readonly FileReport[], out: Printer): void {
  if (reports.length === 0) {
    out.line('No files to import: folders are searched for .txt, .md, .markdown, .html and .htm files.')
    return
  }
  for (const r of reports) {
    // The service's messages start with the base name; show the full path in its place.
    const detail = r.status === 'imported' ? `“${r.title}”` : stripName(r.message ?? '', basename(r.file))
    out.line(`${r.status.padEnd(9)}  ${r.file} — ${detail}`)
  }
  const count = (status: FileReport['status']) => reports.filter((r) => r.status === status).length
  out.line(
    `${plural(reports.length, 'file')}: ${count('imported')} imported, ${count('duplicate')} duplicate, ${count('rejected')} rejected.`
  )
}

function stripName(message: string, name: string): string {
  return message.startsWith(`${name}: `) ? message.slice(name.length + 2) : message
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
