import type { Block } from '../document/article-document'
import { CHROME } from './chrome-rules'
import { isFullSentence, isHeadlineLike } from './line-shape'

/** Kinds a teaser list is scraped or marked up as; anything else (a quote, a table) ends it. */
const TEASER_KINDS = new Set<Block['kind']>(['paragraph', 'list-item', 'heading'])
/** A widget lists a handful of stories; past this many, the short lines are something else. */
const MAX_TEASERS = 25

/**
 * A "Popular", "Related", "Most read" or "More from Europe" label, or a bare "Read more:", takes the headlines listed
 * under it: the short, headline-shaped blocks that follow, up to the next real paragraph. They
 * become removed blocks with the label's reason, so the analyst can see and restore them like any
 * other chrome. Runs on blocks, so plain-text and HTML imports share it; the headline test is
 * script-neutral (line-shape.ts), so it holds for headlines in any language once the label is
 * known. Only removes; a full sentence is never taken.
 */
export function absorbRelatedHeadlines(blocks: Block[]): void {
  for (let i = 0; i < blocks.length; i++) {
    if (!opensList(blocks[i]!)) continue
    const reason = blocks[i]!.removed!.reason
    let taken = 0
    let j = i + 1
    for (; j < blocks.length && taken < MAX_TEASERS; j++) {
      const block = blocks[j]!
      // Timestamps, share buttons and further labels between the teasers stay as they were.
      if (block.removed) continue
      if (!TEASER_KINDS.has(block.kind) || !isTeaser(block.text)) break
      block.removed = { reason }
      taken++
    }
    i = j - 1
  }
}

/** A related-links label, or a "Read more:" that names no story itself and so lists them below. */
function opensList(block: Block): boolean {
  const reason = block.removed?.reason
  return reason === CHROME.related || (reason === CHROME.teaser && /[:：]$/u.test(block.text.trim()))
}

/**
 * Stories' titles as a widget lists them: short headline-shaped lines. A full sentence (eight
 * words or more, ending as one) is never taken, even a headline that asks a long question: the
 * cleaner's promise is that no sentence of the story is removed without a rule naming it.
 */
function isTeaser(text: string): boolean {
  return text.split('\n').every((raw) => isHeadlineLike(raw.trim()) && !isFullSentence(raw.trim()))
}
