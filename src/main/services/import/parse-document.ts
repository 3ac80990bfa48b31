import { DossierError } from '../../../shared/errors'
import { parseMarkdown } from '../../../shared/import/markdown-text'
import { BINARY_FORMATS, formatOf, type DocumentFormat, type ParsedDocument } from '../../../shared/import/parsed-document'
import { parsePlainText } from '../../../shared/import/plain-text'
import { decodeBytes, MAX_IMPORT_BYTES, tooLarge } from '../../../shared/text/decode-bytes'
import { parseEpub } from './epub-document'
import { parseHtml, parseHtmlWholeText } from './html-document'
import { parsePdf } from './pdf-document'

export interface ParsedFile {
  format: DocumentFormat
  article: ParsedDocument
}

export interface ParseOptions {
  /** For a page with no recognisable article: take its whole text instead. */
  wholeText?: boolean
  /** For an encrypted PDF. */
  password?: string
  /**
   * The address the page was captured from (browser capture): it is the article's URL, whatever
   * the page's own canonical link says, and the base for its relative links.
   */
  pageUrl?: string
}

/** Bytes in, a parsed article out, or a DossierError that names the file and the reason. */
export async function parseFile(name: string, bytes: Uint8Array, options: ParseOptions = {}): Promise<ParsedFile> {
  try {
    return await parseFileUnguarded(name, bytes, options)
  } catch (err) {
    // Nesting is bounded before parsing (html-bounds.ts); should some other shape still run a
    // recursive step out of stack, the file is refused, never the batch it came in.
    if (err instanceof RangeError) throw new DossierError('too_complex', `${name}: too complex to import (its structure is nested too deeply).`, { id: 'import.nested_too_deeply', values: { file: name } })
    throw err
  }
}

async function parseFileUnguarded(name: string, bytes: Uint8Array, options: ParseOptions): Promise<ParsedFile> {
  const format = formatOf(name)
  if (!format) {
    throw new DossierError('invalid_input', `${name}: Dossier imports .txt, .md, .html, .pdf, .docx and .epub files.`, { id: 'import.unsupported_type', values: { file: name } })
  }
  const article = await parseFormat(format, name, bytes, options)
  if (!article.text.trim()) throw noText(name)
  return { format, article }
}

async function parseFormat(format: DocumentFormat, name: string, bytes: Uint8Array, options: ParseOptions): Promise<ParsedDocument> {
  if (BINARY_FORMATS.has(format) && bytes.byteLength > MAX_IMPORT_BYTES) {
    throw tooLarge(name, bytes.byteLength)
  }
  switch (format) {
    case 'pdf':
      return parsePdf(bytes, name, { password: options.password })
    case 'docx':
      // mammoth is loaded by the first Word file: a worker importing web pages never needs it.
      return (await import('./docx-document')).parseDocx(bytes, name)
    case 'epub':
      return parseEpub(bytes, name)
    default:
      return parseText(format, name, bytes, options)
  }
}

function parseText(format: DocumentFormat, name: string, bytes: Uint8Array, options: ParseOptions): ParsedDocument {
  const raw = decodeBytes(bytes, name)
  if (format === 'html') return options.wholeText ? parseHtmlWholeText(raw, name, options.pageUrl) : parseHtml(raw, name, options.pageUrl)
  return format === 'markdown' ? parseMarkdown(raw, name) : parsePlainText(raw, name)
}

/** parseFile for the text formats (.txt, .md, .html), on the calling thread with no promise: for benchmarks. */
export function parseTextFile(name: string, bytes: Uint8Array, options: ParseOptions = {}): ParsedFile {
  const format = formatOf(name)
  if (!format || BINARY_FORMATS.has(format)) throw new DossierError('invalid_input', `${name}: not a text file.`, { id: 'import.not_text', values: { file: name } })
  const article = parseText(format, name, bytes, options)
  if (!article.text.trim()) throw noText(name)
  return { format, article }
}

function noText(name: string): DossierError {
  return new DossierError('empty_file', `${name}: no article text was found in the file.`, { id: 'import.no_text', values: { file: name } })
}
