import type Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { exportContext } from '../../../shared/markdown/export-context'
import type { RenderExport } from '../../../shared/markdown/export-template'
import type { Clock } from '../clock'
import { commitRebuildable, ExportRecords } from './export-records'
import { ExportRenders, type RenderedFile, type RenderHead } from './export-renders'
import { ExportSource } from './export-source'
import type { LabelNamer } from '../../../shared/i18n/default-labels'
import { FolderNames } from './folder-names'
import { WRITER_THREADS, type ExportWriter, type WriteResult } from './export-writer'
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

/** Batches handed to the writer and not yet settled, besides the one just handed over: one per writer thread keeps each busy. */
const IN_FLIGHT = WRITER_THREADS

/** A template ready to run, and the fingerprint its stored renders carry (see ExportRenders). */
export interface ExportRenderer {
  render: RenderExport
  fingerprint: string
  /** The article's text goes into the context (`articleBody`); part of the fingerprint. */
  withText?: boolean
  /** Labels named in the export's language (the seeded ones translated); part of the fingerprint. */
  labelName?: LabelNamer | null
}

/**
 * Writes one Markdown file per article into a folder. Each batch's records are committed right
 * after its files are written, also when another batch failed, so an interrupted export loses at
 * most the records of the batches in flight, and those files are recognised (same content, or
 * carrying their dossier_id) on the next run.
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
  const source = new ExportSource(db, renderer.withText, renderer.labelName)
  const renders = new ExportRenders(db)
  const report: ExportReport = { outDir: dir, files: [], created: 0, updated: 0, unchanged: 0, conflicts: [] }

  /** Tallies a written batch into the report and commits its records; returns its stale files, throws its first failure. */
  const settle = (batch: Batch, outcomes: WriteResult[]): Entry[] => {
    const written: { articleId: string; fileName: string; sha256: string }[] = []
    const stale: Entry[] = []
    let failure: Error | null = null
    outcomes.forEach((outcome, k) => {
      const entry = batch.entries[k]!
      const { id, title, fileName } = entry
      if (outcome.kind === 'stale') return void stale.push(entry)
      if (outcome.kind === 'failed') {
        // Node's messages for a read (EISDIR, EIO) do not say which file: this one does.
        failure ??= new Error(`Could not write ${fileName} in ${dir}: ${outcome.message}`)
        return
      }
      report.files.push(fileName)
      const result = outcome.outcome
      if (result.status === 'conflict') {
        report.conflicts.push({ articleId: id, title, file: fileName, conflictFile: result.conflictFile })
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
    if (batch.done !== null) options.onProgress?.({ done: batch.done, total: articleIds.length })
    return stale
  }

  /** Stored renders' heads for these articles, the rest read, rendered and stored. */
  const prepare = (ids: readonly string[], reuse: boolean): Map<string, PreparedFile> => {
    const heads = reuse ? renders.heads(ids, renderer.fingerprint) : new Map()
    const missing = reuse ? ids.filter((id) => !heads.has(id)) : ids
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
    const out = new Map<string, PreparedFile>()
    for (const id of ids) {
      // Neither: trashed or deleted meanwhile.
      const file = fresh.get(id) ?? heads.get(id)
      if (file) out.set(id, { title: file.title, sha256: file.sha256, body: fresh.has(id) ? file.body : null })
    }
    return out
  }

  // A pipeline: while the writers write the batches in flight, this thread names and renders the
  // next, hands it over, and only then commits the oldest batch's records, in order.
  const inFlight: { batch: Batch; writing: Promise<WriteResult[]> }[] = []
  const stale: Entry[] = []
  const settleOldest = async () => {
    const { batch, writing } = inFlight.shift()!
    stale.push(...settle(batch, await writing))
  }
  const send = async (batch: Batch) => {
    const writing = writer.write(
      dir,
      batch.entries.map((e) => ({
        articleId: e.id,
        fileName: e.fileName,
        body: e.body,
        sha256: e.sha256,
        recordedSha: recorded.get(e.id)?.sha256 ?? null,
        mayExist: names.existed(e.fileName)
      }))
    )
    // Awaited when settled; without this, a failure while an earlier batch is settled would count
    // as an unhandled rejection.
    writing.catch(() => undefined)
    inFlight.push({ batch, writing })
    if (inFlight.length > IN_FLIGHT) await settleOldest()
  }
  const drain = async () => {
    while (inFlight.length > 0) await settleOldest()
  }

  try {
    for (let at = 0; at < articleIds.length; at += BATCH) {
      if (options.shouldStop?.()) break
      const ids = articleIds.slice(at, at + BATCH)
      const files = prepare(ids, true)
      const entries = [...files].map(([id, f]) => ({ id, ...f, fileName: names.nameFor(id, f.title) }))
      await send({ entries, done: Math.min(at + BATCH, articleIds.length) })
    }
    await drain()
    // Articles edited while their batch was in flight: rendered afresh and written under the name
    // they were given, their bytes sent along this time.
    if (stale.length > 0) {
      const again = stale.splice(0)
      const files = prepare(again.map((e) => e.id), false)
      const entries = again.flatMap((e) => {
        const file = files.get(e.id)
        return file ? [{ ...e, ...file }] : []
      })
      await send({ entries, done: null })
      await drain()
    }
  } catch (err) {
    // The batches still in flight were written all the same: record them before reporting the failure.
    while (inFlight.length > 0) await settleOldest().catch(() => undefined)
    throw err
  }
  return report
}

interface PreparedFile extends RenderHead {
  /** Null: the writer reads the stored render itself. */
  body: Buffer | null
}

interface Entry extends PreparedFile {
  id: string
  fileName: string
}

interface Batch {
  entries: Entry[]
  /** Articles done once this batch is written, for progress; null for the stale files' second round. */
  done: number | null
}

function renderMissing(source: ExportSource, render: RenderExport, ids: readonly string[]): Map<string, RenderedFile> {
  const out = new Map<string, RenderedFile>()
  for (const { article, highlights } of source.load(ids)) {
    const body = Buffer.from(render(exportContext(article, highlights)), 'utf8')
    out.set(article.id, { title: article.title, body, sha256: sha256(body) })
  }
  return out
}
