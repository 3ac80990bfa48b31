import type Database from 'better-sqlite3'
import { createHash, randomUUID } from 'node:crypto'
import type { Article, ArticleSummary, ImportResult } from '../../shared/domain-types'
import { DossierError } from '../../shared/errors'
import { SAMPLE_ARTICLE_NAME, SAMPLE_ARTICLE_TEXT } from '../../shared/sample-article'
import type { Clock } from './clock'
import { parseFile, parsePaste, type ParsedFile } from './import/parse-document'

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
}

export class ArticleService {
  private readonly insertArticle: Database.Statement
  private readonly findByHash: Database.Statement<[string], { id: string; title: string }>
  private readonly insertTag: Database.Statement
  private readonly linkTag: Database.Statement

  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock
  ) {
    this.insertArticle = db.prepare(`
      INSERT INTO articles (id, title, source, url, author, published_at, imported_at,
                            original_name, original_type, original, text, content_hash)
      VALUES (@id, @title, @source, @url, @author, @publishedAt, @importedAt,
              @originalName, @originalType, @original, @text, @contentHash)`)
    this.findByHash = db.prepare('SELECT id, title FROM articles WHERE content_hash = ?')
    this.insertTag = db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING')
    this.linkTag = db.prepare(
      'INSERT OR IGNORE INTO article_tags (article_id, tag_id) SELECT ?, id FROM tags WHERE name = ?'
    )
  }

  /** Imports one file. Bad input is reported as a rejected result naming the file, never thrown. */
  importFile(name: string, bytes: Uint8Array): ImportResult {
    try {
      return this.store(name, bytes, parseFile(name, bytes))
    } catch (err) {
      return rejected(name, err)
    }
  }

  importPaste(text: string): ImportResult {
    const bytes = new TextEncoder().encode(text)
    try {
      const parsed = parsePaste(text)
      return this.store(parsed.format === 'html' ? 'Pasted text.html' : 'Pasted text.txt', bytes, parsed)
    } catch (err) {
      return rejected('Pasted text', err)
    }
  }

  importSample(): ImportResult {
    return this.importFile(SAMPLE_ARTICLE_NAME, new TextEncoder().encode(SAMPLE_ARTICLE_TEXT))
  }

  list(limit: number, offset: number): { items: ArticleSummary[]; total: number } {
    const rows = this.db
      .prepare(
        `SELECT a.id, a.title, a.source, a.author, a.published_at, a.imported_at,
                (SELECT count(*) FROM highlights h WHERE h.article_id = a.id) AS highlight_count
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
      tags: this.tagsOf(id)
    }
  }

  tagsOf(id: string): string[] {
    return (
      this.db
        .prepare('SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = ? ORDER BY t.name')
        .all(id) as { name: string }[]
    ).map((r) => r.name)
  }

  /** Raw bytes as received: kept so cleaning can be redone without the original file. */
  original(id: string): Buffer {
    const row = this.db.prepare('SELECT original FROM articles WHERE id = ?').get(id) as { original: Buffer } | undefined
    if (!row) throw new DossierError('not_found', `No article with id ${id}.`)
    return row.original
  }

  private store(name: string, bytes: Uint8Array, { format, document }: ParsedFile): ImportResult {
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
        contentHash
      })
      for (const tag of document.tags) {
        this.insertTag.run(tag)
        this.linkTag.run(id, tag)
      }
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
  return { name, status: 'rejected', articleId: null, title: null, message: err.message }
}
