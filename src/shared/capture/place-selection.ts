import type { CapturedSelection } from './capture-wire'

/**
 * Where the analyst's selection on the live page lies in the article's canonical text. The
 * browser's selection string and the canonical text differ in white space (line breaks between
 * blocks, runs of spaces, non-breaking spaces), so the words are matched with any white space
 * between them. Where the words occur more than once, the occurrence whose surroundings share
 * most with the text around the selection wins; the first one on a tie.
 */
export function placeSelection(text: string, selection: CapturedSelection): { start: number; end: number } | null {
  const words = wordsOf(selection.exact)
  if (words.length === 0) return null
  const pattern = new RegExp(words.map(escape).join('\\s+'), 'gu')
  let best: { start: number; end: number; score: number } | null = null
  for (const m of text.matchAll(pattern)) {
    const start = m.index
    const end = start + m[0].length
    const score = sharedTail(squash(text.slice(Math.max(0, start - 400), start)), squash(selection.prefix)) + sharedHead(squash(text.slice(end, end + 400)), squash(selection.suffix))
    if (!best || score > best.score) best = { start, end, score }
    // A selection of a common word on a long page: enough occurrences weighed.
    if (m.index > 0 && best.score === squash(selection.prefix).length + squash(selection.suffix).length) break
  }
  return best && { start: best.start, end: best.end }
}

function wordsOf(s: string): string[] {
  return s.split(/\s+/u).filter(Boolean)
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** White space collapsed to one space, for comparing context. */
function squash(s: string): string {
  return s.replace(/\s+/gu, ' ')
}

function sharedTail(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++
  return n
}

function sharedHead(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[n] === b[n]) n++
  return n
}
