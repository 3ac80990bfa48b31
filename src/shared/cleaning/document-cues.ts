import type { Block } from '../document/article-document'
import { liftDatabaseRecord } from './database-record'
import { liftMemoHeader } from './memo-header'
import { setAsideRepublicationNote } from './metadata-lines'

/** What a document's own text says about it, where it says it. */
export interface DocumentCues {
  title: string | null
  author: string | null
  source: string | null
  publishedAt: string | null
}

/**
 * What a Word file's or PDF's own text says of it, which counts before its file properties (a
 * template's or a printer's): a memo's header (memo-header.ts), a news database's record
 * (database-record.ts), a republication note naming the first publisher. The lines that say it
 * are set aside. A page a browser printed has a web page's header, not a memo's or a record's:
 * `header: false` reads only the note under it.
 */
export function liftDocumentCues(blocks: Block[], { header = true }: { header?: boolean } = {}): DocumentCues {
  const memo = header ? liftMemoHeader(blocks) : null
  const record = header ? liftDatabaseRecord(blocks) : null
  const firstPublisher = setAsideRepublicationNote(blocks)
  return {
    title: memo?.title ?? null,
    author: memo?.author ?? null,
    source: record?.source ?? firstPublisher,
    publishedAt: memo?.publishedAt ?? record?.publishedAt ?? null
  }
}
