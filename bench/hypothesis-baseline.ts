/**
 * The reference to match or beat: the Hypothesis client's anchoring of a quote in text
 * (src/annotator/anchoring/html.ts and match-quote.ts), reproduced over a plain string for the
 * benchmark only. The stored position is used when the quote is still there; otherwise the quote
 * is searched exactly (every occurrence), or, if it occurs nowhere, approximately across the whole
 * text with up to min(256, length / 2) errors, and the candidate with the best weighted score
 * (quote 50, prefix 20, suffix 20, position 2) wins. There is no threshold: a passage is orphaned
 * only when nothing within the error bound exists, and every placement is presented alike.
 */
import approximateSearch, { type Match } from 'approx-string-match'
import type { AnchorSelector } from '../src/shared/anchoring/reanchor'

/** The client's search: all exact occurrences if there are any, else the best approximate matches. */
function search(text: string, str: string, maxErrors: number): Match[] {
  const exact: Match[] = []
  for (let at = text.indexOf(str); at !== -1; at = text.indexOf(str, at + 1)) exact.push({ start: at, end: at + str.length, errors: 0 })
  return exact.length ? exact : approximateSearch(text, str, maxErrors)
}

function textMatchScore(text: string, str: string): number {
  if (!str.length || !text.length) return 0
  const matches = search(text, str, str.length)
  return 1 - matches[0]!.errors / str.length
}

export function matchQuote(text: string, quote: string, context: { prefix?: string; suffix?: string; hint?: number }): { start: number; end: number; score: number } | null {
  if (!quote.length) return null
  const maxErrors = Math.min(256, quote.length / 2)
  const matches = search(text, quote, maxErrors)
  if (!matches.length) return null
  const score = (m: Match) => {
    const quoteScore = 1 - m.errors / quote.length
    const prefixScore = context.prefix ? textMatchScore(text.slice(Math.max(0, m.start - context.prefix.length), m.start), context.prefix) : 1
    const suffixScore = context.suffix ? textMatchScore(text.slice(m.end, m.end + context.suffix.length), context.suffix) : 1
    const posScore = typeof context.hint === 'number' ? 1 - Math.abs(m.start - context.hint) / text.length : 1
    return (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * posScore) / 92
  }
  const scored = matches.map((m) => ({ start: m.start, end: m.end, score: score(m) }))
  scored.sort((a, b) => b.score - a.score)
  return scored[0]!
}

/** As the client's anchor(): the position if its text is still the quote, else matchQuote with the old start as hint. */
export function hypothesisAnchor(text: string, sel: AnchorSelector): { start: number; end: number } | null {
  if (sel.start >= 0 && sel.end <= text.length && sel.start < sel.end && text.slice(sel.start, sel.end) === sel.exact) return { start: sel.start, end: sel.end }
  const m = matchQuote(text, sel.exact, { prefix: sel.prefix, suffix: sel.suffix, hint: sel.start })
  return m && { start: m.start, end: m.end }
}
