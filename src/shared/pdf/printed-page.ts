import { bylineOrDate } from '../cleaning/byline'
import { CHROME, chromeReason } from '../cleaning/chrome-rules'
import { wordCount } from '../cleaning/line-shape'
import { METADATA, setAsideAuthorNotes, TOPICS_FIELD } from '../cleaning/metadata-lines'
import { absorbRelatedHeadlines } from '../cleaning/related-headlines'
import type { Block } from '../document/article-document'
import { httpUrl } from '../import/http-url'

const RUNNING = /^running (?:header|footer) \(on \d+ pages\)$/
const URL_IN_TEXT = /https?:\/\/[^\s<>"]+/u

/**
 * A web page saved with the browser's "Print > Save as PDF": the browser writes the page's address
 * in the running footer (or header) of every page. That address is the article's, and the page's
 * text is a web page's, with its menus, share buttons and byline.
 */
export function printedPageUrl(blocks: readonly Block[]): string | null {
  for (const b of blocks) {
    if (!b.removed || !RUNNING.test(b.removed.reason)) continue
    const found = URL_IN_TEXT.exec(b.text)?.[0]
    const url = found ? httpUrl(found.replace(/[.,;)]+$/u, '')) : null
    // A page's own address has a path; a report's footer names its publisher's site ("https://imss.org").
    if (url && new URL(url).pathname.length > 1) return url
  }
  return null
}

/** The story's first paragraph: a sentence of some length. What stands before it is the page's head. */
const opensStory = (b: Block) => b.kind === 'paragraph' && wordCount(b.text) >= 12 && /[.!?…"”»]$/u.test(b.text)

/**
 * Cleans a printed web page's blocks as the importer cleans a pasted page: site chrome set aside
 * with its reason (menus, share buttons, "Advertisement", newsletter prompts, "Related" and the
 * headlines under it), the byline and date line in the page's head lifted as metadata, the menu
 * entries above the headline, and the note on the authors and the topics under the story. Every
 * line stays, as a removed block. Returns what the byline and date lines said.
 */
export function cleanPrintedPage(blocks: Block[], language: string | null): { author: string | null; publishedAt: string | null } {
  let author: string | null = null
  let publishedAt: string | null = null
  const kept = () => blocks.filter((b) => !b.removed)
  for (const b of kept()) {
    if (b.kind !== 'paragraph' && b.kind !== 'heading' && b.kind !== 'list-item') continue
    const reason = chromeReason(b.text) ?? (TOPICS_FIELD.test(b.text) ? METADATA.topics : null)
    if (reason) b.removed = { reason }
  }
  // The head: what stands before the story's first real paragraph.
  const opening = kept().findIndex(opensStory)
  const head = opening === -1 ? [] : kept().slice(0, opening)
  const headline = head.findIndex((b) => b.kind === 'heading')
  head.forEach((b, i) => {
    if (b.kind !== 'paragraph') return
    const read = bylineOrDate(b.text, language)
    if (read) {
      b.removed = { reason: read.author ? METADATA.byline : METADATA.published }
      author ??= read.author
      publishedAt ??= read.publishedAt
    } else if (i < headline && wordCount(b.text) <= 6 && !/[.!?]$/u.test(b.text)) {
      // Menu entries and the section's kicker above the headline.
      b.removed = { reason: CHROME.navigation }
    }
  })
  absorbRelatedHeadlines(blocks)
  // A newsletter's pitch between its prompts, and the note on the authors under the story.
  blocks.forEach((b, i) => {
    const prompt = (x: Block | undefined) => x?.removed?.reason === CHROME.newsletter
    if (!b.removed && b.kind === 'paragraph' && b.text.length <= 200 && prompt(blocks[i - 1]) && prompt(blocks[i + 1])) b.removed = { reason: CHROME.newsletter }
  })
  setAsideAuthorNotes(blocks, author)
  return { author, publishedAt }
}
