import { exportSummary } from '../../shared/markdown/export-summary'
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { DossierError } from '../../shared/errors'
import type { ExportScope } from '../../main/composition-root'
import { CliError, cliMessage, describeSystemError } from '../cli-error'
import type { Printer } from '../io'
import { withLibrary } from '../open-library'
import { reasonText } from '../../shared/i18n/reason-messages'
import { labelNamerFor } from '../../shared/i18n/default-labels'

export interface ExportOptions {
  outDir: string
  /** Undefined (and no tag) exports the whole library. */
  articleIds: string[] | undefined
  tag: string | undefined
  format?: 'md' | 'json' | 'csv'
  /** `--with-text`: each file includes the article's text (the template's articleBody). */
  withText?: boolean
  dbPath: string
  json: boolean
  cwd: string
}

export async function exportCommand(options: ExportOptions, out: Printer): Promise<number> {
  const outDir = resolve(options.cwd, options.outDir)
  const scope: ExportScope = options.articleIds
    ? { kind: 'articles', ids: options.articleIds }
    : options.tag !== undefined
      ? { kind: 'tag', tag: options.tag }
      : { kind: 'all' }
  if (options.format === 'json' || options.format === 'csv') return await highlightsFile(options.format, outDir, scope, options, out)
  const report = await withLibrary(options.dbPath, options.cwd, async (services) => {
    // Every id and the tag are checked before the first file is written, so a typo never leaves half an export.
    let ids: string[]
    try {
      ids = services.exporter.articleIds(scope)
    } catch (err) {
      if (err instanceof DossierError && err.code === 'not_found') {
        throw new CliError(cliMessage('cli:export.unknownId', { reason: err.message.replace(/ Nothing was exported\.$|; nothing was exported\.$/, '.') }))
      }
      throw err
    }
    try {
      return await services.exporter.markdown(outDir, ids, { includeArticle: options.withText ?? false, locale: out.locale() })
    } catch (err) {
      if (err instanceof DossierError) throw err
      throw new CliError(cliMessage('cli:export.cannotWrite', { dir: outDir, reason: describeSystemError(err) }))
    }
  })

  if (options.json) {
    out.json(report)
    return report.conflicts.length ? 1 : 0
  }
  const t = await out.translator()
  if (report.files.length === 0) {
    out.line(scope.kind === 'tag' ? t('cli:export.noTagged', { tag: scope.tag }) : t('cli:export.emptyLibrary'))
    return 0
  }
  const conflicted = new Set(report.conflicts.map((c) => c.file))
  for (const file of report.files) if (!conflicted.has(file)) out.line(join(report.outDir, file))
  out.line(exportSummary(t, report))
  if (report.conflicts.length) {
    out.line('')
    out.line(t('cli:export.conflicts'))
    for (const c of report.conflicts) out.line(`  ${join(report.outDir, c.file)}  →  ${c.conflictFile}`)
  }
  // Not a failure of the command, but scripts should notice that some files were not updated.
  return report.conflicts.length ? 1 : 0
}

/** `--format json|csv`: every highlight of the articles in scope, in one file. */
async function highlightsFile(format: 'json' | 'csv', outDir: string, scope: ExportScope, options: ExportOptions, out: Printer): Promise<number> {
  // The CSV names the seeded labels in the CLI's language, as the app's export does in the
  // interface's; JSON keeps the stored names, which annotation import matches.
  const labelName = format === 'csv' ? await labelNamerFor(out.locale()) : null
  const result = await withLibrary(options.dbPath, options.cwd, (services) => {
    // An unknown id or tag fails here, before anything is written; its DossierError reaches the
    // one-line reason as it is (worded by its code or reason in the CLI's language).
    services.exporter.articleIds(scope)
    try {
      return format === 'json' ? services.exporter.annotations(outDir, scope) : services.exporter.csv(outDir, scope, labelName)
    } catch (err) {
      if (err instanceof DossierError) throw err
      throw new CliError(cliMessage('cli:export.cannotWrite', { dir: outDir, reason: describeSystemError(err) }))
    }
  })
  if (options.json) out.json(result)
  else {
    const t = await out.translator()
    if (result.conflictFile) out.line(t('cli:export.fileConflict', { file: result.file, conflictFile: result.conflictFile }))
    else out.line(t('cli:export.highlightsWritten', { count: result.count, file: result.file }))
  }
  // As with Markdown conflicts: the analyst has a file to look at.
  return result.conflictFile ? 1 : 0
}

export interface ImportAnnotationsOptions {
  file: string
  dbPath: string
  json: boolean
  cwd: string
}

/** `dossier import-annotations FILE`: W3C annotations (a Dossier JSON export, a Hypothesis export) into the library. */
export async function importAnnotationsCommand(options: ImportAnnotationsOptions, out: Printer): Promise<number> {
  const path = resolve(options.cwd, options.file)
  let text: string
  let fd: number | null = null
  try {
    // Opened without blocking and checked before reading: a FIFO or a device would otherwise
    // hang the command, or read forever.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK)
    if (!fstatSync(fd).isFile()) throw new CliError(cliMessage('cli:annotations.notAFile', { file: path }))
    text = readFileSync(fd, 'utf8')
  } catch (err) {
    if (err instanceof CliError) throw err
    throw new CliError(cliMessage('cli:annotations.cannotRead', { file: path, reason: describeSystemError(err) }))
  } finally {
    if (fd !== null) closeSync(fd)
  }
  const report = await withLibrary(options.dbPath, options.cwd, (services) => services.annotationImport(text, path))
  if (options.json) {
    out.json(report)
  } else {
    const t = await out.translator()
    out.line(t('cli:annotations.imported', { count: report.imported, review: report.needsReview, duplicates: report.duplicates }))
    // Each reason names the annotation at fault, worded in the language from its message id.
    report.skipped.forEach((text, i) => {
      const why = report.skippedReasons[i]
      out.line(t('cli:annotations.skipped', { reason: why ? reasonText(why, t) : text }))
    })
  }
  return report.skipped.length ? 1 : 0
}
