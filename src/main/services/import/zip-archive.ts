import { Unzip, UnzipInflate, unzipSync } from 'fflate'
import { DossierError } from '../../../shared/errors'

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

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`

function bomb(fileName: string, why: string): DossierError {
  return new DossierError('invalid_input', `${fileName}: refused as a possible zip bomb: ${why}.`)
}

/**
 * Inflates every entry with the limits enforced and returns the ones `keep` asks for. Throws a
 * DossierError naming the file when it is not a zip archive or breaks a limit.
 */
export function readZip(
  bytes: Uint8Array,
  fileName: string,
  what: string,
  keep: (name: string) => boolean,
  limits: ZipLimits = ZIP_LIMITS
): Map<string, Uint8Array> {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new DossierError('invalid_input', `${fileName}: not a ${what} (the file is not a zip archive).`)
  }
  const declared = new Map<string, number>()
  try {
    // The filter sees the central directory; answering false inflates nothing.
    unzipSync(bytes, {
      filter: (f) => {
        declared.set(f.name, f.originalSize)
        if (declared.size > limits.maxEntries) throw bomb(fileName, `more than ${limits.maxEntries} entries`)
        return false
      }
    })
  } catch (err) {
    if (err instanceof DossierError) throw err
    throw new DossierError('invalid_input', `${fileName}: not a ${what}, or a damaged one (the zip archive cannot be read).`)
  }
  let total = 0
  for (const [name, size] of declared) {
    if (size > limits.maxEntryBytes) throw bomb(fileName, `${name} would inflate to ${MB(size)}`)
    total += size
  }
  if (total > limits.maxTotalBytes) throw bomb(fileName, `its contents would inflate to ${MB(total)}`)

  const kept = new Map<string, Uint8Array>()
  let inflated = 0
  let failure: DossierError | null = null
  const unzipper = new Unzip((file) => {
    const chunks: Uint8Array[] = []
    let size = 0
    const allowed = Math.min(limits.maxEntryBytes, declared.get(file.name) ?? limits.maxEntryBytes)
    file.ondata = (err, chunk, final) => {
      if (failure) return
      if (err) {
        failure = new DossierError('invalid_input', `${fileName}: a damaged ${what} (${file.name} cannot be inflated).`)
        return
      }
      size += chunk.length
      inflated += chunk.length
      if (size > allowed || inflated > limits.maxTotalBytes) {
        failure = bomb(fileName, `${file.name} inflates to more than it declares`)
        file.terminate()
        return
      }
      if (keep(file.name)) chunks.push(chunk)
      if (final && keep(file.name)) kept.set(file.name, concat(chunks, size))
    }
    file.start()
  })
  unzipper.register(UnzipInflate)
  try {
    unzipper.push(bytes, true)
  } catch (err) {
    if (!failure) failure = new DossierError('invalid_input', `${fileName}: a damaged ${what} (${err instanceof Error ? err.message : 'unreadable zip'}).`)
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
