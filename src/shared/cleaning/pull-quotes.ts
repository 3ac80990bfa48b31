import { comparableWords } from '../text/comparable-words'
import type { Block } from '../document/article-document'

/** A sentence of the story repeated in large type beside it: the reason it is set aside. */
export const PULL_QUOTE_REASON = 'pull quote'

/** Fewer words than this may repeat by chance ("the talks will resume"). */
const MIN_WORDS = 6
/** A pull quote is a sentence or two; a longer block repeated is something else (a quoted letter). */
const MAX_WORDS = 80

const OPENING = /^["“„«‹‘'「『]/u
const CLOSING = /["”»›’'」』]$/u
/** "— Marta Lindqvist, chief engineer": who said it, under a pull quote. */
const ATTRIBUTION = /^[—–-]\s*\S/u


/**
 * A quote in the story's flow set in large type: a block quote, or a paragraph that is nothing
 * but a quotation, whose words all stand, in order, in a longer block of the story. Pages print
 * one or two per story, and a copied or scraped page keeps them as paragraphs, so the passage
 * reads twice and search finds it twice. Each is set aside with its reason, with the attribution
 * line under it; the sentence where the story says it stays.
 */
export function setAsidePullQuotes(blocks: Block[]): void {
  // Most stories have none: the story's words are compared only once a quote-shaped block is found.
  if (!blocks.some((b) => !b.removed && isQuoteShaped(b))) return
  const story = blocks.filter((b) => !b.removed && (b.kind === 'paragraph' || b.kind === 'list-item' || b.kind === 'editorial'))
  if (story.length < 2) return
  const texts = new Map(story.map((b) => [b, ` ${comparableWords(b.text)} `]))
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!
    if (block.removed || !isQuoteShaped(block)) continue
    const words = comparableWords(block.text)
    const count = words === '' ? 0 : words.split(' ').length
    if (count < MIN_WORDS || count > MAX_WORDS) continue
    const repeated = story.some((other) => other !== block && other.text.length > block.text.length && texts.get(other)!.includes(` ${words} `))
    if (!repeated) continue
    block.removed = { reason: PULL_QUOTE_REASON }
    const next = blocks[i + 1]
    if (next && !next.removed && next.kind === block.kind && ATTRIBUTION.test(next.text.trim()) && next.text.length <= 120) next.removed = { reason: PULL_QUOTE_REASON }
  }
}

function isQuoteShaped(block: Block): boolean {
  if (block.kind === 'blockquote') return true
  // A PDF reads a pull quote's large type as a heading.
  if (block.kind !== 'paragraph' && block.kind !== 'editorial' && block.kind !== 'heading') return false
  const text = block.text.trim()
  return OPENING.test(text) && CLOSING.test(text.replace(/[.!?…]+$/u, ''))
}
