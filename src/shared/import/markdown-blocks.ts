import MarkdownIt from 'markdown-it'
import type { Token } from 'markdown-it'
import footnote from 'markdown-it-footnote'
import type { Block, BlockKind, MarkType } from '../document/article-document'
import { InlineBuilder, joinInline, markHref, preformattedText, type InlineText } from '../document/inline-text'

/**
 * CommonMark plus GFM tables and strikethrough, with raw HTML off: `<b>` in a Markdown file is
 * text the author wrote, shown as written, never markup.
 */
function commonMark() {
  return new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false }).enable(['table', 'strikethrough']).use(footnote)
}
const markdown = commonMark()

/**
 * A plain web address: lower-case host, no user or password, nothing to percent-encode. For these
 * markdown-it's normalizeLink (parse, punycode, encode, format) gives the address back unchanged
 * (a property test checks it), at about a third of the time a Markdown file of 100,000 links spent
 * parsing; anything else takes markdown-it's own way.
 */
const PLAIN_URL = /^https?:\/\/[a-z0-9.-]+(?::[0-9]{1,5})?(?:[/?#][A-Za-z0-9;/?:=&+$,\-_.!~*'()#]*)?$/
const fullNormalizeLink = markdown.normalizeLink.bind(markdown)
export const normalizeLink = (url: string): string => (PLAIN_URL.test(url) ? url : fullNormalizeLink(url))
markdown.normalizeLink = normalizeLink

/**
 * A note-taking app's links between notes (Obsidian's, Logseq's), in an imported note:
 * "[[Port statistics]]" reads "Port statistics", "[[Insurance#War risk|premiums]]" reads "premiums",
 * "[[Insurance#War risk]]" "Insurance › War risk". The other notes are not in the library, so
 * nothing is linked. An inline rule, so an escaped "\[\[" (the app's own export of such text)
 * stays as written.
 */
const NOTE_LINK = /^\[\[([^[\]|#\n]+?)(?:#([^[\]|\n]+?))?(?:\|([^[\]\n]+?))?\]\]/u
const notesMarkdown = commonMark()
notesMarkdown.normalizeLink = normalizeLink
notesMarkdown.inline.ruler.before('link', 'note_link', (state, silent) => {
  if (state.src.charCodeAt(state.pos) !== 0x5b || state.src.charCodeAt(state.pos + 1) !== 0x5b) return false
  const match = NOTE_LINK.exec(state.src.slice(state.pos))
  if (!match) return false
  if (!silent) {
    const [, target, heading, alias] = match
    state.push('text', '', 0).content = alias?.trim() || (heading ? `${target!.trim()} › ${heading.trim()}` : target!.trim())
  }
  state.pos += match[0].length
  return true
})

/** A footnote's label as the author wrote it (`[^1]`, `[^source]`), or its number for an inline one. */
function footnoteLabel(t: Token): string {
  const meta = t.meta as { id: number; label?: string } | null
  return meta?.label ?? String((meta?.id ?? 0) + 1)
}

const MARK_OPEN: Record<string, MarkType> = { em_open: 'em', strong_open: 'strong', link_open: 'link' }
const MARK_CLOSE: Record<string, MarkType> = { em_close: 'em', strong_close: 'strong', link_close: 'link' }

function inlineInto(b: InlineBuilder, token: Token): void {
  const open: (ReturnType<InlineBuilder['open']> | null)[] = []
  for (const t of token.children ?? []) {
    if (t.type === 'text' || t.type === 'text_special' || t.type === 'html_inline') b.text(t.content)
    else if (t.type === 'softbreak') b.text(' ')
    else if (t.type === 'hardbreak') b.lineBreak()
    // The reference stays in the text where the author put it, as written: "text.[^1]".
    else if (t.type === 'footnote_ref') b.text(`[^${footnoteLabel(t)}]`)
    else if (t.type === 'code_inline') {
      const m = b.open('code')
      b.text(t.content)
      b.close(m)
    } else if (MARK_OPEN[t.type]) {
      const type = MARK_OPEN[t.type]!
      const href = type === 'link' ? markHref(String(t.attrGet('href') ?? '')) : undefined
      open.push(type === 'link' && !href ? null : b.open(type, href ?? undefined))
    } else if (MARK_CLOSE[t.type]) {
      const m = open.pop()
      if (m) b.close(m)
    }
    // Images are left out, as in HTML imports: their alt text is not part of the story.
  }
}

function inlineOf(token: Token): InlineBuilder {
  const b = new InlineBuilder()
  inlineInto(b, token)
  return b
}

type Frame =
  | { type: 'quote' }
  | { type: 'list'; ordered: boolean }
  | { type: 'item'; builder: InlineBuilder; level: number; ordered: boolean }
  | { type: 'footnote'; builder: InlineBuilder; label: string }

/**
 * Markdown body to blocks, through markdown-it's token stream: headings with their level, list
 * items with depth and numbering (an item's paragraphs joined by line breaks), blockquotes,
 * code, GFM tables as rows and tab-separated cells, and em/strong/code/link marks. A soft line
 * break is a space, as every renderer shows it; a hard break is "\n".
 */
export function markdownBlocks(body: string, options: { noteLinks?: boolean } = {}): { blocks: Block[]; opensWithHeading: boolean } {
  const tokens = (options.noteLinks ? notesMarkdown : markdown).parse(body, {})
  const blocks: Block[] = []
  const stack: Frame[] = []
  const inQuote = () => stack.some((f) => f.type === 'quote')
  const item = () => {
    const top = stack.at(-1)
    return top?.type === 'item' || top?.type === 'footnote' ? top : null
  }
  const push = (kind: BlockKind, parts: InlineText[], extra: Partial<Block> = {}) => {
    for (const p of parts) {
      const block: Block = { kind, text: p.text, ...extra }
      if (p.marks.length) block.marks = p.marks
      blocks.push(block)
    }
  }
  const flushItem = () => {
    const open = item()
    if (!open || open.type === 'footnote') return
    push(inQuote() ? 'blockquote' : 'list-item', open.builder.finish(), inQuote() ? {} : { level: open.level, ordered: open.ordered })
    open.builder = new InlineBuilder()
  }
  const listLevel = () => stack.filter((f) => f.type === 'list').length - 1

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    switch (t.type) {
      case 'blockquote_open':
        flushItem()
        stack.push({ type: 'quote' })
        break
      case 'bullet_list_open':
      case 'ordered_list_open':
        flushItem()
        stack.push({ type: 'list', ordered: t.type === 'ordered_list_open' })
        break
      case 'list_item_open': {
        const list = stack.at(-1)
        stack.push({ type: 'item', builder: new InlineBuilder(), level: Math.min(listLevel(), 8), ordered: list?.type === 'list' && list.ordered })
        break
      }
      // Footnotes come after the body (markdown-it-footnote's tail): one footnote block each,
      // its label first, as PDF footnotes are ("1 Source: …").
      case 'footnote_open':
        stack.push({ type: 'footnote', builder: new InlineBuilder(), label: footnoteLabel(t) })
        break
      case 'footnote_close': {
        const open = stack.pop()
        if (open?.type === 'footnote') {
          const note = joinInline(open.builder.finish(), ' ')
          const text = `${open.label} ${note.text}`.trim()
          const marks = note.marks.map((m) => ({ ...m, start: m.start + open.label.length + 1, end: m.end + open.label.length + 1 }))
          blocks.push(marks.length ? { kind: 'footnote', text, marks } : { kind: 'footnote', text })
        }
        break
      }
      case 'list_item_close':
        flushItem()
        stack.pop()
        break
      case 'blockquote_close':
      case 'bullet_list_close':
      case 'ordered_list_close':
        stack.pop()
        break
      case 'heading_open':
      case 'paragraph_open': {
        const inline = tokens[i + 1]!
        i += 2
        const open = item()
        if (open) {
          // Paragraphs of one item read as one block, a line apart.
          open.builder.endLine()
          inlineInto(open.builder, inline)
          open.builder.endLine()
        } else if (inQuote()) push('blockquote', inlineOf(inline).finish())
        else if (t.type === 'heading_open') push('heading', inlineOf(inline).finish(), { level: Number(t.tag.slice(1)) })
        else push('paragraph', inlineOf(inline).finish())
        break
      }
      case 'fence':
      case 'code_block': {
        flushItem()
        const text = preformattedText(t.content)
        if (text) blocks.push({ kind: 'code', text })
        break
      }
      case 'table_open': {
        flushItem()
        const end = tokens.findIndex((x, k) => k > i && x.type === 'table_close')
        const table = tableBlock(tokens.slice(i, end))
        if (table.text) blocks.push(table.marks.length ? { kind: 'table', text: table.text, marks: table.marks } : { kind: 'table', text: table.text })
        i = end
        break
      }
      // hr and anything else carry no text.
    }
  }
  // Only a heading that is the file's first element: after a rule or text it is a section head.
  return { blocks, opensWithHeading: tokens[0]?.type === 'heading_open' }
}

/** Rows on lines, cells split by tabs, marks shifted to where each cell lands. */
function tableBlock(tokens: Token[]): InlineText {
  const rows: InlineText[][] = []
  for (const t of tokens) {
    if (t.type === 'tr_open') rows.push([])
    else if (t.type === 'inline') {
      const cell = inlineOf(t).finish()
      rows.at(-1)?.push(joinInline(cell, ' ', (s) => s.replace(/[\t\n]/g, ' ')))
    }
  }
  const lines = rows
    .map((cells) => {
      // A row ending in empty cells would end in tabs, which canonical text trims away.
      while (cells.length && cells.at(-1)!.text === '') cells.pop()
      return joinInline(cells, '\t')
    })
    .filter((row) => row.text !== '')
  return joinInline(lines, '\n')
}
