import { dossierUrl } from '../../links/dossier-link'
import { highlightBlockId } from '../../markdown/block-id'
import { blockquote, escapeMarkdownInline } from '../../markdown/escape-markdown'
import { normalizeQuoteText, type HighlightQuoteSnapshot } from '../nodes/node-snapshots'

const LINK_TEXT = 'open in Dossier'
const QUOTE_LINE = /^>(?: |$)/
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
/** `— **Label**, citation · [passage](#^h-ID) · [open in Dossier](dossier://highlight/ID)` */
const CITATION_LINE = new RegExp(
  `^— (?:\\*\\*((?:\\\\.|[^*\\\\])+)\\*\\*, )?(.*?) · \\[passage\\]\\(#\\^h-(${UUID})\\) · \\[${LINK_TEXT}\\]\\(dossier://highlight/\\3\\)$`
)

/**
 * The quote as Markdown readers show it: its words, escaped so `#tags`, `*` and `[` stay text,
 * then a citation line linking to the highlight's block id in the same export and back into
 * Dossier.
 */
export function quoteToMarkdown(quote: HighlightQuoteSnapshot): string {
  const text = normalizeQuoteText(quote.quote)
  const label = quote.label.trim() ? `**${escapeMarkdownInline(quote.label.trim())}**, ` : ''
  const id = quote.highlightId
  const citation =
    `— ${label}${escapeMarkdownInline(quote.citation.trim()) || 'unknown source'} · ` +
    `[passage](#^${highlightBlockId(id)}) · [${LINK_TEXT}](${dossierUrl({ kind: 'highlight', id })})`
  return blockquote(`${escapeMarkdownInline(text)}\n\n${citation}`)
}

/**
 * Reads a quote written by quoteToMarkdown back, starting at `start`. Null when the blockquote
 * there is an ordinary one, which the built-in transformer then takes.
 */
export function parseQuoteMarkdown(lines: readonly string[], start: number): { quote: HighlightQuoteSnapshot; end: number } | null {
  let end = start
  while (end + 1 < lines.length && QUOTE_LINE.test(lines[end + 1]!)) end++
  const match = CITATION_LINE.exec(lines[end]!.replace(QUOTE_LINE, ''))
  if (!match || end - start < 2 || lines[end - 1]!.trim() !== '>') return null
  const [, label, citation, highlightId] = match
  const text = lines
    .slice(start, end - 1)
    .map((line) => line.replace(QUOTE_LINE, ''))
    .join('\n')
  return {
    quote: {
      highlightId: highlightId!,
      quote: unescapeMarkdown(text).trim(),
      label: label ? unescapeMarkdown(label) : '',
      citation: unescapeMarkdown(citation!)
    },
    end
  }
}

/** What a CommonMark reader makes of escapeMarkdownInline's output: backslash escapes and `&amp;`. */
export function unescapeMarkdown(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])|&amp;/g, (_whole, punct: string | undefined) => punct ?? '&')
}
