import type Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { exportContext } from '../../../shared/markdown/export-context'
import type { RenderExport } from '../../../shared/markdown/export-template'
import type { Clock } from '../clock'
import { ExportRecords } from './export-records'
import { ExportSource } from './export-source'
import { FolderNames } from './folder-names'
import { writeExportFile } from './write-export-file'

export interface ExportConflict {
  articleId: string
  title: string
  /** The analyst's file, left as it was. */
  file: string
  /** Where this export's version went instead. */
  conflictFile: string
}

export interface ExportReport {
  outDir: string
  /** Every article's file name, in export order (a conflicted article's own file, not the copy). */
  files: string[]
  created: number
  updated: number
  unchanged: number
  conflicts: ExportConflict[]
}

export interface ExportProgress {
  done: number
  total: number
}

export interface RunOptions {
  onProgress?(progress: ExportProgress): void
  /** Checked between batches: true stops the export there (what was written stays, with its records). */
  shouldStop?(): boolean
}

/** Articles read, rendered and written per batch: big enough that SQL is a few queries per thousand files, small enough to keep memory flat. */
const BATCH = 500

/**
 * Writes one Markdown file per article into a folder. Each batch's records are committed right
 * after its files are written, so an interrupted export loses at most one batch's records, and
 * those files are recognised (same content, or carrying their dossier_id) on the next run.
 */
export async function exportMarkdown(
  db: Database.Database,
  clock: Clock,
  outDir: string,
  articleIds: readonly string[],
  render: RenderExport,
  options: RunOptions = {}
): Promise<ExportReport> {
  const dir = resolve(outDir)
  mkdirSync(dir, { recursive: true })
  const records = new ExportRecords(db)
  const recorded = records.forFolder(dir)
  const names = new FolderNames(dir, recorded)
  const source = new ExportSource(db)
  const report: ExportReport = { outDir: dir, files: [], created: 0, updated: 0, unchanged: 0, conflicts: [] }

  for (let at = 0; at < articleIds.length; at += BATCH) {
    if (options.shouldStop?.()) break
    const written: { articleId: string; fileName: string; sha256: string }[] = []
    for (const { article, highlights } of source.load(articleIds.slice(at, at + BATCH))) {
      const fileName = names.nameFor(article.id, article.title)
      const content = render(exportContext(article, highlights))
      const outcome = writeExportFile(dir, fileName, content, recorded.get(article.id)?.sha256 ?? null, names.existed(fileName))
      report.files.push(fileName)
      if (outcome.status === 'conflict') {
        report.conflicts.push({ articleId: article.id, title: article.title, file: fileName, conflictFile: outcome.conflictFile })
        // The record keeps the hash of what we last wrote, so the file stays in conflict until the
        // analyst deletes it or makes it match; only its name is recorded if it was new.
        if (!recorded.has(article.id)) written.push({ articleId: article.id, fileName, sha256: '' })
        continue
      }
      report[outcome.status] += 1
      written.push({ articleId: article.id, fileName, sha256: outcome.sha256 })
    }
    records.save(dir, written, clock())
    options.onProgress?.({ done: Math.min(at + BATCH, articleIds.length), total: articleIds.length })
    // Let status polls and other calls in between batches.
    await new Promise((r) => setImmediate(r))
  }
  return report
}
