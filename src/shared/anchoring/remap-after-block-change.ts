import { placeBlocks, type ArticleDocument } from '../document/article-document'
import { quoteSelector } from './text-quote-selector'

export interface StoredAnchor {
  id: string
  start: number
  end: number
  exact: string
  prefix: string
  suffix: string
  orphaned: boolean
}

export interface Reanchored {
  id: string
  start: number
  end: number
  prefix: string
  suffix: string
  orphaned: boolean
}

/**
 * Places highlights again after blocks were removed from or restored to an article. Block texts
 * do not change, only which blocks count, so a position inside a kept block maps exactly. A
 * highlight whose words are no longer all in the text becomes an orphan, keeping its old
 * selector; an orphan whose exact quote is back (its block restored) is placed again. A
 * highlight is never moved onto other words.
 */
export function remapAfterBlockChange(before: ArticleDocument, after: ArticleDocument, anchors: readonly StoredAnchor[]): Reanchored[] {
  const oldPlaced = placeBlocks(before)
  const newPlaced = placeBlocks(after)
  const newText = newPlaced
    .filter((p) => p.start !== null)
    .map((p) => p.block.text)
    .join('\n\n')

  const mapOffset = (offset: number, side: 'start' | 'end'): number | null => {
    for (const p of oldPlaced) {
      if (p.start === null) continue
      const end = p.start + p.block.text.length
      const inside = side === 'start' ? offset >= p.start && offset < end : offset > p.start && offset <= end
      if (!inside) continue
      const target = newPlaced[p.index]?.start
      return target == null ? null : target + (offset - p.start)
    }
    return null
  }

  return anchors.map((a) => {
    if (!a.orphaned) {
      const start = mapOffset(a.start, 'start')
      const end = mapOffset(a.end, 'end')
      if (start !== null && end !== null && newText.slice(start, end) === a.exact) return placed(a.id, newText, start, end)
      return { id: a.id, start: a.start, end: a.end, prefix: a.prefix, suffix: a.suffix, orphaned: true }
    }
    const found = findQuote(newText, a)
    return found === null ? { ...pick(a), orphaned: true } : placed(a.id, newText, found, found + a.exact.length)
  })
}

function pick(a: StoredAnchor): Omit<Reanchored, 'orphaned'> {
  return { id: a.id, start: a.start, end: a.end, prefix: a.prefix, suffix: a.suffix }
}

function placed(id: string, text: string, start: number, end: number): Reanchored {
  const { prefix, suffix } = quoteSelector(text, start, end)
  return { id, start, end, prefix, suffix, orphaned: false }
}

/**
 * The exact quote with its full context around it, or the only occurrence of the quote. Any
 * doubt leaves the highlight orphaned for the analyst to place, rather than guessing.
 */
function findQuote(text: string, a: StoredAnchor): number | null {
  if (!a.exact) return null
  const hits: number[] = []
  for (let i = text.indexOf(a.exact); i !== -1; i = text.indexOf(a.exact, i + 1)) hits.push(i)
  const inContext = hits.filter(
    (i) => text.slice(Math.max(0, i - a.prefix.length), i) === a.prefix && text.slice(i + a.exact.length, i + a.exact.length + a.suffix.length) === a.suffix
  )
  if (inContext.length === 1) return inContext[0]!
  return hits.length === 1 ? hits[0]! : null
}
