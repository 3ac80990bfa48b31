import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import type { ImportResult } from '../../../shared/domain-types'
import type { ErrorCode } from '../../../shared/errors'
import type { Reason } from '../../../shared/reasons'
import { MAX_IMPORT_BYTES, tooLarge } from '../../../shared/text/decode-bytes'
import { describeSystemError, systemErrorValues } from './system-error'

/**
 * A file's name and bytes for the importer, or the reason it cannot be read. The size is checked
 * before reading, so a stray disk image is refused without loading it into memory.
 */
export function readImportFile(path: string, problem?: string, skipped?: string, reason?: Reason): { name: string; bytes: Buffer } | { rejected: ImportResult } {
  const name = basename(path)
  const reject = (message: string, why: Reason | undefined, code: ErrorCode = 'internal') => ({
    rejected: { name, status: 'rejected' as const, articleId: null, title: null, message, code, ...(why ? { reason: why } : {}) }
  })
  if (skipped) return { rejected: { name, status: 'skipped', articleId: null, title: null, message: `${name}: ${skipped}`, ...(reason ? { reason } : {}) } }
  if (problem) return reject(`${name}: ${problem}`, reason)
  try {
    const size = statSync(path).size
    if (size > MAX_IMPORT_BYTES) {
      const refused = tooLarge(name, size)
      return reject(refused.message, refused.reason, refused.code)
    }
    return { name, bytes: readFileSync(path) }
  } catch (err) {
    return reject(`${name}: cannot read the file: ${describeSystemError(err)}.`, { id: 'import.cannot_read', values: { file: name, ...systemErrorValues(err) } })
  }
}
