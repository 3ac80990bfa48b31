import type Database from 'better-sqlite3'
import { articlesRepo, type ArticleReplacement } from '../../db/repos/articles'
import { TagStore } from '../tag-store'
import type { PreparedFile } from './prepared-file'

/** What the storing step of an import needs besides the parsed file, all plain data (it crosses to a worker). */
export interface NewArticleInput {
  id: string
  name: string
  bytes: Uint8Array
  importedAt: string
  method: string
  origin: string | null
  appVersion: string
}

/** What the hooks that run in the storing transaction are told of a new article. */
export interface StoredArticle {
  id: string
  rowid: number
  text: string
  source: string | null
  url: string | null
  author: string | null
  signature: Uint32Array
  /** Set when the row was stored under its proposed source already (`sourceOf` of storeNewArticle). */
  sourceId?: string | null
}

/** The source a new article goes under, decided before its row is written: the source's id and name, or none. */
export type SourceOf = (meta: { source: string | null; url: string | null; author: string | null }) => { id: string; name: string | null } | null

export type StoreOutcome =
  | { kind: 'stored'; id: string }
  /** The same text is in the library already. */
  | { kind: 'duplicate'; existing: { id: string; title: string } }
  /** A newer version of an article in the library: the caller replaces its text (article-service.ts). */
  | { kind: 'newer-version'; earlier: { id: string; title: string } }

/** The columns an import writes from a parsed file, for a new article and for a newer version of one alike. */
export function articleFields(prepared: PreparedFile, from: Pick<NewArticleInput, 'name' | 'bytes' | 'method' | 'origin' | 'appVersion'>): ArticleReplacement {
  const { article: document } = prepared
  return {
    title: document.title,
    source: document.source,
    url: document.url,
    author: document.author,
    publishedAt: publishedDate(document.publishedAt),
    originalName: from.name,
    originalType: prepared.format,
    original: Buffer.from(from.bytes.buffer, from.bytes.byteOffset, from.bytes.byteLength),
    text: document.text,
    contentHash: prepared.contentHash,
    document: prepared.documentJson,
    dateline: document.dateline,
    language: document.language,
    languageSource: document.language ? (prepared.languageSource ?? 'metadata') : null,
    originalSha256: prepared.originalSha256,
    method: from.method,
    origin: from.origin,
    appVersion: from.appVersion
  }
}

/**
 * Stores a new article in one short write transaction on `db`: the duplicate and earlier-version
 * checks, the row (its search entries and log entry come from triggers), its tags, and `stored`
 * (the source and the near-duplicate index, services/analysis/import-analysis.ts), or nothing at
 * all. A pure function of its connection, so it runs where the file was parsed: in a parse worker
 * on a connection of its own in the app, on main's in the CLI and tests (decision 0036).
 * IMMEDIATE takes the write lock before the checks, so two imports of the same file on two
 * connections cannot both pass the duplicate check.
 */
export function storeNewArticle(
  db: Database.Database,
  input: NewArticleInput,
  prepared: PreparedFile,
  stored?: (article: StoredArticle) => void,
  sourceOf?: SourceOf
): StoreOutcome {
  const { article: document, contentHash } = prepared
  const articles = articlesRepo(db)
  return db
    .transaction((): StoreOutcome => {
      const existing = articles.byContentHash(contentHash)
      if (existing) return { kind: 'duplicate', existing }
      const earlier = earlierVersionOf(articles, document)
      if (earlier) return { kind: 'newer-version', earlier }
      const fields = articleFields(prepared, input)
      // The source proposed before the row is written, so the row (a page's text and original)
      // is written once rather than rewritten by the source's UPDATE.
      const source = sourceOf ? sourceOf({ source: document.source, url: document.url, author: document.author }) : undefined
      const under = source === undefined ? {} : { sourceId: source?.id ?? null, source: source ? source.name : fields.source }
      const rowid = articles.insert({ id: input.id, importedAt: input.importedAt, ...fields, ...under })
      new TagStore(db).set('article_tags', input.id, document.tags)
      stored?.({ id: input.id, rowid, text: document.text, source: document.source, url: document.url, author: document.author, signature: prepared.signature, ...(source === undefined ? {} : { sourceId: source?.id ?? null }) })
      return { kind: 'stored', id: input.id }
    })
    .immediate()
}

/**
 * The same article imported before with other text: the same URL; or, without URLs, the same
 * title from the same source with most of its paragraphs still there, so two different
 * "Daily briefing"s never merge.
 */
function earlierVersionOf(articles: ReturnType<typeof articlesRepo>, document: PreparedFile['article']): { id: string; title: string } | undefined {
  if (document.url) return articles.latestWithUrl(document.url)
  const sameTitle = articles.sameTitleWithoutUrl(document.title, document.source)
  const found = sameTitle.find((a) => sharedParagraphs(a.text, document.text) >= 0.5)
  return found && { id: found.id, title: found.title }
}

/** The share of the earlier text's paragraphs still found in the next. */
function sharedParagraphs(earlier: string, next: string): number {
  const paragraphs = earlier.split('\n\n').filter((p) => p.length > 20)
  if (paragraphs.length === 0) return 0
  return paragraphs.filter((p) => next.includes(p)).length / paragraphs.length
}

/**
 * Dates come from whatever a page or front matter says. One outside the 4–40 characters the
 * contract allows (domain-types IsoDate) would fail output validation and hide the whole library.
 */
export function publishedDate(value: string | null): string | null {
  const date = value?.trim()
  return date && date.length >= 4 && date.length <= 40 ? date : null
}
