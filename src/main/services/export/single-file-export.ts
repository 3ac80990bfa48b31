import type Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { exportsRepo } from '../../db/repos/exports'
import { sha256, writeExportFile, type ExportBytes } from './write-export-file'

/**
 * Writes a single-file export (a brief, a CSV of highlights) under the export conflict rule
 * (decision 0015): replaced if it is what Dossier last wrote at `path`, left alone with the new
 * version beside it if the analyst changed it since; the new bytes' hash is recorded. It is the
 * whole of "writing the bytes" for such an export, so the brief's benchmark times it alone as
 * the baseline of its Markdown export.
 */
export function writeSingleExportFile(
  db: Database.Database,
  path: string,
  body: ExportBytes,
  at: string,
  /** The body's hash when the caller knows it (a stored brief written unchanged, decision 0059). */
  bodySha256: string = sha256(body)
): { file: string; conflictFile: string | null } {
  const dir = dirname(path)
  mkdirSync(dir, { recursive: true })
  const repo = exportsRepo(db)
  const outcome = writeExportFile(dir, basename(path), { body, sha256: bodySha256 }, repo.singleFileSha256(path) ?? null)
  if (outcome.status === 'conflict') return { file: path, conflictFile: join(dir, outcome.conflictFile) }
  repo.recordSingleFile(path, outcome.sha256, at)
  return { file: path, conflictFile: null }
}
