import { CHROME } from '../../../shared/cleaning/chrome-rules'
import { RECORD_REASON } from '../../../shared/cleaning/database-record'
import { MEMO_HEADER_REASON } from '../../../shared/cleaning/memo-header'
import { METADATA } from '../../../shared/cleaning/metadata-lines'
import { PULL_QUOTE_REASON } from '../../../shared/cleaning/pull-quotes'
import { TITLE_REASON } from '../../../shared/cleaning/title'
import { FRONT_MATTER_REASON, TOC_REASON } from '../../../shared/import/document-metadata'
import type { MessageKey, Translate } from '../../../shared/i18n'
import { RUNNING_REASONS } from '../../../shared/pdf/running-heads'

/**
 * Why cleaning took a block out, in the analyst's language. The document stores the reason as
 * cleaning wrote it (in English, also in exports and old libraries); the reader translates the
 * ones it knows and shows any other as stored.
 */
const REASONS: ReadonlyMap<string, MessageKey> = new Map<string, MessageKey>([
  [CHROME.commentForm, 'reader:reason.commentForm'],
  [CHROME.comments, 'reader:reason.comments'],
  [CHROME.share, 'reader:reason.share'],
  [CHROME.related, 'reader:reason.related'],
  [CHROME.newsletter, 'reader:reason.newsletter'],
  [CHROME.sourceLink, 'reader:reason.sourceLink'],
  [CHROME.cookies, 'reader:reason.cookies'],
  [CHROME.navigation, 'reader:reason.navigation'],
  [CHROME.footer, 'reader:reason.footer'],
  [CHROME.advertisement, 'reader:reason.advertisement'],
  [CHROME.loading, 'reader:reason.loading'],
  [CHROME.teaser, 'reader:reason.teaser'],
  [CHROME.pressRelease, 'reader:reason.pressRelease'],
  [CHROME.feedback, 'reader:reason.feedback'],
  [CHROME.marking, 'reader:reason.marking'],
  [CHROME.separator, 'reader:reason.separator'],
  [CHROME.outsideArticle, 'reader:reason.outsideArticle'],
  [TITLE_REASON, 'reader:reason.title'],
  [METADATA.byline, 'reader:reason.byline'],
  [METADATA.published, 'reader:reason.published'],
  [METADATA.updated, 'reader:reason.updated'],
  [METADATA.emptyField, 'reader:reason.emptyField'],
  [METADATA.source, 'reader:reason.source'],
  [METADATA.sourceUrl, 'reader:reason.sourceUrl'],
  [METADATA.readingTime, 'reader:reason.readingTime'],
  [METADATA.credits, 'reader:reason.credits'],
  [METADATA.topics, 'reader:reason.topics'],
  [METADATA.authorBio, 'reader:reason.authorBio'],
  [METADATA.disclosure, 'reader:reason.disclosure'],
  [RECORD_REASON, 'reader:reason.databaseRecord'],
  [MEMO_HEADER_REASON, 'reader:reason.memoHeader'],
  [RUNNING_REASONS.pageNumber, 'reader:reason.pageNumber'],
  [FRONT_MATTER_REASON, 'reader:reason.frontMatter'],
  [TOC_REASON, 'reader:reason.contents'],
  [PULL_QUOTE_REASON, 'reader:reason.pullQuote'],
  // Written by the article service when the analyst takes a block out.
  ['removed by you', 'reader:reason.byYou']
])

const RUNNING = /^running (header|footer) \(on (\d+) pages\)$/

export function removedReason(reason: string, t: Translate): string {
  const key = REASONS.get(reason)
  if (key) return t(key)
  const running = RUNNING.exec(reason)
  if (running) return t(running[1] === 'header' ? 'reader:reason.runningHeader' : 'reader:reason.runningFooter', { pages: Number(running[2]) })
  return reason
}
