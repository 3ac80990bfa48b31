import { placeBlocks, type ArticleDocument, type Block } from '../document/article-document'
import { highlightBlockId } from './block-id'
import { escapeMarkdownInline } from './escape-markdown'

/** What the article body needs of a highlight: where it is, and whether it still is. */
export interface BodyHighlight {
  id: string
  start: number
  end: number
  orphaned: boolean
}

const FOOTNOTE_REF = /\[\^([^\]\s]+)\]/g

/**
 * The article itself as Markdown, for analysts who keep the full text in their vault (issue 15,
 * item 15d): each kept block in its Markdown form, every highlighted passage between `==…==`
 * (Obsidian's highlight), and the block holding a highlight's start ending in that highlight's
 * `^h-…` id, so `[[file#^h-…]]` lands on the paragraph. A block carries one id only (Obsidian
 * reads one), the first highlight starting in it. Footnote blocks go back out as Markdown
 * footnotes (`[^1]: …`) with their references left as written, so an imported Markdown brief
 * comes back as it was. Removed blocks and orphaned highlights are left out.
 *
 * Not yet wired into the export template or the export dialog: a building block for them.
 */
export function articleBodyMarkdown(doc: ArticleDocument, highlights: readonly BodyHighlight[]): string {
  const live = highlights.filter((h) => !h.orphaned && h.end > h.start).sort((a, b) => a.start - b.start)
  const footnoteLabels = new Set(doc.blocks.filter((b) => b.kind === 'footnote' && !b.removed).map((b) => footnoteLabel(b.text)))
  const out: string[] = []
  for (const { block, start } of placeBlocks(doc)) {
    if (start === null) continue
    const end = start + block.text.length
    const inside = live.filter((h) => h.start < end && h.end > start)
    const firstStarting = live.find((h) => h.start >= start && h.start < end)
    const id = firstStarting ? ` ^${highlightBlockId(firstStarting.id)}` : ''
    out.push(blockMarkdown(block, start, inside, footnoteLabels) + id)
  }
  return `${out.join('\n\n')}\n`
}

function footnoteLabel(text: string): string {
  return text.split(/\s/, 1)[0] ?? ''
}

function blockMarkdown(block: Block, start: number, highlights: readonly BodyHighlight[], footnotes: ReadonlySet<string>): string {
  if (block.kind === 'code') return `\`\`\`\n${block.text}\n\`\`\``
  if (block.kind === 'footnote') {
    const label = footnoteLabel(block.text)
    return `[^${label}]: ${inline(block.text.slice(label.length).trimStart(), start + label.length + 1, highlights, footnotes)}`
  }
  const text = inline(block.text, start, highlights, footnotes)
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(Math.min(Math.max(block.level ?? 2, 1), 6))} ${text}`
    case 'list-item':
      return `${'  '.repeat(block.level ?? 0)}${block.ordered ? '1.' : '-'} ${text}`
    case 'blockquote':
      return text
        .split('\n')
        .map((l) => `> ${l}`)
        .join('\n')
    default:
      return text
  }
}

/** A block's text escaped for Markdown, highlighted stretches in `==…==`, footnote references kept. */
function inline(text: string, offset: number, highlights: readonly BodyHighlight[], footnotes: ReadonlySet<string>): string {
  // Cut points: where any highlight starts or ends inside this text.
  const cuts = new Set<number>([0, text.length])
  for (const h of highlights) {
    cuts.add(Math.min(Math.max(h.start - offset, 0), text.length))
    cuts.add(Math.min(Math.max(h.end - offset, 0), text.length))
  }
  const points = [...cuts].sort((a, b) => a - b)
  let out = ''
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i]!, points[i + 1]!]
    if (from === to) continue
    const piece = escapePiece(text.slice(from, to), footnotes)
    const marked = highlights.some((h) => h.start - offset <= from && h.end - offset >= to)
    // `==` around white space alone would not render as a highlight; leave it plain.
    out += marked && piece.trim() ? `==${piece}==` : piece
  }
  return out
}

function escapePiece(text: string, footnotes: ReadonlySet<string>): string {
  let out = ''
  let last = 0
  for (const m of text.matchAll(FOOTNOTE_REF)) {
    if (!footnotes.has(m[1]!)) continue
    out += escapeMarkdownInline(text.slice(last, m.index)) + m[0]
    last = m.index + m[0].length
  }
  return out + escapeMarkdownInline(text.slice(last))
}
