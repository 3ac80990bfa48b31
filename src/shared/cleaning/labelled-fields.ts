import type { Block } from '../document/article-document'
import { CHROME } from './chrome-rules'
import { readLabelledField } from './metadata-lines'

/** How far into the page a list of metadata may stand: the story's head, not its body. */
const HEAD_BLOCKS = 16

export interface LabelledFields {
  author: string | null
  source: string | null
  publishedAt: string | null
}

/**
 * Reads label-and-value pairs of blocks at the head of a page and sets both blocks aside with the
 * field's reason; what they say fills what the page's markup did not. A label whose value does not
 * read as one (a date that is no date, a sentence for a name) is left as it is.
 */
export function liftLabelledFields(blocks: Block[], language: string | null): LabelledFields {
  const found: LabelledFields = { author: null, source: null, publishedAt: null }
  const head = blocks.slice(0, HEAD_BLOCKS)
  for (let i = 0; i + 1 < head.length; i++) {
    const label = head[i]!
    const value = head[i + 1]!
    if (!open(label) || !open(value) || label.kind !== 'paragraph' || value.kind !== 'paragraph') continue
    const field = readLabelledField(label.text, value.text, language)
    if (!field) continue
    if ('author' in field) found.author ??= field.author
    if ('source' in field) found.source ??= field.source
    if ('publishedAt' in field) found.publishedAt ??= field.publishedAt
    label.removed = { reason: field.reason }
    value.removed = { reason: field.reason }
    i++
  }
  return found
}

/** Kept, or taken out only for standing outside the story: a closer reason may replace that one. */
function open(block: Block): boolean {
  return !block.removed || block.removed.reason === CHROME.outsideArticle
}
