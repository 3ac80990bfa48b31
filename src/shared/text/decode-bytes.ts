import { DossierError } from '../errors'

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024

const MEGABYTE = 1024 * 1024

/** A file over the import limit, named, with its size and the limit in MB. */
export function tooLarge(fileName: string, byteLength: number): DossierError {
  const sizeMb = Number((byteLength / MEGABYTE).toFixed(1))
  const limitMb = MAX_IMPORT_BYTES / MEGABYTE
  return new DossierError('too_large', `${fileName}: the file is ${sizeMb.toFixed(1)} MB; Dossier imports files up to ${limitMb} MB.`, {
    id: 'import.too_large',
    values: { file: fileName, sizeMb, limitMb }
  })
}

/**
 * Turns a file's bytes into text, or says precisely why it cannot. Binary data is refused before
 * decoding so an image renamed .txt never becomes an "article" of mojibake.
 */
export function decodeBytes(bytes: Uint8Array, fileName: string): string {
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw tooLarge(fileName, bytes.byteLength)
  let text: string
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2))
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2))
  } else {
    if (bytes.includes(0)) {
      throw new DossierError('binary_file', `${fileName}: this looks like a binary file (it contains NUL bytes), not text.`, { id: 'import.binary', values: { file: fileName } })
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
    } catch {
      // Not valid UTF-8: Windows-1252 is what scraped and older Windows files almost always are.
      text = decodeWindows1252(bytes)
    }
  }
  if (text.includes('\u0000')) {
    throw new DossierError('binary_file', `${fileName}: this looks like a binary file (it contains NUL bytes), not text.`, { id: 'import.binary', values: { file: fileName } })
  }
  if (text.trim() === '') {
    throw new DossierError('empty_file', `${fileName}: the file is empty or holds only white space.`, { id: 'import.blank', values: { file: fileName } })
  }
  return text
}

/** What bytes 0x80–0x9F mean in Windows-1252; the five it leaves undefined stay as C1 controls. */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'

/**
 * Some Node versions (20 among them) decode the 'windows-1252' label as ISO-8859-1, turning curly
 * quotes and dashes into invisible C1 controls; the table puts them right whatever the decoder did.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!)
}
