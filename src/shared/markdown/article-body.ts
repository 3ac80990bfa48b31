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

/** `[^label]` as Markdown writes a footnote reference, or `[12]` as a Word document's text holds one. */
const FOOTNOTE_REF = /\[(\^?)([^\]\s^]+)\]/g

/**
 * The footnotes of a document that can be written as Markdown footnotes, by the marker their
 * block starts with: a Markdown import's (`1 Source…`, referenced as `[^1]` in the text) under its
 * own label, a Word document's (`[1] Source…`, referenced as `[1]`) as `1`. A PDF's footnotes
 * (`12 See…`) are not here: the markers in its text cannot be told from other numbers, so they
 * stay paragraphs, as would a footnote no reference points at.
 */
interface Footnotes {
  /** Marker → Markdown label. */
  labels: Map<string, string>
  /** Markdown labels referenced as `[^label]`. */
  markdown: Set<string>
  /** Word markers (`[1]`) with a footnote, referenced as written. */
  word: Set<string>
}

function footnotesOf(doc: ArticleDocument): Footnotes {
  const markers = doc.blocks.filter((b) => b.kind === 'footnote' && !b.removed).map((b) => footnoteMarker(b.text))
  const referenced = new Set<string>()
  for (const b of doc.blocks) if (b.kind !== 'footnote' && !b.removed) for (const m of b.text.matchAll(FOOTNOTE_REF)) if (m[1]) referenced.add(m[2]!)
  const out: Footnotes = { labels: new Map(), markdown: new Set(), word: new Set() }
  for (const marker of markers) {
    const word = /^\[([^\]\s^]+)\]$/.exec(marker)?.[1]
    if (word && !out.markdown.has(word)) {
      out.labels.set(marker, word)
      out.word.add(marker)
    } else if (referenced.has(marker) && !out.word.has(`[${marker}]`)) {
      out.labels.set(marker, marker)
      out.markdown.add(marker)
    }
  }
  return out
}
/**
 * The article itself as Markdown, for analysts who keep the full text in their vault (issue 15,
 * item 15d): each kept block in its Markdown form, every highlighted passage between `==…==`
 * (Obsidian's highlight), and the block holding a highlight's start ending in that highlight's
 * `^h-…` id, so `[[file#^h-…]]` lands on the paragraph. A block carries one id only (Obsidian
 * reads one), the first highlight starting in it. Footnote blocks go back out as Markdown
 * footnotes (`[^1]: …`) with their references left as written, so an imported Markdown brief
 * comes back as it was. Removed blocks and orphaned highlights are left out.
 */
export function articleBodyMarkdown(doc: ArticleDocument, highlights: readonly BodyHighlight[]): string {
  return articleBody(doc, highlights).markdown
}

/**
 * articleBodyMarkdown, and which highlights' block ids it holds: the export template writes the
 * others' ids after their quotes, so every highlight's id is in the file exactly once.
 */
export function articleBody(doc: ArticleDocument, highlights: readonly BodyHighlight[]): { markdown: string; blockIds: Set<string> } {
  const live = highlights.filter((h) => !h.orphaned && h.end > h.start).sort((a, b) => a.start - b.start)
  const footnotes = footnotesOf(doc)
  const out: string[] = []
  const blockIds = new Set<string>()
  // Highlights in reading order, and a cursor past those that end before the current block:
  // linear in blocks + highlights, not their product, on a 10,000-paragraph article.
  let from = 0
  for (const { block, start } of placeBlocks(doc)) {
    if (start === null) continue
    const end = start + block.text.length
    while (from < live.length && live[from]!.start < start && live[from]!.end <= start) from++
    const inside: BodyHighlight[] = []
    let firstStarting: BodyHighlight | undefined
    for (let i = from; i < live.length && live[i]!.start < end; i++) {
      const h = live[i]!
      if (h.end > start) inside.push(h)
      if (!firstStarting && h.start >= start) firstStarting = h
    }
    const markdown = blockMarkdown(block, start, inside, footnotes)
    if (!firstStarting) out.push(markdown)
    else {
      blockIds.add(firstStarting.id)
      // A fenced block must end with its fence alone on the line: its id goes on the next line.
      out.push(`${markdown}${block.kind === 'code' ? '\n' : ' '}^${highlightBlockId(firstStarting.id)}`)
    }
  }
  return { markdown: `${out.join('\n\n')}\n`, blockIds }
}

function footnoteMarker(text: string): string {
  return text.split(/\s/, 1)[0] ?? ''
}

function blockMarkdown(block: Block, start: number, highlights: readonly BodyHighlight[], footnotes: Footnotes): string {
  if (block.kind === 'code') return `\`\`\`\n${block.text}\n\`\`\``
  if (block.kind === 'footnote') {
    const marker = footnoteMarker(block.text)
    const label = footnotes.labels.get(marker)
    if (label !== undefined) {
      const rest = block.text.slice(marker.length)
      const gap = rest.length - rest.trimStart().length
      return `[^${label}]: ${inline(rest.trimStart(), start + marker.length + gap, highlights, footnotes)}`
    }
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
function inline(text: string, offset: number, highlights: readonly BodyHighlight[], footnotes: Footnotes): string {
  // A highlight starting or ending inside a reference (`[^1]`) is taken to its end: a reference
  // cut in two would be escaped as text, and its footnote left with nothing pointing at it.
  const refs = [...text.matchAll(FOOTNOTE_REF)].filter((m) => footnoteReference(m, footnotes) !== null).map((m) => [m.index, m.index + m[0].length] as const)
  const snap = (at: number) => refs.find(([from, to]) => at > from && at < to)?.[1] ?? at
  // Cut points: where any highlight starts or ends inside this text.
  const cuts = new Set<number>([0, text.length])
  for (const h of highlights) {
    cuts.add(snap(Math.min(Math.max(h.start - offset, 0), text.length)))
    cuts.add(snap(Math.min(Math.max(h.end - offset, 0), text.length)))
  }
  const points = [...cuts].sort((a, b) => a - b)
  let out = ''
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i]!, points[i + 1]!]
    if (from === to) continue
    const piece = escapePiece(text.slice(from, to), footnotes)
    const marked = highlights.some((h) => snap(Math.max(h.start - offset, 0)) <= from && snap(h.end - offset) >= to)
    // `==` around white space alone would not render as a highlight; leave it plain.
    out += marked && piece.trim() ? `==${piece}==` : piece
  }
  return out
}

/** The Markdown reference (`[^1]`) a match in the text stands for, or null when it is only text. */
function footnoteReference(m: RegExpMatchArray, footnotes: Footnotes): string | null {
  if (m[1]) return footnotes.markdown.has(m[2]!) ? m[0] : null
  return footnotes.word.has(m[0]) ? `[^${footnotes.labels.get(m[0])!}]` : null
}

function escapePiece(text: string, footnotes: Footnotes): string {
  let out = ''
  let last = 0
  for (const m of text.matchAll(FOOTNOTE_REF)) {
    const reference = footnoteReference(m, footnotes)
    if (reference === null) continue
    out += escapeMarkdownInline(text.slice(last, m.index)) + reference
    last = m.index! + m[0].length
  }
  return out + escapeMarkdownInline(text.slice(last))
}
