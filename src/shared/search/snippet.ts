import type { ParsedQuery, Term } from './parse-query'
import { foldWord, isUnspacedScript, tokenize, type TextToken } from './tokens'
import { sideTermRanges, sideTokens, termHasCjk, type SideToken } from './cjk'
import { boundaryAfter, boundaryBefore } from './graphemes'

/** A piece of a snippet: plain text, and whether it is a matched word. Never HTML. */
export interface SnippetPart {
  text: string
  match: boolean
}

export interface Snippet {
  parts: SnippetPart[]
  /** The snippet starts after the beginning of the text (show an ellipsis before it). */
  cutBefore: boolean
  cutAfter: boolean
}

export interface Range {
  start: number
  end: number
}

/** Where the query's wanted words occur in `text`, in order, as the index would match them. */
export function matchRanges(text: string, query: ParsedQuery): Range[] {
  const terms = query.clauses.flat()
  if (terms.length === 0 || !text) return []
  const tokens = tokenize(text)
  let side: SideToken[] | undefined
  const ranges: Range[] = []
  for (const term of terms) {
    // A CJK term is found as the side index finds it: anywhere in a run (decision 0031).
    if (termHasCjk(term)) ranges.push(...sideTermRanges((side ??= sideTokens(text)), term))
    else ranges.push(...termRanges(tokens, term))
  }
  // A word may end before the marks or the joiner that belong to its last letter: mark whole clusters.
  return merge(ranges.map((r) => ({ start: boundaryBefore(text, r.start), end: boundaryAfter(text, r.end) })))
}

function termRanges(tokens: readonly TextToken[], term: Term): Range[] {
  const words = term.words.map(foldWord)
  const ranges: Range[] = []
  const last = words.length - 1
  for (let i = 0; i + last < tokens.length; i++) {
    let ok = true
    for (let k = 0; k <= last && ok; k++) {
      const token = tokens[i + k]!.norm
      const word = words[k]!
      ok = k === last && term.prefix ? token.startsWith(word) : token === word
    }
    if (ok) {
      ranges.push({ start: tokens[i]!.start, end: tokens[i + last]!.end })
      continue
    }
    // Inside a run of CJK text the word may sit anywhere; mark it where it is, for the reader.
    if (last === 0 && isUnspacedScript(words[0]!)) {
      const t = tokens[i]!
      const at = t.norm.indexOf(words[0]!)
      if (at > 0 && t.norm.length === t.end - t.start) ranges.push({ start: t.start + at, end: t.start + at + words[0]!.length })
    }
  }
  return ranges
}

function merge(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end)
  const out: Range[] = []
  for (const r of sorted) {
    const prev = out.at(-1)
    if (prev && r.start <= prev.end) prev.end = Math.max(prev.end, r.end)
    else out.push({ ...r })
  }
  return out
}

/**
 * About `maxChars` of `text` around the first match (the whole text when it is short), cut at
 * spaces (in text without spaces, after a full-width comma or stop where there is one), never
 * inside a grapheme cluster, with the matched words marked.
 */
export function makeSnippet(text: string, ranges: readonly Range[], maxChars = 200): Snippet {
  // Line breaks become spaces one for one, so the match offsets stay valid.
  const source = text.replace(/\s/g, ' ')
  let start = 0
  let end = source.length
  if (source.length > maxChars) {
    const first = ranges[0]?.start ?? 0
    start = Math.max(0, first - Math.floor(maxChars / 3))
    if (start > 0) {
      const space = source.indexOf(' ', start)
      if (space !== -1 && space < first) start = space + 1
      else {
        const stop = source.slice(start, first).search(CJK_STOP)
        if (stop !== -1) start += stop + 1
      }
    }
    start = boundaryBefore(source, start)
    end = Math.min(source.length, start + maxChars)
    if (end < source.length) {
      const space = source.lastIndexOf(' ', end)
      const lastMatchEnd = ranges.find((r) => r.start >= start)?.end ?? start
      if (space > lastMatchEnd) end = space
      const snapped = boundaryBefore(source, end)
      end = snapped > start ? snapped : boundaryAfter(source, end)
    }
  }
  const parts: SnippetPart[] = []
  let at = start
  for (const r of ranges) {
    if (r.end <= start || r.start >= end) continue
    const s = Math.max(r.start, start)
    const e = Math.min(r.end, end)
    if (s > at) parts.push({ text: squeeze(source.slice(at, s)), match: false })
    parts.push({ text: source.slice(s, e), match: true })
    at = e
  }
  if (at < end) parts.push({ text: squeeze(source.slice(at, end)), match: false })
  return { parts: parts.filter((p) => p.text.length > 0), cutBefore: start > 0, cutAfter: end < source.length }
}

/** Where a phrase ends in Chinese and Japanese text: a snippet may start after one. */
const CJK_STOP = /[。、，！？；：]/

function squeeze(text: string): string {
  return text.replace(/ {2,}/g, ' ')
}
