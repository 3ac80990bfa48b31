import { escapeMarkdownInline } from '../../markdown/escape-markdown'
import { CLAIM_STATUS_NAMES } from '../../analysis/claim-warnings'
import type { ClaimQuoteSnapshot } from '../nodes/ClaimQuoteNode'
import { unescapeMarkdown } from './highlight-quote-markdown'

const QUOTE_LINE = /^>(?: |$)/
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
const STATEMENT_LINE = /^\*\*Claim:\*\* (.+)$/
/** `— Corroborated · 3 supporting · 1 contradicting · 0 context · claim ID` */
const STANDING_LINE = new RegExp(`^— (${Object.values(CLAIM_STATUS_NAMES).join('|')}) · (\\d+) supporting · (\\d+) contradicting · (\\d+) context · claim (${UUID})$`)
const STATUS_BY_NAME = new Map(Object.entries(CLAIM_STATUS_NAMES).map(([status, name]) => [name, status as ClaimQuoteSnapshot['status']]))

/**
 * A claim quote as Markdown readers show it: a blockquote of the statement, escaped, then how it
 * stood when quoted (status and evidence counts) and the claim's id, which brings it back as a
 * claim quote when the Markdown is read into Dossier again.
 */
export function claimQuoteToMarkdown(claim: ClaimQuoteSnapshot): string {
  const text = escapeMarkdownInline(claim.text.replace(/\s+/g, ' ').trim())
  const standing = `— ${CLAIM_STATUS_NAMES[claim.status]} · ${claim.supports} supporting · ${claim.contradicts} contradicting · ${claim.context} context · claim ${claim.claimId}`
  return [`> **Claim:** ${text}`, '>', `> ${standing}`].join('\n')
}

/** Reads a claim quote written by claimQuoteToMarkdown back, starting at `start`; null for any other blockquote. */
export function parseClaimQuoteMarkdown(lines: readonly string[], start: number): { claim: ClaimQuoteSnapshot; end: number } | null {
  const end = start + 2
  if (end >= lines.length || lines[start + 1]!.trim() !== '>' || !QUOTE_LINE.test(lines[end]!)) return null
  if (end + 1 < lines.length && QUOTE_LINE.test(lines[end + 1]!)) return null
  const statement = STATEMENT_LINE.exec(lines[start]!.replace(QUOTE_LINE, ''))
  const standing = STANDING_LINE.exec(lines[end]!.replace(QUOTE_LINE, ''))
  if (!statement || !standing) return null
  const [, name, supports, contradicts, context, claimId] = standing
  return {
    claim: {
      claimId: claimId!,
      text: unescapeMarkdown(statement[1]!).trim(),
      status: STATUS_BY_NAME.get(name!)!,
      supports: Number(supports),
      contradicts: Number(contradicts),
      context: Number(context)
    },
    end
  }
}
