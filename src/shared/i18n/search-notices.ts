import { CJK_INDEXING_NOTICE } from '../search/cjk'
import type { MessageKey, Translate } from './messages'

/** The notices the search service writes (in English), by their catalog message. */
const NOTICES: ReadonlyMap<string, MessageKey> = new Map<string, MessageKey>([
  ['Add a word to search for: exclusions (-word) only narrow a search.', 'search:notice.onlyExclusions'],
  ['Exclusions (-word) need a word to search for; they were ignored.', 'search:notice.exclusionsIgnored'],
  [CJK_INDEXING_NOTICE, 'search:notice.cjkIndexing']
])

/** A search notice in the interface language (the Search view, `dossier search`); one this version does not know, as written. */
export function searchNotice(text: string, t: Translate): string {
  const key = NOTICES.get(text)
  return key ? t(key) : text
}
