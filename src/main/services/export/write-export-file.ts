import { createHash } from 'node:crypto'
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { conflictName } from './folder-names'

export type WriteOutcome =
  | { status: 'created' | 'updated' | 'unchanged'; sha256: string }
  | { status: 'conflict'; conflictFile: string }

export const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')

/**
 * Writes one article's file without ever losing the analyst's edits:
 * - no file there: created with an exclusive open, so a file that appears meanwhile is never overwritten;
 * - the file is exactly what we last wrote (its hash matches the record): replaced atomically;
 * - the file already holds the new content: left alone;
 * - anything else (edited since, or ours but unrecorded): left alone, and the new version goes
 *   to `name.dossier-conflict.md` beside it.
 * No fsync: see docs/export-template.md ("Durability") for why and what that means.
 */
export function writeExportFile(
  dir: string,
  fileName: string,
  file: { body: Buffer; sha256: string },
  recordedSha: string | null,
  mayExist = true
): WriteOutcome {
  const path = join(dir, fileName)
  const { body: bytes, sha256: newSha } = file
  let current: Buffer | null = null
  // A name absent from the folder's listing needs no read: the exclusive create below still
  // refuses a file that appeared since.
  if (mayExist) {
    try {
      current = readFileSync(path)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
    }
  }
  if (current === null) {
    try {
      writeFileSync(path, bytes, { flag: 'wx' })
      return { status: 'created', sha256: newSha }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      // Created by someone else since we looked: theirs, so ours goes beside it.
      return writeConflict(dir, fileName, bytes)
    }
  }
  const currentSha = sha256(current)
  if (currentSha === newSha) return { status: 'unchanged', sha256: newSha }
  if (recordedSha !== null && currentSha === recordedSha) {
    writeAtomically(path, bytes)
    return { status: 'updated', sha256: newSha }
  }
  return writeConflict(dir, fileName, bytes)
}

function writeConflict(dir: string, fileName: string, bytes: Buffer): WriteOutcome {
  const conflictFile = conflictName(fileName)
  writeAtomically(join(dir, conflictFile), bytes)
  return { status: 'conflict', conflictFile }
}

/** Write to a temporary name, then rename: a reader never sees half a file. */
export function writeAtomically(path: string, bytes: Buffer | string): void {
  const tmp = `${path}.${process.pid}.tmp`
  try {
    writeFileSync(tmp, bytes)
    renameSync(tmp, path)
  } catch (err) {
    rmSync(tmp, { force: true })
    throw err
  }
}
