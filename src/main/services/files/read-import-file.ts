import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import type { ImportResult } from '../../../shared/domain-types'
import type { ErrorCode } from '../../../shared/errors'
import { MAX_IMPORT_BYTES } from '../../../shared/text/decode-bytes'
import { describeSystemError } from './system-error'

/**
 * A file's name and bytes for the importer, or the reason it cannot be read. The size is checked
 * before reading, so a stray disk image is refused without loading it into memory.
 */
export function readImportFile(path: string, problem?: string, skipped?: string): { name: string; bytes: Buffer } | { rejected: ImportResult } {
  const name = basename(path)
  const reject = (message: string, code: ErrorCode = 'internal') => ({ rejected: { name, status: 'rejected' as const, articleId: null, title: null, message, code } })
  if (skipped) return { rejected: { name, status: 'skipped', articleId: null, title: null, message: `${name}: ${skipped}` } }
  if (problem) return reject(`${name}: ${problem}`)
  try {
    const size = statSync(path).size
    if (size > MAX_IMPORT_BYTES) {
      return reject(`${name}: the file is ${(size / 1024 / 1024).toFixed(1)} MB; Dossier imports files up to 50 MB.`, 'too_large')
    }
    return { name, bytes: readFileSync(path) }
  } catch (err) {
    return reject(`${name}: cannot read the file: ${describeSystemError(err)}.`)
  }
}
