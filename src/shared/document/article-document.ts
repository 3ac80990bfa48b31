/**
 * An article as structured blocks. Every parser (plain text, Markdown, HTML) produces one; the
 * reader renders it; export turns it into Markdown. Blocks that cleaning removed stay in the
 * list, marked `removed`, so the analyst can see and restore them: nothing is silently dropped.
 *
 * The canonical text (decision 0004) is the text of the kept blocks joined by a blank line.
 * Highlight offsets point into it, so a block's text must itself be canonical: NFC, no blank
 * line inside, no leading or trailing white space. A single `\n` may occur (a line break, or
 * rows of a table, whose cells are separated by `\t`).
 */
export type BlockKind =
  | 'paragraph'
  | 'heading'
  | 'list-item'
  | 'blockquote'
  | 'code'
  | 'table'
  /** A photo caption: kept, shown and exported as a caption, not as body text. */
  | 'caption'
  /** An editorial box ("Why We Wrote This", "Key points"): kept, set apart from the body. */
  | 'editorial'
  /** A footnote or endnote of a PDF, Word or EPUB document, its marker first ("12 See …"). */
  | 'footnote'

export type MarkType = 'em' | 'strong' | 'code' | 'link'

export interface InlineMark {
  type: MarkType
  /** UTF-16 offsets relative to the block's own text. */
  start: number
  end: number
  /** For links: an http(s) or mailto URL only. */
  href?: string
}

export interface Block {
  kind: BlockKind
  text: string
  /** Heading level 1–6, or list nesting depth from 0. */
  level?: number
  /** For list items: numbered rather than bulleted. */
  ordered?: boolean
  marks?: InlineMark[]
  /** Set when cleaning took the block out of the article, with the reason shown to the analyst. */
  removed?: { reason: string }
  /** Paged documents (PDF): the 1-based page the block starts on. */
  page?: number
  /** The page it ends on, when it crosses a page break. */
  pageEnd?: number
  /**
   * Where each later page starts in the block's text (UTF-16 offsets), in order: page + 1 starts
   * at pageBreaks[0], and so on. Lets a highlight in the second half of a paragraph cite its page.
   */
  pageBreaks?: number[]
  /** EPUB: the 1-based chapter (spine item) the block comes from. */
  chapter?: number
}

export interface ArticleDocument {
  version: 1
  blocks: Block[]
  /** The page labels a PDF defines ("iv", "12"), index 0 for page 1; absent when pages are numbered 1, 2, 3… */
  pageLabels?: string[]
  /** How many pages the document has (PDF). */
  pageCount?: number
}

export const BLOCK_SEPARATOR = '\n\n'

export function keptBlocks(doc: ArticleDocument): Block[] {
  return doc.blocks.filter((b) => !b.removed)
}

/** The canonical text: kept blocks' text, a blank line apart. */
export function documentText(doc: ArticleDocument): string {
  return keptBlocks(doc)
    .map((b) => b.text)
    .join(BLOCK_SEPARATOR)
}

export interface PlacedBlock {
  /** Index in doc.blocks. */
  index: number
  block: Block
  /** Offset of the block's text in the canonical text, or null for a removed block. */
  start: number | null
}

/** Every block with where it sits in the canonical text. */
export function placeBlocks(doc: ArticleDocument): PlacedBlock[] {
  let offset = 0
  return doc.blocks.map((block, index) => {
    if (block.removed) return { index, block, start: null }
    const start = offset
    offset += block.text.length + BLOCK_SEPARATOR.length
    return { index, block, start }
  })
}

export interface PageRef {
  page: number
  /** The PDF's own label for the page, when it defines one that differs from the number. */
  label: string | null
}

/** The page an offset of the canonical text falls on, or null for documents without pages. */
export function pageAt(doc: ArticleDocument, offset: number): PageRef | null {
  return pageLocator(doc)(offset)
}

/** pageAt for many offsets of one document: the blocks are placed once, then each lookup is a binary search. */
export function pageLocator(doc: ArticleDocument): (offset: number) => PageRef | null {
  const kept = placeBlocks(doc).filter((p) => p.start !== null)
  if (!kept.some((p) => p.block.page !== undefined)) return () => null
  return (offset) => {
    let lo = 0
    let hi = kept.length - 1
    let found = -1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (kept[mid]!.start! <= offset) [found, lo] = [mid, mid + 1]
      else hi = mid - 1
    }
    const placed = kept[found]
    const block = placed?.block
    if (!placed || block?.page === undefined) return null
    const within = offset - placed.start!
    const page = block.page + (block.pageBreaks ?? []).filter((b) => b <= within).length
    return { page, label: pageLabel(doc, page) }
  }
}

export function pageLabel(doc: ArticleDocument, page: number): string | null {
  const label = doc.pageLabels?.[page - 1]
  return label && label !== String(page) ? label : null
}

/** How a page is cited: "p. 12", or "p. iv" where the PDF labels its pages. */
export function citePage(ref: PageRef): string {
  return `p. ${ref.label ?? ref.page}`
}

/** A document of plain paragraphs, for text that has no structure of its own. */
export function paragraphsDocument(text: string): ArticleDocument {
  return {
    version: 1,
    blocks: text
      .split(BLOCK_SEPARATOR)
      .filter((t) => t.trim() !== '')
      .map((t) => ({ kind: 'paragraph' as const, text: t }))
  }
}
