import { markdownBlocks } from '../import/markdown-blocks'
import { keptBlocks, type ArticleDocument, type Block, type InlineMark } from './article-document'
import { markHref, slice, tidy, type InlineText } from './inline-text'

/**
 * The Markdown body of an article's kept blocks, for export. It renders alike in GitHub, Obsidian
 * and Pandoc and contains no raw HTML: article text is escaped so it stays literal (no `#tag`,
 * `[[link]]`, `$math$`, `==highlight==`, `%%comment%%` or `<b>` springs to life), links keep only
 * http(s) and mailto targets, and every block is checked by parsing it back; a block whose
 * emphasis would not survive (CommonMark cannot open `*` between a letter and punctuation) is
 * written with fewer marks rather than with stray asterisks.
 *
 * Captions are an italic paragraph; editorial boxes a blockquote under a bold label; tables GFM
 * tables with the first row as header.
 */
export function documentToMarkdown(doc: ArticleDocument): string {
  const out: string[] = []
  const list = new ListNumbering()
  const blocks = keptBlocks(doc)
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!
    if (block.kind !== 'list-item') list.reset()
    let md: string
    switch (block.kind) {
      case 'heading':
        md = `${'#'.repeat(Math.min(6, Math.max(1, block.level ?? 2)))} ${inline({ text: block.text.replace(/\n/g, ' '), marks: block.marks ?? [] })}`
        break
      case 'list-item': {
        const { indent, marker } = list.next(block)
        md = indent + marker + continueLines(inline(inlineOf(block)), ' '.repeat(indent.length + marker.length))
        break
      }
      case 'blockquote':
        md = quote(inline(inlineOf(block)))
        break
      case 'code':
        md = fence(block.text)
        break
      case 'table':
        md = table(inlineOf(block))
        break
      case 'caption':
        md = caption(inlineOf(block))
        break
      case 'editorial': {
        const group = [block]
        while (blocks[i + 1]?.kind === 'editorial') group.push(blocks[++i]!)
        md = editorial(group)
        break
      }
      default:
        md = inline(inlineOf(block))
    }
    if (md.trim() === '') continue
    // Items of one list stay together (a tight list); every other block is a paragraph apart.
    const tight = block.kind === 'list-item' && blocks[i - 1]?.kind === 'list-item' && out.length > 0
    out.push(tight ? `\n${md}` : out.length ? `\n\n${md}` : md)
  }
  return out.length ? `${out.join('')}\n` : ''
}

function inlineOf(block: Block): InlineText {
  return { text: block.text, marks: block.marks ?? [] }
}

function continueLines(md: string, prefix: string): string {
  return md.replace(/\n/g, `\n${prefix}`)
}

function quote(md: string): string {
  return md
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n')
}

/**
 * Numbers and indents list items: each level indents to where its parent item's text starts,
 * so "10. " nests deeper than "- ". A level more than one below the last is lifted, since
 * Markdown cannot skip a level.
 */
class ListNumbering {
  private levels: { ordered: boolean; n: number; contentColumn: number }[] = []

  reset(): void {
    this.levels = []
  }

  next(block: Block): { indent: string; marker: string } {
    const level = Math.min(Math.max(0, block.level ?? 0), this.levels.length)
    this.levels.length = Math.min(this.levels.length, level + 1)
    const ordered = block.ordered ?? false
    const current = this.levels[level]
    const n = current && current.ordered === ordered ? current.n + 1 : 1
    const indent = level === 0 ? 0 : this.levels[level - 1]!.contentColumn
    const marker = ordered ? `${n}. ` : '- '
    this.levels[level] = { ordered, n, contentColumn: indent + marker.length }
    return { indent: ' '.repeat(indent), marker }
  }
}

function fence(code: string): string {
  const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((run) => run.length))
  const ticks = '`'.repeat(longest + 1)
  return `${ticks}\n${code}\n${ticks}`
}

function caption(text: InlineText): string {
  const marks = text.marks.filter((m) => m.type !== 'em')
  const whole: InlineMark = { type: 'em', start: 0, end: text.text.length }
  return inline({ text: text.text, marks: [whole, ...marks] })
}

/** A label: short, one line, not a sentence ("Why We Wrote This", "Key points"). */
function isLabel(text: string): boolean {
  return text.length <= 60 && !text.includes('\n') && !/[.!?…:;,]$/.test(text)
}

function editorial(group: Block[]): string {
  const first = group[0]!
  const labelled = group.length > 1 && isLabel(first.text)
  const label = labelled ? inline({ text: first.text, marks: [{ type: 'strong', start: 0, end: first.text.length }] }) : '**Aside**'
  const body = (labelled ? group.slice(1) : group).map((b) => inline(inlineOf(b)))
  return quote([label, ...body].join('\n\n'))
}

/** A GFM table: first row as header, rows padded to the widest; cells are inline text. */
function table(text: InlineText): string {
  const rows: InlineText[][] = []
  let lineStart = 0
  for (const line of text.text.split('\n')) {
    const cells: InlineText[] = []
    let cellStart = lineStart
    for (const cell of line.split('\t')) {
      const part = slice(text, cellStart, cellStart + cell.length)
      // A "|" in a code span would still split the GFM cell: such a span is written as text.
      part.marks = part.marks.filter((m) => m.type !== 'code' || !part.text.slice(m.start, m.end).includes('|'))
      cells.push(part)
      cellStart += cell.length + 1
    }
    rows.push(cells)
    lineStart += line.length + 1
  }
  const width = Math.max(...rows.map((r) => r.length))
  const row = (cells: InlineText[]) =>
    `| ${Array.from({ length: width }, (_, k) => inline(cells[k] ?? { text: '', marks: [] }).replace(/\n/g, ' ')).join(' | ')} |`
  return [row(rows[0]!), `|${' --- |'.repeat(width)}`, ...rows.slice(1).map(row)].join('\n')
}

interface Delimiters {
  em: string
  strong: string
}

/**
 * `*` first; `_` for emphasis when `*` would be ambiguous (`*a***b**`: one mark ending where
 * another begins); then `__` for strong.
 */
const DELIMITERS: Delimiters[] = [
  { em: '*', strong: '**' },
  { em: '_', strong: '**' },
  { em: '*', strong: '__' }
]

/**
 * Inline Markdown for a text and its marks, checked by parsing it back with the importer's own
 * parser. Emphasis that CommonMark would not read as such is dropped, then links and code too,
 * until the text comes back exactly; the text itself always survives.
 */
export function inline(text: InlineText): string {
  const marks = safeMarks(text)
  if (marks.length === 0 || plainlyDelimited(text.text, marks)) return render(text.text, marks, DELIMITERS[0]!)
  for (const delimiters of DELIMITERS) {
    const md = render(text.text, marks, delimiters)
    if (readsBack(md, { text: text.text, marks })) return md
  }
  const plainer = marks.filter((m) => m.type === 'link' || m.type === 'code')
  const md = render(text.text, plainer, DELIMITERS[0]!)
  return plainer.length === 0 || readsBack(md, { text: text.text, marks: plainer }) ? md : render(text.text, [], DELIMITERS[0]!)
}

/** Links with a target we accept, no two links overlapping (Markdown cannot nest them). */
function safeMarks(text: InlineText): InlineMark[] {
  const out: InlineMark[] = []
  let linkEnd = 0
  for (const m of tidy(text).marks) {
    if (m.type !== 'link') {
      out.push(m)
      continue
    }
    const href = markHref(m.href)
    const start = Math.max(m.start, linkEnd)
    if (!href || start >= m.end) continue
    out.push({ type: 'link', start, end: m.end, href })
    linkEnd = m.end
  }
  return out
}

/**
 * Marks CommonMark cannot misread, so the text needs no parsing back (which is most of the
 * export's time: an article's paragraphs read back one by one). Emphasis, strong and links only,
 * none touching or holding another, each beginning and ending on a letter or digit: a `*` or `**`
 * next to a letter or digit is always left- or right-flanking as it must be, whatever stands
 * outside it, and `*` may stand inside a word. A link's text is escaped like any text; its target
 * is written as is, so one with spaces or angle brackets is left to the check.
 */
function plainlyDelimited(text: string, marks: readonly InlineMark[]): boolean {
  let last = -1
  for (const m of [...marks].sort((a, b) => a.start - b.start)) {
    if (m.type === 'code' || m.start <= last) return false
    if (m.type === 'link' && (!m.href || /[\s<>]/.test(m.href))) return false
    if (!WORD_EDGE.test(text[m.start]!) || !WORD_EDGE.test(text[m.end - 1]!)) return false
    last = m.end
  }
  return true
}

/** One UTF-16 unit that is a letter or digit (a surrogate half is not: such marks take the check). */
const WORD_EDGE = /^[\p{L}\p{N}]$/u

function readsBack(md: string, expected: InlineText): boolean {
  const { blocks } = markdownBlocks(md)
  const got = blocks.length === 1 ? blocks[0]! : null
  if (!got || got.text !== expected.text) return false
  const want = tidy(expected).marks
  const have = got.marks ?? []
  return want.length === have.length && want.every((m, k) => m.type === have[k]!.type && m.start === have[k]!.start && m.end === have[k]!.end && (m.href ?? null) === (have[k]!.href ?? null))
}

const ORDER: Record<string, number> = { link: 0, strong: 1, em: 2, code: 3 }
const sameMark = (a: InlineMark, b: InlineMark) => a.type === b.type && a.href === b.href

function render(text: string, marks: InlineMark[], delimiters: Delimiters): string {
  const cuts = new Set([0, text.length])
  for (const m of marks) cuts.add(m.start).add(m.end)
  for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1)) cuts.add(k).add(k + 1)
  const points = [...cuts].sort((a, b) => a - b)
  const open: InlineMark[] = []
  let out = ''
  let code = ''
  const flushCode = () => {
    if (code) out += codeSpan(code)
    code = ''
  }
  for (let p = 0; p + 1 < points.length; p++) {
    const [from, to] = [points[p]!, points[p + 1]!]
    const piece = text.slice(from, to)
    const active = marks.filter((m) => m.start <= from && m.end >= to).sort((a, b) => ORDER[a.type]! - ORDER[b.type]!)
    const outer = active.filter((m) => m.type !== 'code')
    let keep = 0
    while (keep < open.length && keep < outer.length && sameMark(open[keep]!, outer[keep]!)) keep++
    if (keep < open.length || outer.length > open.length) flushCode()
    while (open.length > keep) out += closing(open.pop()!, delimiters)
    for (const m of outer.slice(keep)) {
      out += m.type === 'link' ? '[' : m.type === 'strong' ? delimiters.strong : delimiters.em
      open.push(m)
    }
    if (piece === '\n') {
      flushCode()
      out += '\\\n'
    } else if (active.some((m) => m.type === 'code')) code += piece
    else {
      flushCode()
      out += escapeText(piece, from === 0 || text[from - 1] === '\n')
    }
  }
  flushCode()
  while (open.length) out += closing(open.pop()!, delimiters)
  return out
}

function closing(m: InlineMark, delimiters: Delimiters): string {
  // Parentheses escaped: a URL's own ")" must not end the link early.
  if (m.type === 'link') return `](${m.href!.replace(/[()\\]/g, '\\$&')})`
  return m.type === 'strong' ? delimiters.strong : delimiters.em
}

function codeSpan(code: string): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length))
  const ticks = '`'.repeat(longest + 1)
  const pad = code.startsWith('`') || code.endsWith('`') || (code.startsWith(' ') && code.endsWith(' ')) ? ' ' : ''
  return `${ticks}${pad}${code}${pad}${ticks}`
}

/**
 * Backslash-escapes what would turn text into markup in CommonMark, GFM, Obsidian or Pandoc.
 * Every ASCII punctuation character may be escaped in CommonMark, so over-escaping is harmless;
 * we still leave common ones (. , : ' " ? / -) alone where they cannot start anything, so the
 * exported Markdown stays readable.
 */
export function escapeText(text: string, atLineStart: boolean): string {
  let out = text.replace(/[\\`*_{}[\]()#+!|~<>$%^=&]/g, '\\$&')
  // Pandoc citations ("@doe99"): only at the start of a word.
  out = out.replace(/(^|[^\p{L}\p{N}_])@/gu, '$1\\@')
  // GitHub emoji (":smile:") and Pandoc's "--" dashes.
  out = out.replace(/:(?=[a-z0-9_+-]+:)/gi, '\\:').replace(/-(?=-)/g, '-\\')
  const lines = out.split('\n')
  return lines
    .map((line, k) => (k === 0 && !atLineStart ? line : escapeLineStart(line)))
    .join('\n')
}

/** Line starts that open a block: list markers ("- ", "1. ", "1) "), setext rules, Pandoc's ":". */
function escapeLineStart(line: string): string {
  return line.replace(/^-/, '\\-').replace(/^(\d+)([.)])/, '$1\\$2').replace(/^:/, '\\:')
}
