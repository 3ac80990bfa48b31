import { escapeMarkdownInline } from '../markdown/escape-markdown'
import { quoted } from '../markdown/front-matter'
import { isoDate } from '../text/iso-date'
import { directionHint, withDirectionHint } from '../markdown/direction-hint'
import { plain, safeHref, type BriefBlock, type Inline } from './brief-document'
import type { BriefRenderInput } from './brief-render-input'
import { appendixColumns, appendixIntro, appendixRows, tableOf, type AppendixHeadInput } from './brief-words'
import type { Translate } from '../i18n/messages'

/**
 * The brief as Pandoc Markdown: YAML front matter, `[^n]` after each quote with `[^n]: note` at
 * the end, key judgements as `**Key judgement:** …`, and the case manifest as an evidence appendix.
 * Footnotes are numbered in the order the quotes appear.
 */
export function briefMarkdown(input: BriefRenderInput): string {
  return assembleBriefMarkdown(
    input,
    input.brief.blocks.map((b) => blockMarkdown(b, input.t)),
    input.notes.map(footnoteText),
    appendixRowsMarkdown(input.manifest)
  )
}

/**
 * A block's Markdown, direction hint included. A quote's is cut where its footnote's number
 * goes (`${head}${n}${tail}`): the number is the quote's place in the brief, so a block's pieces
 * stay the same when quotes are added or removed before it, and can be kept between exports.
 */
export interface BlockMarkdown {
  head: string
  /** null for a block that cites nothing. */
  tail: string | null
}

export function blockMarkdown(block: BriefBlock, t: Translate): BlockMarkdown {
  if (block.kind !== 'quote') return { head: withDirectionHint(uncitedMarkdown(block, t), blockText(block)), tail: null }
  const lines = block.quote.split('\n').map((l) => (l.trim() ? escapeMarkdownInline(l.trim()) : ''))
  const last = lines.pop()!
  // The number makes the last line non-blank, so it always takes the "> " a blank line goes without.
  const { open, close } = directionHint(block.quote)
  return { head: `${open}${[...lines.map((l) => (l ? `> ${l}` : '>')), `> ${last}[^`].join('\n')}`, tail: `]${close}` }
}

/** A note as its footnote line says it, after `[^n]: `. */
export function footnoteText(note: string): string {
  return escapeMarkdownInline(oneLine(note))
}

/** The evidence appendix's table rows, one line per article of the manifest. */
export function appendixRowsMarkdown(manifest: BriefRenderInput['manifest']): string {
  return appendixRows({ manifest }).map((r) => `| ${r.map(cell).join(' | ')} |`).join('\n')
}

/** What the file says around the blocks: the case, its date, the style, the manifest. */
export type BriefMarkdownFrame = Pick<BriefRenderInput, 'brief' | 'caseName' | 'caseId' | 'generatedAt' | 'styleTitle' | 'manifest' | 't'>

/**
 * The whole file from its pieces: the opening, each block's Markdown (its quotes numbered in
 * order), the appendix, and a footnote line per note. The Markdown export's cache
 * (brief-markdown-export.ts) lays out the same pieces as bytes; a property test holds the two to
 * the same output.
 */
export function assembleBriefMarkdown(frame: BriefMarkdownFrame, blocks: readonly BlockMarkdown[], footnotes: readonly string[], appendixRows: string): string {
  const out: string[] = [briefMarkdownOpening(frame)]
  let quotes = 0
  for (const b of blocks) {
    if (b.tail !== null) out.push(`${b.head}${++quotes}${b.tail}`)
    else if (b.head !== '') out.push(b.head)
  }
  out.push(`${briefMarkdownAppendix(frame)}${appendixRows ? `\n${appendixRows}` : ''}`)
  return `${out.join('\n\n')}\n\n${footnotes.map((text, i) => `[^${i + 1}]: ${text}`).join('\n')}\n`
}

/** The front matter, then the title. */
export function briefMarkdownOpening(frame: Pick<BriefMarkdownFrame, 'caseName' | 'caseId' | 'generatedAt' | 'styleTitle'> & { brief: Pick<BriefMarkdownFrame['brief'], 'title' | 'draft'> }): string {
  const { brief } = frame
  return (
    '---\n' +
    `title: ${quoted(brief.title)}\n` +
    `case: ${quoted(frame.caseName)}\n` +
    `dossier_case: ${quoted(frame.caseId)}\n` +
    `date: ${quoted(isoDate(frame.generatedAt) ?? frame.generatedAt)}\n` +
    `citation_style: ${quoted(frame.styleTitle)}\n` +
    (brief.draft ? 'draft: true\n' : '') +
    `---\n\n# ${escapeMarkdownInline(brief.title)}`
  )
}

/** The evidence appendix's heading, sentence and table head; its rows follow on the next lines. */
export function briefMarkdownAppendix(frame: AppendixHeadInput): string {
  const columns = appendixColumns(frame.t)
  return `## ${escapeMarkdownInline(frame.t('brief:export.appendix'))}\n\n${[cell(appendixIntro(frame)), '', `| ${columns.map(cell).join(' | ')} |`, `| ${columns.map(() => '---').join(' | ')} |`].join('\n')}`
}

function uncitedMarkdown(block: Exclude<BriefBlock, { kind: 'quote' }>, t: Translate): string {
  switch (block.kind) {
    case 'heading':
      // The title is the one level-1 heading; the brief's own headings sit below it.
      return `${'#'.repeat(Math.min(6, block.level + 1))} ${inline(block.text)}`
    case 'paragraph':
      return inline(block.text)
    case 'keyJudgement':
      return plain(block.text).trim() ? `**${escapeMarkdownInline(t('brief:export.keyJudgementLead'))}** ${inline(block.text)}` : ''
    case 'blockquote':
      return prefixLines(inline(block.text), '> ')
    case 'list':
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${inline(item).replace(/\n/g, ' ')}`).join('\n')
    case 'table': {
      const { title, columns, rows, caption } = tableOf(block, t)
      const lines = [`**${cell(title)}**`, '', `| ${columns.map(cell).join(' | ')} |`, `| ${columns.map(() => '---').join(' | ')} |`]
      for (const row of rows) lines.push(`| ${columns.map((_, i) => cell(row[i] ?? '')).join(' | ')} |`)
      if (caption) lines.push('', `*${cell(caption)}*`)
      return lines.join('\n')
    }
    case 'rule':
      return '---'
  }
}

/** The words of a block, for the vote on its direction. */
function blockText(block: BriefBlock): string {
  switch (block.kind) {
    case 'quote':
      return block.quote
    case 'list':
      return block.items.map(plain).join(' ')
    case 'table':
    case 'rule':
      return ''
    default:
      return plain(block.text)
  }
}

function inline(text: readonly Inline[]): string {
  return text
    .map((run) => {
      if (run.text === '\n') return '\\\n'
      let s = escapeMarkdownInline(run.text)
      if (!s.trim()) return s
      if (run.bold) s = `**${s}**`
      if (run.italic) s = `*${s}*`
      const href = safeHref(run.href)
      return href ? `[${s}](<${href.replace(/[<>]/g, encodeURIComponent)}>)` : s
    })
    .join('')
}

function cell(s: string): string {
  return escapeMarkdownInline(oneLine(s))
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}

function prefixLines(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((l) => `${prefix}${l}`.trimEnd())
    .join('\n')
}
