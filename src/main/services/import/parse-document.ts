import { DossierError } from '../../../shared/errors'
import { parseMarkdown } from '../../../shared/import/markdown-text'
import { formatOf, type DocumentFormat, type ParsedDocument } from '../../../shared/import/parsed-document'
import { parsePlainText } from '../../../shared/import/plain-text'
import { decodeBytes } from '../../../shared/text/decode-bytes'
import { parseHtml, parseHtmlWholeText } from './html-document'

export interface ParsedFile {
  format: DocumentFormat
  article: ParsedDocument
}

export interface ParseOptions {
  /** For a page with no recognisable article: take its whole text instead. */
  wholeText?: boolean
}

/** Bytes in, a parsed article out, or a DossierError that names the file and the reason. */
export function parseFile(name: string, bytes: Uint8Array, options: ParseOptions = {}): ParsedFile {
  const format = formatOf(name)
  if (!format) {
    throw new DossierError('invalid_input', `${name}: Dossier imports .txt, .md and .html files.`)
  }
  const raw = decodeBytes(bytes, name)
  const article =
    format === 'html'
      ? options.wholeText
        ? parseHtmlWholeText(raw, name)
        : parseHtml(raw, name)
      : format === 'markdown'
        ? parseMarkdown(raw, name)
        : parsePlainText(raw, name)
  if (!article.text.trim()) {
    throw new DossierError('empty_file', `${name}: no article text was found in the file.`)
  }
  return { format, article }
}

/** Pasted text is HTML when it looks like markup, else plain text. */
export function pastedFileName(text: string): string {
  return /^\s*<(!doctype|html|body|article|div|p|h[1-6])[\s>]/i.test(text) ? 'Pasted text.html' : 'Pasted text.txt'
}
