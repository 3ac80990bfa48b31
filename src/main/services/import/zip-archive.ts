import { Unzip, UnzipInflate, unzipSync } from 'fflate'
import { DossierError } from '../../../shared/errors'
import type { Reason, ZipKind } from '../../../shared/reasons'

/**
 * Word and EPUB files are zip archives, and a zip can declare a few kilobytes and inflate to
 * gigabytes. Limits are checked on the central directory's declared sizes before anything is
 * inflated, then again on the bytes that actually come out, since a header can lie.
 */
export const ZIP_LIMITS = {
  maxEntries: 5000,
  /** All entries together, inflated. A 50 MB Word file with photos inflates to about as much. */
  maxTotalBytes: 256 * 1024 * 1024,
  maxEntryBytes: 128 * 1024 * 1024
} as const

export type ZipLimits = { [K in keyof typeof ZIP_LIMITS]: number }

const MB = (n: number) => Math.round(n / 1024 / 1024)
const WHAT: Record<ZipKind, string> = { docx: 'Word document', epub: 'EPUB book' }

function bomb(fileName: string, why: string, reason: Reason): DossierError {
  return new DossierError('invalid_input', `${fileName}: refused as a possible zip bomb: ${why}.`, reason)
}

/**
 * Inflates every entry with the limits enforced and returns the ones `keep` asks for. Throws a
 * DossierError naming the file when it is not a zip archive or breaks a limit.
 */
export function readZip(
  bytes: Uint8Array,
  fileName: string,
  kind: ZipKind,
  keep: (name: string) => boolean,
  limits: ZipLimits = ZIP_LIMITS
): Map<string, Uint8Array> {
  const what = WHAT[kind]
  const file = fileName
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new DossierError('invalid_input', `${fileName}: not a ${what} (the file is not a zip archive).`, { id: 'import.not_zip', values: { file, kind } })
  }
  const declared = new Map<string, number>()
  try {
    // The filter sees the central directory; answering false inflates nothing.
    unzipSync(bytes, {
      filter: (f) => {
        declared.set(f.name, f.originalSize)
        if (declared.size > limits.maxEntries) throw bomb(fileName, `more than ${limits.maxEntries.toLocaleString('en')} entries`, { id: 'import.zip_too_many_entries', values: { file, limit: limits.maxEntries } })
        return false
      }
    })
  } catch (err) {
    if (err instanceof DossierError) throw err
    throw new DossierError('invalid_input', `${fileName}: not a ${what}, or a damaged one (the zip archive cannot be read).`, { id: 'import.zip_damaged', values: { file, kind } })
  }
  let total = 0
  for (const [name, size] of declared) {
    if (size > limits.maxEntryBytes) throw bomb(fileName, `${name} would inflate to ${MB(size).toLocaleString('en')} MB`, { id: 'import.zip_entry_too_large', values: { file, entry: name, sizeMb: MB(size) } })
    total += size
  }
  if (total > limits.maxTotalBytes) throw bomb(fileName, `its contents would inflate to ${MB(total).toLocaleString('en')} MB`, { id: 'import.zip_total_too_large', values: { file, sizeMb: MB(total) } })

  const kept = new Map<string, Uint8Array>()
  let inflated = 0
  let failure: DossierError | null = null
  const unzipper = new Unzip((entry) => {
    const chunks: Uint8Array[] = []
    let size = 0
    const allowed = Math.min(limits.maxEntryBytes, declared.get(entry.name) ?? limits.maxEntryBytes)
    entry.ondata = (err, chunk, final) => {
      if (failure) return
      if (err) {
        failure = new DossierError('invalid_input', `${fileName}: a damaged ${what} (${entry.name} cannot be inflated).`, { id: 'import.zip_entry_damaged', values: { file, kind, entry: entry.name } })
        return
      }
      size += chunk.length
      inflated += chunk.length
      if (size > allowed || inflated > limits.maxTotalBytes) {
        failure = bomb(fileName, `${entry.name} inflates to more than it declares`, { id: 'import.zip_entry_lies', values: { file, entry: entry.name } })
        entry.terminate()
        return
      }
      if (keep(entry.name)) chunks.push(chunk)
      if (final && keep(entry.name)) kept.set(entry.name, concat(chunks, size))
    }
    entry.start()
  })
  unzipper.register(UnzipInflate)
  try {
    unzipper.push(bytes, true)
  } catch (err) {
    if (!failure) {
      const detail = err instanceof Error ? err.message : 'unreadable zip'
      failure = new DossierError('invalid_input', `${fileName}: a damaged ${what} (${detail}).`, { id: 'import.zip_unreadable', values: { file, kind, detail } })
    }
  }
  if (failure) throw failure
  return kept
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!
  const out = new Uint8Array(size)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}

export function utf8(bytes: Uint8Array | undefined): string {
  return bytes ? new TextDecoder('utf-8').decode(bytes) : ''
}
