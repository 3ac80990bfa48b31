import { documentText, type ArticleDocument } from '../document/article-document'
import { clampTitle, titleFromFileName, type ParsedDocument } from '../import/parsed-document'
import { canonicalText } from '../text/canonical-text'
import { buildBlocks } from './build-blocks'
import { authorNote } from './byline'
import { CHROME, chromeReason, isShareButtonWord } from './chrome-rules'
import { markContents } from './contents-lines'
import { copyrightHolder } from './copyright-holder'
import { markDatabaseRecord } from './database-record'
import { datelineAgency, datelineDate, storyDateline } from './dateline'
import { markEditorialBoxes } from './editorial-boxes'
import { hardWraps } from './hard-wraps'
import { BODY, removed, type LineRole } from './line-roles'
import { isHeadlineLike } from './line-shape'
import { liftMetadata, markAffiliations, markDisclosures, METADATA } from './metadata-lines'
import { markPhotoCaptions } from './photo-captions'
import { markSectionHeadings } from './section-headings'
import { markSocialPost } from './social-post'
import { sourceLines, type SourceLine } from './source-lines'
import { markStructure } from './structure-markers'
import { liftTitle } from './title'
import { markMemoHeader } from './memo-header'
import { markRunningLines } from './running-lines'
import { absorbRelatedHeadlines } from './related-headlines'
import { setAsidePullQuotes } from './pull-quotes'
import { absorbTrailingChrome } from './trailing-chrome'

/**
 * Plain text as analysts paste or scrape it, cleaned into an article: title, byline, dateline and
 * date lifted out, site chrome set aside, captions and editorial boxes marked. Nothing is
 * dropped: every line the cleaner takes out stays in the document as a removed block with the
 * reason, and every kept line keeps its text character for character (in text wrapped by hand,
 * its paragraph's lines are joined as running text, a word broken at a line end made whole:
 * hard-wraps.ts).
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
  const runningTitle = markRunningLines(lines, roles)
  markShareWordsBetweenButtons(lines, roles)
  markFeedbackAnswers(lines, roles)
  markAdjacentPostTitles(lines, roles)
  markNewsletterPitches(lines, roles)
  markStructure(lines, roles)
  markContents(lines, roles)
  const memo = markMemoHeader(lines, roles)
  const post = memo ? null : markSocialPost(lines, roles)
  markDisclosures(lines, roles)
  const metadata = liftMetadata(lines, roles)
  markAffiliations(lines, roles)
  const record = markDatabaseRecord(lines, roles)
  markAuthorBios(lines, roles, metadata.author)
  markPhotoCaptions(lines, roles)
  markEditorialBoxes(lines, roles)
  const title = memo?.title ?? post?.title ?? runningTitle ?? liftTitle(lines, roles)
  absorbTrailingChrome(lines, roles)
  markSectionHeadings(lines, roles)

  const document: ArticleDocument = { version: 1, blocks: buildBlocks(lines, roles, hardWraps(lines, roles)) }
  absorbRelatedHeadlines(document.blocks)
  setAsidePullQuotes(document.blocks)
  const dateline = storyDateline(document)
  return {
    title: clampTitle(title ?? titleFromFileName(fileName)),
    text: documentText(document),
    document,
    author: memo?.author ?? post?.author ?? metadata.author,
    // "WARSAW (Reuters) -": the agency published it, when no line says who did; else the
    // holder of the footer's copyright ("© 2025 Baltic Press. All rights reserved.").
    source: metadata.source ?? record.source ?? datelineAgency(dateline) ?? footerHolder(lines, roles),
    url: metadata.url,
    publishedAt: memo?.publishedAt ?? post?.publishedAt ?? metadata.publishedAt ?? record.publishedAt ?? datelineDate(dateline),
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

/**
 * "Next Post / Strike at Klaipeda terminal enters second week": the headline under a link to the
 * blog's previous or next post is that link's text.
 */
function markAdjacentPostTitles(lines: SourceLine[], roles: LineRole[]): void {
  for (let i = 1; i < lines.length; i++) {
    const prev = roles[i - 1]!
    const afterLink = prev.kind === 'removed' && prev.reason === CHROME.navigation && ADJACENT_POST.test(lines[i - 1]!.text)
    if (afterLink && roles[i]!.kind === 'body' && isHeadlineLike(lines[i]!.text)) roles[i] = removed(CHROME.navigation)
  }
}

const ADJACENT_POST = /^(?:previous|next|older|newer)\s+(?:post|article|story|entry)$/iu

/** "Is this page useful? / Yes / No": the answers' buttons under a site's feedback prompt. */
function markFeedbackAnswers(lines: SourceLine[], roles: LineRole[]): void {
  for (let i = 1; i < lines.length; i++) {
    const prev = roles[i - 1]!
    const answer = /^(?:yes|no|maybe|not really)\b[^.!?]{0,40}$/iu.test(lines[i]!.text)
    if (roles[i]!.kind === 'body' && answer && prev.kind === 'removed' && prev.reason === CHROME.feedback) roles[i] = removed(CHROME.feedback)
  }
}

/**
 * "Subscribe to our newsletter / Get the day's top stories in your inbox. / Sign up": the pitch
 * between two newsletter prompts is part of the prompt.
 */
function markNewsletterPitches(lines: SourceLine[], roles: LineRole[]): void {
  const isPrompt = (role: LineRole | undefined) => role?.kind === 'removed' && role.reason === CHROME.newsletter
  for (let i = 1; i < lines.length - 1; i++) {
    const { text } = lines[i]!
    if (roles[i]!.kind === 'body' && isPrompt(roles[i - 1]) && isPrompt(roles[i + 1]) && text.length <= 200 && NEWSLETTER_WORDS.test(text)) roles[i] = removed(CHROME.newsletter)
  }
}

const NEWSLETTER_WORDS = /\b(?:inbox|newsletters?|e-?mails?|sign up|subscribe|delivered|briefing)\b/iu

/** The note on the story's own authors, under the story (byline.ts, authorNote). */
function markAuthorBios(lines: SourceLine[], roles: LineRole[], author: string | null): void {
  const isNote = authorNote(author)
  if (!isNote) return
  // Only in the last third of the text, past the story's own mentions of its reporter.
  for (let i = Math.floor((lines.length * 2) / 3); i < lines.length; i++) {
    if (roles[i]!.kind === 'body' && isNote(lines[i]!.text)) roles[i] = removed(METADATA.authorBio)
  }
}

/** The holder named in the last copyright footer line ("© 2025 Baltic Press. All rights reserved."). */
function footerHolder(lines: SourceLine[], roles: LineRole[]): string | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const role = roles[i]!
    const holder = role.kind === 'removed' && role.reason === CHROME.footer ? copyrightHolder(lines[i]!.text) : null
    if (holder) return holder
  }
  return null
}

