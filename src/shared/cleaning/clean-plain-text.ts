import { documentText, type ArticleDocument } from '../document/article-document'
import { clampTitle, titleFromFileName, type ParsedDocument } from '../import/parsed-document'
import { canonicalText } from '../text/canonical-text'
import { buildBlocks } from './build-blocks'
import { CHROME, chromeReason, isShareButtonWord } from './chrome-rules'
import { datelineAgency, datelineOf } from './dateline'
import { markEditorialBoxes } from './editorial-boxes'
import { BODY, removed, type LineRole } from './line-roles'
import { liftMetadata } from './metadata-lines'
import { markPhotoCaptions } from './photo-captions'
import { markSectionHeadings } from './section-headings'
import { sourceLines, type SourceLine } from './source-lines'
import { markStructure } from './structure-markers'
import { liftTitle } from './title'
import { absorbRelatedHeadlines } from './related-headlines'
import { absorbTrailingChrome } from './trailing-chrome'

/**
 * Plain text as analysts paste or scrape it, cleaned into an article: title, byline, dateline and
 * date lifted out, site chrome set aside, captions and editorial boxes marked. Nothing is
 * dropped: every line the cleaner takes out stays in the document as a removed block with the
 * reason, and every kept line keeps its text character for character.
 *
 * The passes run from the most certain rule to the least, and each only refines lines still
 * taken for body text.
 */
export function cleanPlainText(raw: string, fileName: string): ParsedDocument {
  const lines = sourceLines(canonicalText(raw))
  const roles: LineRole[] = lines.map((line) => {
    const reason = chromeReason(line.text)
    return reason ? removed(reason) : BODY
  })
  markShareWordsBetweenButtons(lines, roles)
  markStructure(lines, roles)
  const metadata = liftMetadata(lines, roles)
  markPhotoCaptions(lines, roles)
  markEditorialBoxes(lines, roles)
  const title = liftTitle(lines, roles)
  absorbTrailingChrome(lines, roles)
  markSectionHeadings(lines, roles)

  const document: ArticleDocument = { version: 1, blocks: buildBlocks(lines, roles) }
  absorbRelatedHeadlines(document.blocks)
  const firstParagraph = document.blocks.find((b) => !b.removed && b.kind === 'paragraph')
  const dateline = firstParagraph ? datelineOf(firstParagraph.text) : null
  return {
    title: clampTitle(title ?? titleFromFileName(fileName)),
    text: documentText(document),
    document,
    author: metadata.author,
    // "WARSAW (Reuters) -": the agency published it, when no line says who did.
    source: metadata.source ?? datelineAgency(dateline),
    url: metadata.url,
    publishedAt: metadata.publishedAt,
    dateline,
    language: null,
    tags: []
  }
}

/**
 * "Share / Facebook / X / LinkedIn": a button whose label alone says nothing ("X") is a share
 * button between two of them.
 */
function markShareWordsBetweenButtons(lines: SourceLine[], roles: LineRole[]): void {
  const isShare = (role: LineRole | undefined) => role?.kind === 'removed' && role.reason === CHROME.share
  for (let i = 1; i < lines.length - 1; i++) {
    if (roles[i]!.kind === 'body' && isShareButtonWord(lines[i]!.text) && isShare(roles[i - 1]) && isShare(roles[i + 1])) roles[i] = removed(CHROME.share)
  }
}
