import { cleanPlainText } from '../cleaning/clean-plain-text'
import type { ParsedDocument } from './parsed-document'

/** Plain text, from a .txt file or pasted: cleaned into an article (see cleanPlainText). */
export function parsePlainText(raw: string, fileName: string): ParsedDocument {
  return cleanPlainText(raw, fileName)
}
