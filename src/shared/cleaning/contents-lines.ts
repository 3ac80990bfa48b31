import { TOC_REASON } from '../import/document-metadata'
import { removed, type LineRole } from './line-roles'
import type { SourceLine } from './source-lines'

/** The label over a table of contents, in the languages analysts read most. */
const CONTENTS_LABEL =
  /^(?:contents|table of contents|inhalt|inhaltsverzeichnis|sommaire|table des matières|índice|indice|sumário|inhoud|spis treści|содержание|зміст|目次|目录|目錄|목차)\s*:?$/iu
/** An entry's number before its title ("1", "2.3", "IV.", "Chapter 3:") and its page after it. */
const ENTRY_NUMBER = /^(?:(?:chapter|part|section)\s+)?(?:\d+(?:\.\d+)*|[ivxlc]+)[.):]?\s+/iu
const PAGE_NUMBER = /(?:\s*\.{2,}\s*|\s+)\d+$/u

function key(text: string): string {
  return text.toLowerCase().replace(/\s+/gu, ' ').trim()
}

/** An entry's title without its number and page, or null when the line is too long to be one. */
function entryTitle(text: string): string | null {
  if (text.length > 120) return null
  const title = text.replace(ENTRY_NUMBER, '').replace(PAGE_NUMBER, '').trim()
  return title === '' ? null : key(title)
}

/**
 * "Contents / 1 History / 2 Operation": a copied page's or report's table of contents, each entry
 * the title of a heading further down (with its number and page, or without). The label and the
 * entries are set aside with the reason; the headings themselves stay. Entries are read while they
 * name a line below; the first that does not ends the table.
 */
export function markContents(lines: SourceLine[], roles: LineRole[]): void {
  for (let i = 0; i < lines.length; i++) {
    if (roles[i]!.kind !== 'body' || !CONTENTS_LABEL.test(lines[i]!.text)) continue
    let end = i + 1
    while (end < lines.length && isEntry(lines, roles, end)) end++
    if (end - i - 1 < 2) continue
    for (let k = i; k < end; k++) roles[k] = removed(TOC_REASON)
    i = end - 1
  }
}

function isEntry(lines: SourceLine[], roles: LineRole[], at: number): boolean {
  const role = roles[at]!
  if (role.kind !== 'body' && role.kind !== 'list-item') return false
  const title = entryTitle(role.kind === 'list-item' ? role.text : lines[at]!.text)
  if (!title) return false
  // The heading it lists, below the table: the same words, perhaps with the wiki's "[edit]" after.
  // A numbered heading ("2 Operation") matches its entry by its title alone.
  for (let j = at + 1; j < lines.length; j++) {
    const line = key(lines[j]!.text)
    if (line === title || entryTitle(lines[j]!.text) === title || (line.startsWith(title) && /^\s*\[/u.test(line.slice(title.length)))) return true
  }
  return false
}

