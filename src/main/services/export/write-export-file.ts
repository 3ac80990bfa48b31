import { createHash, randomBytes } from 'node:crypto'
import { closeSync, constants, fstatSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writevSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { conflictName } from './folder-names'

export type WriteOutcome =
  | { status: 'created' | 'updated' | 'unchanged'; sha256: string }
  | { status: 'conflict'; conflictFile: string }

/** A file's bytes: one buffer, or pieces written one after the other (a stored brief's, decision 0059). */
export type ExportBytes = Buffer | readonly Uint8Array[]

export const sha256 = (data: string | ExportBytes) => {
  const hash = createHash('sha256')
  if (typeof data === 'string' || Buffer.isBuffer(data)) hash.update(data)
  else for (const piece of data) hash.update(piece)
  return hash.digest('hex')
}

/** Writes all the bytes at the file's current offset: writev may write fewer than asked. */
function writeAll(fd: number, bytes: ExportBytes | string): void {
  if (typeof bytes === 'string' || Buffer.isBuffer(bytes)) return writeFileSync(fd, bytes)
  // At most IOV_MAX (1024 on Linux) pieces a call.
  let pieces = bytes.filter((p) => p.length > 0)
  while (pieces.length) {
    let written = writevSync(fd, pieces.slice(0, 1024))
    while (pieces.length && written >= pieces[0]!.length) {
      written -= pieces[0]!.length
      pieces = pieces.slice(1)
    }
    if (written > 0) pieces = [pieces[0]!.subarray(written), ...pieces.slice(1)]
  }
}

/**
 * Writes one article's file without ever losing the analyst's edits:
 * - no file there: created with an exclusive open, so a file that appears meanwhile is never overwritten;
 * - the file is exactly what we last wrote (its hash matches the record): replaced atomically;
 * - the file already holds the new content: left alone;
 * - anything else (edited since, or ours but unrecorded, or a link or anything but a plain file): left
 *   alone, and the new version goes to `name.dossier-conflict.md` beside it.
 * A link at the file's name is never followed, for reading or writing: someone who can create files
 * in the folder (a shared or synced vault) must not make Dossier read or write outside it.
 * No fsync: see docs/export-template.md ("Durability") for why and what that means.
 */
export function writeExportFile(
  dir: string,
  fileName: string,
  file: { body: ExportBytes; sha256: string },
  recordedSha: string | null,
  mayExist = true
): WriteOutcome {
  const path = join(dir, fileName)
  const { body: bytes, sha256: newSha } = file
  // A name absent from the folder's listing needs no read: the exclusive create below still
  // refuses a file that appeared since.
  const current = mayExist ? readPlainFile(path) : null
  if (current === 'not-plain') return writeConflict(dir, fileName, bytes)
  if (current === null) {
    try {
      if (Buffer.isBuffer(bytes)) writeFileSync(path, bytes, { flag: 'wx' })
      else {
        const fd = openSync(path, 'wx')
        try {
          writeAll(fd, bytes)
        } finally {
          closeSync(fd)
        }
      }
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

function writeConflict(dir: string, fileName: string, bytes: ExportBytes): WriteOutcome {
  const conflictFile = conflictName(fileName)
  writeAtomically(join(dir, conflictFile), bytes)
  return { status: 'conflict', conflictFile }
}

/**
 * The file's bytes; null when there is none; 'not-plain' for a link (not followed) or a FIFO, device
 * or socket, which Dossier never wrote and must not block on. A folder still throws (EISDIR).
 */
function readPlainFile(path: string): Buffer | 'not-plain' | null {
  let fd: number
  try {
    fd = openSync(path, constants.O_RDONLY | NO_FOLLOW | (constants.O_NONBLOCK ?? 0))
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return null
    if (code === 'ELOOP' || code === 'EMLINK') return 'not-plain'
    throw err
  }
  try {
    const stat = fstatSync(fd)
    if (!stat.isFile() && !stat.isDirectory()) return 'not-plain'
    return readFileSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Not on Windows, where Node has no such flag (and creating links needs a privilege). */
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0
/** Created only if nothing, not even a dangling link, has that name; never through a link. */
const CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW

/** A hidden name in the file's own folder (rename is atomic only within one file system), that no one can guess. */
export function temporaryName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}.tmp`)
}

/**
 * Write to a temporary name, then rename: a reader never sees half a file. The temporary file is
 * created exclusively, so a link or file planted at its name is refused, never written through;
 * the rename then replaces a link at `path` itself, not what it points to.
 */
export function writeAtomically(path: string, bytes: ExportBytes | string, tempName: (path: string) => string = temporaryName): void {
  const tmp = tempName(path)
  // Throws EEXIST for anything already there, which is left as it is.
  const fd = openSync(tmp, CREATE_NEW, 0o666)
  try {
    try {
      writeAll(fd, bytes)
    } finally {
      closeSync(fd)
    }
    renameSync(tmp, path)
  } catch (err) {
    rmSync(tmp, { force: true })
    throw err
  }
}
