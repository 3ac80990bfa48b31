import type { Block } from '../document/article-document'
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


/** "Executive summary ........ 3": an entry's dot leader and page, as a printed contents has them. */
const LEADER = /(?:\.\s*){4,}\s*\d+$|\u2026+\s*\d+$/u

/**
 * A document's table of contents among its blocks (a PDF's, read as a table or as lines): a
 * "Contents" label and the blocks after it whose every line is an entry, with a dot leader and
 * page, or naming a heading further on; or, without a label, a block of three or more lines with
 * dot leaders. Set aside with the reason; running heads between its pages are passed over.
 */
export function setAsidePrintedContents(blocks: Block[]): void {
  const headings = blocks.map((b) => (b.kind === 'heading' && !b.removed ? [key(b.text), entryTitle(b.text)] : []))
  const namesHeadingAfter = (title: string, at: number) => headings.some((names, k) => k > at && names.includes(title))
  const isEntryBlock = (block: Block, at: number) =>
    !block.removed &&
    block.kind !== 'heading' &&
    block.text.split('\n').every((line) => {
      const text = line.replace(/\t/gu, ' ').trim()
      const title = entryTitle(text)
      return title !== null && (LEADER.test(text) || namesHeadingAfter(title, at))
    })
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!
    if (block.removed) continue
    const labelled = (block.kind === 'heading' || block.kind === 'paragraph') && CONTENTS_LABEL.test(block.text.trim())
    if (!labelled) {
      const lines = block.text.split('\n')
      if (block.kind !== 'heading' && lines.length >= 3 && lines.every((l) => LEADER.test(l.trim()))) block.removed = { reason: TOC_REASON }
      continue
    }
    const entries: number[] = []
    for (let k = i + 1; k < blocks.length; k++) {
      if (blocks[k]!.removed) continue
      if (!isEntryBlock(blocks[k]!, k)) break
      entries.push(k)
    }
    const lines = entries.reduce((n, k) => n + blocks[k]!.text.split('\n').length, 0)
    if (lines < 2) continue
    block.removed = { reason: TOC_REASON }
    for (const k of entries) blocks[k]!.removed = { reason: TOC_REASON }
    i = entries.at(-1)!
  }
}
