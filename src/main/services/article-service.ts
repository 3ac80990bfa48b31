import type Database from 'better-sqlite3'
import { createHash, randomUUID } from 'node:crypto'
import { remapAfterBlockChange, type StoredAnchor } from '../../shared/anchoring/remap-after-block-change'
import { documentText, type ArticleDocument } from '../../shared/document/article-document'
import type { Article, ArticleSummary, ImportResult } from '../../shared/domain-types'
import { DossierError } from '../../shared/errors'
import { httpUrl } from '../../shared/import/http-url'
import { SAMPLE_ARTICLE_NAME, SAMPLE_ARTICLE_TEXT } from '../../shared/sample-article'
import type { Clock } from './clock'
import { mapConcurrent } from './concurrency'
import { TagStore } from './tag-store'
import type { FileParser } from './import/file-parser'
import { pastedFileName, type ParseOptions, type ParsedFile } from './import/parse-document'

interface ArticleRow {
  id: string
  title: string
  source: string | null
  url: string | null
  author: string | null
  published_at: string | null
  imported_at: string
  original_name: string
  original_type: Article['originalType']
  text: string
  content_hash: string
  document: string
  dateline: string | null
  language: string | null
}

export type MetadataPatch = Partial<Pick<Article, 'title' | 'author' | 'source' | 'url' | 'publishedAt'>>

export class ArticleService {
  private readonly insertArticle: Database.Statement
  private readonly findByHash: Database.Statement<[string], { id: string; title: string }>
  private readonly tags: TagStore

  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock,
    private readonly parser: FileParser
  ) {
    this.insertArticle = db.prepare(`
      INSERT INTO articles (id, title, source, url, author, published_at, imported_at,
                            original_name, original_type, original, text, content_hash,
                            document, dateline, language)
      VALUES (@id, @title, @source, @url, @author, @publishedAt, @importedAt,
              @originalName, @originalType, @original, @text, @contentHash,
              @document, @dateline, @language)`)
    this.findByHash = db.prepare('SELECT id, title FROM articles WHERE content_hash = ?')
    this.tags = new TagStore(db)
  }

  /**
   * Imports one file: parsed off the main thread where a worker pool is configured, then stored
   * in one transaction. Bad input is reported as a rejected result naming the file, never thrown.
   */
  async importFile(name: string, bytes: Uint8Array, options: ParseOptions = {}): Promise<ImportResult> {
    let parsed: ParsedFile
    try {
      parsed = await this.parser.parse(name, bytes, options)
    } catch (err) {
      return rejected(name, err)
    }
    return this.store(name, bytes, parsed)
  }

  /** How many files an import should keep in flight for this parser. */
  get concurrency(): number {
    return this.parser.concurrency
  }

  /**
   * Imports several files with as many in flight as the parser can use; each is stored as soon
   * as it is parsed, in its own transaction. Results come back in the order of `files`.
   */
  importMany(
    files: readonly { name: string; bytes: Uint8Array; options?: ParseOptions }[],
    hooks: { onEach?: (result: ImportResult) => void; shouldStop?: () => boolean } = {}
  ): Promise<ImportResult[]> {
    return mapConcurrent(
      files,
      this.parser.concurrency,
      async (f) => {
        const result = await this.importFile(f.name, f.bytes, f.options)
        hooks.onEach?.(result)
        return result
      },
      hooks.shouldStop
    )
  }

  importPaste(text: string): Promise<ImportResult> {
    return this.importFile(pastedFileName(text), new TextEncoder().encode(text))
  }

  importSample(): Promise<ImportResult> {
    return this.importFile(SAMPLE_ARTICLE_NAME, new TextEncoder().encode(SAMPLE_ARTICLE_TEXT))
  }

  list(limit: number, offset: number): { items: ArticleSummary[]; total: number } {
    const rows = this.db
      .prepare(
        `SELECT a.id, a.title, a.source, a.author, a.published_at, a.imported_at,
                (SELECT count(*) FROM highlights h WHERE h.article_id = a.id AND h.deleted_at IS NULL) AS highlight_count
         FROM articles a ORDER BY a.imported_at DESC, a.rowid DESC LIMIT ? OFFSET ?`
      )
      .all(limit, offset) as (Omit<ArticleRow, 'text'> & { highlight_count: number })[]
    const total = (this.db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n
    return {
      total,
      items: rows.map((r) => ({
        id: r.id,
        title: r.title,
        source: r.source,
        author: r.author,
        publishedAt: r.published_at,
        importedAt: r.imported_at,
        highlightCount: r.highlight_count
      }))
    }
  }

  get(id: string): Article {
    const row = this.db.prepare('SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow | undefined
    if (!row) throw new DossierError('not_found', `No article with id ${id}.`)
    return {
      id: row.id,
      title: row.title,
      source: row.source,
      url: row.url,
      author: row.author,
      publishedAt: row.published_at,
      importedAt: row.imported_at,
      originalName: row.original_name,
      originalType: row.original_type,
      contentHash: row.content_hash,
      text: row.text,
      document: JSON.parse(row.document) as ArticleDocument,
      dateline: row.dateline,
      language: row.language,
      tags: this.tagsOf(id)
    }
  }

  /**
   * Takes a block out of the article's text, or puts a removed one back. The previous text is
   * kept as a version, and every highlight is placed again in the same transaction: it follows
   * its words, or becomes an orphan when they are gone. Never silently dropped or moved.
   */
  setBlockRemoved(id: string, blockIndex: number, removed: boolean): Article {
    const article = this.get(id)
    const block = article.document.blocks[blockIndex]
    if (!block) throw new DossierError('invalid_input', `blockIndex: the article has no block ${blockIndex}.`)
    if (Boolean(block.removed) === removed) return article
    const blocks = article.document.blocks.map((b, i) => {
      if (i !== blockIndex) return b
      if (removed) return { ...b, removed: { reason: 'removed by you' } }
      const { removed: _dropped, ...kept } = b
      return kept
    })
    const next: ArticleDocument = { version: 1, blocks }
    this.changeDocument(article, next, removed ? `block ${blockIndex} removed` : `block ${blockIndex} restored`)
    return this.get(id)
  }

  setTags(id: string, tags: readonly string[]): Article {
    this.get(id)
    this.tags.set('article_tags', id, tags)
    return this.get(id)
  }

  updateMetadata(id: string, patch: MetadataPatch): Article {
    this.get(id)
    if (patch.url != null && patch.url !== '' && !httpUrl(patch.url)) {
      throw new DossierError('invalid_input', 'url: only http and https addresses can be stored as the source URL.')
    }
    const columns: Record<keyof MetadataPatch, string> = {
      title: 'title',
      author: 'author',
      source: 'source',
      url: 'url',
      publishedAt: 'published_at'
    }
    const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as [keyof MetadataPatch, string | null][]
    if (entries.length) {
      const sets = entries.map(([key]) => `${columns[key]} = ?`).join(', ')
      const values = entries.map(([key, v]) => (key === 'url' && v ? httpUrl(v) : v === '' ? null : v))
      this.db.prepare(`UPDATE articles SET ${sets} WHERE id = ?`).run(...values, id)
    }
    return this.get(id)
  }

  private changeDocument(article: Article, next: ArticleDocument, reason: string): void {
    const anchors = (
      this.db.prepare('SELECT id, start, end, exact, prefix, suffix, orphaned FROM highlights WHERE article_id = ?').all(article.id) as (Omit<
        StoredAnchor,
        'orphaned'
      > & { orphaned: number })[]
    ).map((a) => ({ ...a, orphaned: a.orphaned === 1 }))
    const placed = remapAfterBlockChange(article.document, next, anchors)
    const updateHighlight = this.db.prepare('UPDATE highlights SET start = ?, end = ?, prefix = ?, suffix = ?, orphaned = ? WHERE id = ?')
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO article_versions (article_id, text, document, reason, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(article.id, article.text, JSON.stringify(article.document), reason, this.clock())
      this.db.prepare('UPDATE articles SET document = ?, text = ? WHERE id = ?').run(JSON.stringify(next), documentText(next), article.id)
      for (const h of placed) updateHighlight.run(h.start, h.end, h.prefix, h.suffix, h.orphaned ? 1 : 0, h.id)
    })()
  }

  tagsOf(id: string): string[] {
    return this.tags.of('article_tags', id)
  }


  /** Raw bytes as received: kept so cleaning can be redone without the original file. */
  original(id: string): Buffer {
    const row = this.db.prepare('SELECT original FROM articles WHERE id = ?').get(id) as { original: Buffer } | undefined
    if (!row) throw new DossierError('not_found', `No article with id ${id}.`)
    return row.original
  }

  private store(name: string, bytes: Uint8Array, { format, article: document }: ParsedFile): ImportResult {
    const contentHash = createHash('sha256').update(document.text).digest('hex')
    const existing = this.findByHash.get(contentHash)
    if (existing) return duplicateOf(name, existing)
    const id = randomUUID()
    // One transaction: an article is stored with all its tags or not at all.
    this.db.transaction(() => {
      this.insertArticle.run({
        id,
        title: document.title,
        source: document.source,
        url: document.url,
        author: document.author,
        publishedAt: publishedDate(document.publishedAt),
        importedAt: this.clock(),
        originalName: name,
        originalType: format,
        original: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        text: document.text,
        contentHash,
        document: JSON.stringify(document.document),
        dateline: document.dateline,
        language: document.language
      })
      this.tags.set('article_tags', id, document.tags)
    })()
    return { name, status: 'imported', articleId: id, title: document.title, message: null }
  }
}

/**
 * Dates come from whatever a page or front matter says. One outside the 4–40 characters the
 * contract allows (domain-types IsoDate) would fail output validation and hide the whole library.
 */
function publishedDate(value: string | null): string | null {
  const date = value?.trim()
  return date && date.length >= 4 && date.length <= 40 ? date : null
}

function duplicateOf(name: string, existing: { id: string; title: string }): ImportResult {
  return {
    name,
    status: 'duplicate',
    articleId: existing.id,
    title: existing.title,
    message: `${name}: already in the library as “${existing.title}”.`
  }
}

function rejected(name: string, err: unknown): ImportResult {
  if (!(err instanceof DossierError)) throw err
  const result: ImportResult = { name, status: 'rejected', articleId: null, title: null, message: err.message }
  if (err.code === 'no_article') result.canImportWholeText = true
  return result
}
