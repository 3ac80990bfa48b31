import { escapeMarkdownInline } from '../markdown/escape-markdown'
import { quoted } from '../markdown/front-matter'
import { isoDate } from '../text/iso-date'
import { withDirectionHint } from '../markdown/direction-hint'
import { plain, safeHref, type BriefBlock, type Inline } from './brief-document'
import type { BriefRenderInput } from './brief-render-input'
import { appendixColumns, appendixIntro, appendixRows, tableOf } from './brief-words'
import type { Translate } from '../i18n/messages'

/**
 * The brief as Pandoc Markdown: YAML front matter, `[^n]` after each quote with `[^n]: note` at
 * the end, key judgements as `**Key judgement:** …`, and the case manifest as an evidence appendix.
 * Footnotes are numbered in the order the quotes appear.
 */
export function briefMarkdown(input: BriefRenderInput): string {
  const { brief, notes } = input
  const out: string[] = []
  out.push(
    '---\n' +
      `title: ${quoted(brief.title)}\n` +
      `case: ${quoted(input.caseName)}\n` +
      `dossier_case: ${quoted(input.caseId)}\n` +
      `date: ${quoted(isoDate(input.generatedAt) ?? input.generatedAt)}\n` +
      `citation_style: ${quoted(input.styleTitle)}\n` +
      (brief.draft ? 'draft: true\n' : '') +
      '---'
  )
  out.push(`# ${escapeMarkdownInline(brief.title)}`)
  for (const block of brief.blocks) out.push(withDirectionHint(blockMarkdown(block, input.t), blockText(block)))
  out.push(`## ${escapeMarkdownInline(input.t('brief:export.appendix'))}`, appendix(input))
  const body = out.filter((s) => s !== '').join('\n\n')
  const footnotes = notes.map((note, i) => `[^${i + 1}]: ${escapeMarkdownInline(oneLine(note))}`).join('\n')
  return `${body}\n\n${footnotes}\n`
}

function blockMarkdown(block: BriefBlock, t: Translate): string {
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
    case 'quote': {
      const lines = block.quote.split('\n').map((l) => (l.trim() ? escapeMarkdownInline(l.trim()) : ''))
      lines[lines.length - 1] += `[^${block.cite + 1}]`
      return lines.map((l) => (l ? `> ${l}` : '>')).join('\n')
    }
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

function appendix(input: BriefRenderInput): string {
  const columns = appendixColumns(input.t)
  return [
    cell(appendixIntro(input)),
    '',
    `| ${columns.map(cell).join(' | ')} |`,
    `| ${columns.map(() => '---').join(' | ')} |`,
    ...appendixRows(input).map((r) => `| ${r.map(cell).join(' | ')} |`)
  ].join('\n')
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
