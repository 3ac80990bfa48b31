import { firstLine } from '../../../shared/errors'

const SYSTEM_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'already exists',
  ENOSPC: 'the disk is full',
  EROFS: 'the file system is read-only',
  EMFILE: 'too many open files',
  ELOOP: 'too many symbolic links'
}

/** A system error's words as reason values: `problem` in English, `errno` for the interface to word it (reasons.ts). */
export function systemErrorValues(err: unknown): { problem: string; errno: string } {
  const code = (err as NodeJS.ErrnoException | undefined)?.code
  return { problem: describeSystemError(err), errno: code && SYSTEM_ERRORS[code] ? code : '' }
}

/** The errno codes Dossier words itself (the renderer's table names each). */
export const WORDED_SYSTEM_ERRORS = Object.keys(SYSTEM_ERRORS)

/** Node's fs errors carry a code such as EACCES; say it in words, keeping the code for searching. */
export function describeSystemError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code
  if (code && SYSTEM_ERRORS[code]) return `${SYSTEM_ERRORS[code]} (${code})`
  return firstLine(err)
}
