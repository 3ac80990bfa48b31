import type { Block, BlockKind } from '../../../shared/document/article-document'
import { InlineBuilder, joinInline, markHref, preformattedText, type InlineText } from '../../../shared/document/inline-text'
import { CHROME } from '../../../shared/cleaning/chrome-rules'
import { absorbRelatedHeadlines } from '../../../shared/cleaning/related-headlines'
import { containerRole, isContentsList, isEditorialLabel, outsideReason, sectionChromeReason, textChromeReason } from './html-chrome'
import { TOC_REASON } from '../../../shared/import/document-metadata'
import type { Outline } from './html-outline'

/** Elements that start a new block; every other element is read as inline content. */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'figcaption', 'figure', 'footer', 'nav', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'ol',
  'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul'
])

const MARK_TAGS: Record<string, 'strong' | 'em' | 'code'> = {
  strong: 'strong', b: 'strong',
  em: 'em', i: 'em', cite: 'em', dfn: 'em', var: 'em',
  code: 'code', kbd: 'code', samp: 'code', tt: 'code'
}

interface Context {
  /** The kind the next paragraph-like block gets: blockquote inside a quote, editorial in a box. */
  kind: BlockKind
  removed: string | null
  listLevel: number
  /** Set in an element around the story: text directly in it (not in a child block) is not the story. */
  runRemoved?: string | null
}

export interface BlockWriterOptions {
  /** False reads every block as kept: the analyst asked for the page's whole text. */
  chrome: boolean
  /**
   * What extraction kept, when the whole page is written: every block outside the story is
   * written too, as removed with its reason, so "Show removed text" lists it.
   */
  outline?: Outline | null
  /** Length of the story's text, when the root written is the whole page. */
  storyLength?: number
}

/**
 * Names a story's own markup also carries: publishers wrap the free paragraphs in a "paywall" or
 * "paywall-teaser" box, and German CMSs call an article's lead its "teaser". A box so named that
 * holds prose rather than links is the story (a related-links box is headlines, a sign-up box a
 * line and a button).
 */
const STORY_MAY_CARRY: ReadonlySet<string> = new Set([CHROME.related, CHROME.newsletter])

/** A paragraph of the story: long enough to be more than a label, ending as a sentence ends. */
const SENTENCE_END = /[.!?…。！？]["”’»)]?$/u

function holdsStoryProse(el: Element, reason: string): boolean {
  const text = (el.textContent ?? '').trim()
  let linked = 0
  for (const a of Array.from(el.getElementsByTagName('a'))) linked += (a.textContent ?? '').trim().length
  if (linked > text.length * 0.2) return false
  const paragraphs = el.localName === 'p' ? [el] : Array.from(el.getElementsByTagName('p'))
  const sentences = (min: number) =>
    paragraphs.filter((p) => {
      const said = (p.textContent ?? '').trim()
      return said.length >= min && SENTENCE_END.test(said)
    }).length
  // Two paragraphs of sentences. Or, named as a teaser, one with no link at all: the lead set
  // apart, which may be short ("Verdi ruft zum Warnstreik auf. Reedereien leiten Schiffe um.");
  // a sign-up or paywall prompt is one sentence too, so it needs two.
  return sentences(80) >= 2 || (sentences(60) === 1 && linked === 0 && reason === CHROME.related)
}

/**
 * A table cell that holds running text, as pages laid out in tables wrote it: paragraphs parted
 * by a blank line (`<br><br>`), or, in a table of a few rows (a page's columns), more text than a
 * cell of data holds. A data table of many rows keeps its long cells as cells.
 */
function holdsParagraphs(cell: Element, rows: number): boolean {
  if (rows <= 3 && (cell.textContent?.length ?? 0) > 400) return true
  for (const br of Array.from(cell.getElementsByTagName('br'))) {
    let next = br.nextSibling
    while (next && next.nodeType === 3 && !next.nodeValue?.trim()) next = next.nextSibling
    if (next && next.nodeType === 1 && (next as Element).localName === 'br') return true
  }
  return false
}

/**
 * Walks sanitized HTML and emits blocks: headings keep their level, list items their depth and
 * numbering, tables their cells; strong/em/code/links become marks. Containers recognised as
 * chrome mark their blocks removed (see html-chrome.ts).
 */
export class BlockWriter {
  readonly blocks: Block[] = []
  /** Characters of kept text, and how many of them are link text (any link, kept or not). */
  keptChars = 0
  linkChars = 0
  private rootTextLength = 0

  constructor(
    private readonly baseUrl: string | null,
    private readonly options: BlockWriterOptions = { chrome: true }
  ) {}

  write(root: Element): Block[] {
    this.rootTextLength = this.options.storyLength ?? root.textContent?.length ?? 0
    const around = this.options.outline?.standing(root) === 'around'
    this.container(root, { kind: 'paragraph', removed: null, listLevel: 0, runRemoved: around ? CHROME.outsideArticle : null })
    if (this.options.chrome) {
      markChromeSections(this.blocks)
      absorbRelatedHeadlines(this.blocks)
    }
    return this.blocks
  }

  private emit(kind: BlockKind, inline: InlineText, ctx: Context, extra: Partial<Block> = {}): void {
    if (inline.text === '') return
    const block: Block = { kind, text: inline.text, ...extra }
    // A link with no target we accept was marked with href '' only to be counted here.
    const marks = inline.marks.filter((m) => m.type !== 'link' || m.href)
    if (marks.length) block.marks = marks
    const byText = this.options.chrome && kind !== 'code' && kind !== 'table' ? textChromeReason(inline.text) : null
    const reason = ctx.removed ?? byText
    if (reason) block.removed = { reason }
    else {
      this.keptChars += inline.text.length
      for (const m of inline.marks) if (m.type === 'link') this.linkChars += m.end - m.start
    }
    this.blocks.push(block)
  }

  private emitParagraphs(kind: BlockKind, builder: InlineBuilder, ctx: Context, extra: Partial<Block> = {}): void {
    for (const part of builder.finish()) this.emit(kind, part, ctx, extra)
  }

  /** A container's children: runs of inline content become paragraphs between the blocks. */
  private container(el: Element, ctx: Context): void {
    let run: InlineBuilder | null = null
    const runCtx = ctx.runRemoved && !ctx.removed ? { ...ctx, removed: ctx.runRemoved } : ctx
    const flush = () => {
      if (run) this.emitParagraphs(ctx.kind, run, runCtx)
      run = null
    }
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 1 && BLOCK_TAGS.has((child as Element).localName)) {
        flush()
        this.block(child as Element, ctx)
      } else {
        run ??= new InlineBuilder()
        this.inline(child, run)
      }
    }
    flush()
  }

  private contextFor(el: Element, outer: Context): Context {
    const standing = this.options.outline?.standing(el) ?? 'in'
    if (standing === 'out') {
      // A closer reason (the navigation in a page's header) replaces the generic one.
      if (outer.removed && outer.removed !== CHROME.outsideArticle) return outer
      const reason = outsideReason(el)
      return outer.removed && reason === CHROME.outsideArticle ? outer : { ...outer, removed: reason, runRemoved: null }
    }
    const ctx: Context = standing === 'around' ? { ...outer, runRemoved: CHROME.outsideArticle } : outer.runRemoved ? { ...outer, runRemoved: null } : outer
    const role = containerRole(el)
    if (!role || ctx.removed) return ctx
    if ('editorial' in role) return ctx.kind === 'paragraph' ? { ...ctx, kind: 'editorial' } : ctx
    if (!this.options.chrome) return ctx
    // A "chrome" container holding most of the page is a mislabelled wrapper, not a widget.
    const length = el.textContent?.length ?? 0
    if (length > 1000 && length > this.rootTextLength / 2) return ctx
    if (STORY_MAY_CARRY.has(role.removed) && holdsStoryProse(el, role.removed)) return ctx
    return { ...ctx, removed: role.removed }
  }

  private block(el: Element, outer: Context): void {
    const tag = el.localName
    // The page's whole text leaves menus out, as it always has.
    if (tag === 'nav' && !this.options.chrome) return
    const ctx = this.contextFor(el, outer)
    if (/^h[1-6]$/.test(tag)) {
      const b = this.inlineOf(el)
      // A heading inside a quote or box belongs to it; elsewhere it keeps its level.
      if (ctx.kind === 'paragraph') this.emitParagraphs('heading', b, ctx, { level: Number(tag[1]) })
      else if (ctx.kind === 'editorial' && isEditorialLabel(b.finish()[0]?.text ?? '')) this.emitParagraphs('editorial', b, ctx)
      else this.emitParagraphs(ctx.kind, b, ctx)
    } else if (tag === 'p' || tag === 'dt' || tag === 'dd' || tag === 'summary' || tag === 'address') {
      this.container(el, ctx)
    } else if (tag === 'ul' || tag === 'ol') {
      this.list(el, tag === 'ol', ctx)
    } else if (tag === 'li') {
      this.listItem(el, false, ctx)
    } else if (tag === 'blockquote') {
      this.container(el, ctx.kind === 'paragraph' ? { ...ctx, kind: 'blockquote' } : ctx)
    } else if (tag === 'pre') {
      const text = preformattedText(preText(el))
      this.emit('code', { text, marks: [] }, ctx)
    } else if (tag === 'table') {
      this.table(el, ctx)
    } else if (tag === 'figcaption' || tag === 'caption') {
      this.emitParagraphs('caption', this.inlineOf(el), ctx)
    } else if (tag === 'hr') {
      // A rule separates; it has no text.
    } else {
      this.container(el, ctx)
    }
  }

  private list(el: Element, ordered: boolean, outer: Context): void {
    const ctx = this.options.chrome && !outer.removed && isContentsList(el) ? { ...outer, removed: TOC_REASON } : outer
    for (const child of Array.from(el.children)) {
      if (child.localName === 'li') this.listItem(child, ordered, this.contextFor(child, ctx))
      else this.block(child, ctx)
    }
  }

  /**
   * One item: its own text (paragraphs inside it joined by line breaks) is one block; a list
   * inside it follows one level deeper. Inside a quote or a box the item keeps that kind.
   */
  private listItem(el: Element, ordered: boolean, ctx: Context): void {
    const kind: BlockKind = ctx.kind === 'paragraph' ? 'list-item' : ctx.kind
    const extra = kind === 'list-item' ? { level: Math.min(ctx.listLevel, 8), ordered } : {}
    let item = new InlineBuilder()
    const flush = () => {
      this.emitParagraphs(kind, item, ctx, extra)
      item = new InlineBuilder()
    }
    const walk = (node: Element) => {
      for (let child = node.firstChild; child; child = child.nextSibling) {
        const tag = child.nodeType === 1 ? (child as Element).localName : ''
        if (tag === 'ul' || tag === 'ol') {
          flush()
          this.list(child as Element, tag === 'ol', { ...ctx, listLevel: ctx.listLevel + 1 })
        } else if (tag === 'pre' || tag === 'table' || tag === 'blockquote') {
          flush()
          this.block(child as Element, ctx)
        } else if (BLOCK_TAGS.has(tag)) {
          item.endLine()
          walk(child as Element)
          item.endLine()
        } else {
          this.inline(child, item)
        }
      }
    }
    walk(el)
    flush()
  }

  /**
   * A table of data becomes one block: rows on lines, cells split by tabs. A table laid out
   * around paragraphs (old sites set whole pages in one) is read as the containers it is.
   */
  private table(el: Element, ctx: Context): void {
    const rows = Array.from(el.querySelectorAll('tr')).filter((tr) => tr.closest('table') === el)
    const layout = rows.some((tr) => Array.from(tr.children).some((cell) => cell.querySelector('p, div, ul, ol, h1, h2, h3, h4, h5, h6, blockquote, pre, table') || holdsParagraphs(cell, rows.length)))
    if (layout || rows.length === 0) {
      this.container(el, ctx)
      return
    }
    const caption = Array.from(el.children).find((c) => c.localName === 'caption')
    if (caption) this.emitParagraphs('caption', this.inlineOf(caption), ctx)
    const lines: InlineText[] = []
    // The data cells' text and how much of it is links: a table of links is a site's navigation.
    let dataChars = 0
    let linkChars = 0
    let links = 0
    for (const tr of rows) {
      const cells = Array.from(tr.children)
        .filter((c) => c.localName === 'td' || c.localName === 'th')
        .map((c) => {
          const parts = this.inlineOf(c).finish()
          // A cell is one line: its own breaks become spaces, same length, so marks stay put.
          const cell = joinInline(parts, ' ', (t) => t.replace(/[\t\n]/g, ' '))
          if (c.localName === 'td') {
            dataChars += cell.text.replace(/\s+/g, '').length
            for (const m of cell.marks) {
              if (m.type !== 'link') continue
              links++
              linkChars += cell.text.slice(m.start, m.end).replace(/\s+/g, '').length
            }
          }
          return cell
        })
      // Trailing empty cells would leave a row ending in tabs, which canonical text trims.
      while (cells.length && cells.at(-1)!.text === '') cells.pop()
      if (cells.length) lines.push(joinInline(cells, '\t'))
    }
    const navigation = this.options.chrome && !ctx.removed && links >= 3 && linkChars >= 0.8 * dataChars
    this.emit('table', joinInline(lines, '\n'), navigation ? { ...ctx, removed: CHROME.navigation } : ctx)
  }

  private inlineOf(el: Element): InlineBuilder {
    const b = new InlineBuilder()
    for (let child = el.firstChild; child; child = child.nextSibling) this.inline(child, b)
    return b
  }

  private inline(node: Node, b: InlineBuilder): void {
    if (node.nodeType === 3) {
      b.text(node.nodeValue ?? '')
      return
    }
    if (node.nodeType !== 1) return
    const el = node as Element
    const tag = el.localName
    if (tag === 'br') {
      b.lineBreak()
      return
    }
    if (tag === 'wbr') return
    // Two links or times side by side with nothing between ("Home</a><a>News", "2026</time><time>April
    // 16"): a page lays them out apart, so their words must not run together.
    const before = el.previousSibling
    if ((tag === 'a' || tag === 'time') && before?.nodeType === 1 && (before as Element).localName === tag) b.text(' ')
    // A block inside inline content (a card in a link) still breaks the line.
    const isBlock = BLOCK_TAGS.has(tag)
    if (isBlock) b.endLine()
    const type = MARK_TAGS[tag]
    const href = tag === 'a' && el.hasAttribute('href') ? (markHref(el.getAttribute('href'), this.baseUrl) ?? '') : null
    const mark = type ? b.open(type) : href !== null ? b.open('link', href) : null
    if (tag === 'q') b.text('“')
    for (let child = el.firstChild; child; child = child.nextSibling) this.inline(child, b)
    if (tag === 'q') b.text('”')
    if (mark) b.close(mark)
    if (isBlock) b.endLine()
  }
}

function preText(el: Element): string {
  let out = ''
  const walk = (node: Node) => {
    if (node.nodeType === 3) out += node.nodeValue ?? ''
    else if (node.nodeType === 1 && (node as Element).localName === 'br') out += '\n'
    else for (let child = node.firstChild; child; child = child.nextSibling) walk(child)
  }
  walk(el)
  return out
}

/**
 * "Related stories" or "Comments (3)" as a heading: it and everything under it, to the next
 * heading of the same or a higher level, is chrome. Only removes; never restores.
 */
function markChromeSections(blocks: Block[]): void {
  let open: { level: number; reason: string } | null = null
  for (const block of blocks) {
    if (block.kind === 'heading') {
      const level = block.level ?? 2
      if (open && level <= open.level) open = null
      const reason = sectionChromeReason(block.text)
      if (reason && !open) open = { level, reason }
    }
    if (open && !block.removed) block.removed = { reason: open.reason }
  }
}
