import type Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { exportContext } from '../../../shared/markdown/export-context'
import type { RenderExport } from '../../../shared/markdown/export-template'
import type { Clock } from '../clock'
import { commitRebuildable, ExportRecords } from './export-records'
import { ExportRenders, type RenderedFile } from './export-renders'
import { ExportSource } from './export-source'
import { FolderNames } from './folder-names'
import type { ExportWriter, WriteResult } from './export-writer'
import { sha256 } from './write-export-file'

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

/** A template ready to run, and the fingerprint its stored renders carry (see ExportRenders). */
export interface ExportRenderer {
  render: RenderExport
  fingerprint: string
}

/**
 * Writes one Markdown file per article into a folder. Each batch's records are committed right
 * after its files are written, so an interrupted export loses at most one batch's records, and
 * those files are recognised (same content, or carrying their dossier_id) on the next run.
 *
 * An article unchanged since it was last exported with this template is written from its stored
 * render (migration 014); the others are read, rendered, and their renders stored.
 */
export async function exportMarkdown(
  db: Database.Database,
  clock: Clock,
  outDir: string,
  articleIds: readonly string[],
  renderer: ExportRenderer,
  writer: ExportWriter,
  options: RunOptions = {}
): Promise<ExportReport> {
  const dir = resolve(outDir)
  mkdirSync(dir, { recursive: true })
  const records = new ExportRecords(db)
  const recorded = records.forFolder(dir)
  const names = new FolderNames(dir, recorded)
  const source = new ExportSource(db)
  const renders = new ExportRenders(db)
  const report: ExportReport = { outDir: dir, files: [], created: 0, updated: 0, unchanged: 0, conflicts: [] }

  /** Tallies a written batch into the report and commits its records; throws its first failure. */
  const settle = (batch: Batch, outcomes: WriteResult[]) => {
    const written: { articleId: string; fileName: string; sha256: string }[] = []
    let failure: Error | null = null
    outcomes.forEach((outcome, k) => {
      const { id, file, fileName } = batch.files[k]!
      if (!outcome.ok) {
        // Node's messages for a read (EISDIR, EIO) do not say which file: this one does.
        failure ??= new Error(`Could not write ${fileName} in ${dir}: ${outcome.message}`)
        return
      }
      report.files.push(fileName)
      const result = outcome.outcome
      if (result.status === 'conflict') {
        report.conflicts.push({ articleId: id, title: file.title, file: fileName, conflictFile: result.conflictFile })
        // The record keeps the hash of what we last wrote, so the file stays in conflict until the
        // analyst deletes it or makes it match; only its name is recorded if it was new.
        if (!recorded.has(id)) written.push({ articleId: id, fileName, sha256: '' })
        return
      }
      report[result.status] += 1
      written.push({ articleId: id, fileName, sha256: result.sha256 })
    })
    // What did reach the disk is recorded even when a file failed, so the next run knows it.
    records.save(dir, written, clock())
    if (failure !== null) throw failure
    options.onProgress?.({ done: batch.done, total: articleIds.length })
  }

  // A pipeline: while the writer's thread writes batch k, this thread reads and renders batch k+1,
  // hands it over, and only then commits batch k's records.
  let inFlight: { batch: Batch; writing: Promise<WriteResult[]> } | null = null
  for (let at = 0; at < articleIds.length; at += BATCH) {
    if (options.shouldStop?.()) break
    const ids = articleIds.slice(at, at + BATCH)
    const stored = renders.get(ids, renderer.fingerprint)
    const missing = ids.filter((id) => !stored.has(id))
    // Read, rendered and stored in one transaction: no edit (from this process between batches, or
    // from another) can land between reading an article and storing its render, which would keep
    // a stale render past the trigger that should have dropped it.
    const fresh = missing.length
      ? commitRebuildable(db, () => {
          const rendered = renderMissing(source, renderer.render, missing)
          renders.put(rendered, renderer.fingerprint)
          return rendered
        })
      : new Map<string, RenderedFile>()
    const files = ids.flatMap((id) => {
      const file = stored.get(id) ?? fresh.get(id)
      // Missing: trashed or deleted meanwhile.
      return file ? [{ id, file, fileName: names.nameFor(id, file.title) }] : []
    })
    const batch: Batch = { files, done: Math.min(at + BATCH, articleIds.length) }
    const previous = inFlight
    const outcomes = previous ? await previous.writing : null
    const writing = writer.write(
      dir,
      files.map((f) => ({
        fileName: f.fileName,
        body: f.file.body,
        sha256: f.file.sha256,
        recordedSha: recorded.get(f.id)?.sha256 ?? null,
        mayExist: names.existed(f.fileName)
      }))
    )
    // Awaited in the next round or after the loop; without this, a failure while the batch is in
    // flight would count as an unhandled rejection.
    writing.catch(() => undefined)
    inFlight = { batch, writing }
    if (previous) settle(previous.batch, outcomes!)
  }
  if (inFlight) settle(inFlight.batch, await inFlight.writing)
  return report
}

interface Batch {
  files: { id: string; file: RenderedFile; fileName: string }[]
  /** Articles done once this batch is written, for progress. */
  done: number
}

function renderMissing(source: ExportSource, render: RenderExport, ids: readonly string[]): Map<string, RenderedFile> {
  const out = new Map<string, RenderedFile>()
  for (const { article, highlights } of source.load(ids)) {
    const body = Buffer.from(render(exportContext(article, highlights)), 'utf8')
    out.set(article.id, { title: article.title, body, sha256: sha256(body) })
  }
  return out
}
