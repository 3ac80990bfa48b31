import { DossierError } from '../../../shared/errors'
import { parseMarkdown } from '../../../shared/import/markdown-text'
import { formatOf, type DocumentFormat, type ParsedDocument } from '../../../shared/import/parsed-document'
import { parsePlainText } from '../../../shared/import/plain-text'
import { decodeBytes } from '../../../shared/text/decode-bytes'
import { parseHtml } from './html-document'

export interface ParsedFile {
  format: DocumentFormat
  document: ParsedDocument
}

/** Bytes in, a parsed document out, or a DossierError that names the file and the reason. */
export function parseFile(name: string, bytes: Uint8Array): ParsedFile {
  const format = formatOf(name)
  if (!format) {
    throw new DossierError('invalid_input', `${name}: Dossier imports .txt, .md and .html files.`)
  }
  const raw = decodeBytes(bytes, name)
  const document =
    format === 'html' ? parseHtml(raw, name) : format === 'markdown' ? parseMarkdown(raw, name) : parsePlainText(raw, name)
  if (!document.text.trim()) {
    throw new DossierError('empty_file', `${name}: no article text was found in the file.`)
  }
  return { format, document }
}

/** Pasted text is HTML when it looks like markup, else plain text. */
export function parsePaste(text: string): ParsedFile {
  const looksLikeHtml = /^\s*<(!doctype|html|body|article|div|p|h[1-6])[\s>]/i.test(text)
  return parseFile(looksLikeHtml ? 'Pasted text.html' : 'Pasted text.txt', new TextEncoder().encode(text))
}
