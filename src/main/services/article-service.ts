import { isReliability } from '../../shared/analysis/admiralty'
import { canonicalTag } from '../../shared/text/article-language'
import type Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { remapAfterBlockChange } from '../../shared/anchoring/remap-after-block-change'
import { quoteSelector } from '../../shared/anchoring/text-quote-selector'
import { documentText, type ArticleDocument } from '../../shared/document/article-document'
import type { Article, ArticleSummary, ImportResult } from '../../shared/domain-types'
import { DossierError, firstLine } from '../../shared/errors'
import { refuse } from '../../shared/refusals'
import type { Reason } from '../../shared/reasons'
import { httpUrl } from '../../shared/import/http-url'
import { SAMPLE_ARTICLE_NAME, SAMPLE_ARTICLE_TEXT } from '../../shared/sample-article'
import type { Clock } from './clock'
import { mapConcurrent } from './concurrency'
import { TagStore } from './tag-store'
import { toSummary } from './library-query'
import { articlesRepo, type ArticleRow } from '../db/repos/articles'
import { capturesRepo } from '../db/repos/browser-pairings'
import { highlightsRepo } from '../db/repos/highlights'
import { sourcesRepo } from '../db/repos/sources'
import type { FileParser, ParseCallOptions } from './import/file-parser'
import type { ParseOptions } from './import/parse-document'
import { pastedFileName } from './import/pasted-file-name'
import { reportOf, type ImportReport } from './import/import-report'
import type { PreparedFile } from './import/prepared-file'
import { articleFields, storeNewArticle, type StoredArticle } from './import/store-article'
import type { WorkerImport, WorkerStore } from './import/store-in-worker'
import type { WriteTurns } from '../db/write-turns'

export interface ImportVia {
  method: 'file' | 'paste' | 'url' | 'sample' | 'capture'
  origin: string | null
  /** The case it goes into; undefined or null: the case open in the app. */
  caseId?: string | null
}

/**
 * Work done in the same transaction as an article's storing (the source, the near-duplicate
 * index), and after any import (the open case). See services/analysis/import-analysis.ts.
 */
export interface ImportHooks {
  stored(article: StoredArticle, isNew: boolean): void
  /**
   * Names `stored` for a parse worker that stores a new article on its own connection (functions
   * do not cross threads; store-in-worker.ts runs the step of that name). Hooks without it make
   * every import store on main's connection.
   */
  readonly storedInWorker?: 'import-analysis'
  imported(result: ImportResult, via?: ImportVia): void
  /** The analyst typed a source name in Edit details (null: cleared): the article follows that source. */
  sourceNamed(articleId: string, name: string | null): void
}

export type MetadataPatch = Partial<Pick<Article, 'title' | 'author' | 'source' | 'url' | 'publishedAt' | 'dateline' | 'language'>>

/** What a parse worker needs to open the library for writing as main has it: see store-in-worker.ts. */
export interface WorkerWriter {
  nativeBinding?: string
  /** The actor main's connection writes in the activity log. */
  actor: string
  /** Shared by the workers writing to this library, so they take turns at its lock (db/write-turns.ts). */
  writeTurns?: WriteTurns
  /**
   * NORMAL for a bulk import (`dossier import`, decision 0050): the workers commit each file
   * without waiting for the disk, and the batch is made durable once, when it ends
   * (makeImportsDurable). Unset: every file is durable when its import is reported (FULL).
   */
  synchronous?: 'NORMAL'
}

export class ArticleService {
  private readonly tags: TagStore
  private readonly articles: ReturnType<typeof articlesRepo>
  private readonly highlights: ReturnType<typeof highlightsRepo>

  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock,
    private readonly parser: FileParser,
    private readonly provenance: { appVersion: string; hooks?: ImportHooks; writer?: WorkerWriter } = { appVersion: 'unknown' }
  ) {
    this.tags = new TagStore(db)
    this.articles = articlesRepo(db)
    this.highlights = highlightsRepo(db)
  }

  /**
   * Imports one file: parsed off the main thread where a worker pool is configured, then stored
   * in one transaction. Bad input is reported as a rejected result naming the file, never thrown;
   * an aborted `options.signal` throws `cancelled`, with nothing of the file kept.
   */
  async importFile(name: string, bytes: Uint8Array, options: ParseCallOptions = {}, via: ImportVia = { method: 'file', origin: name }): Promise<ImportResult> {
    const store = this.workerStore(via)
    let result: ImportResult
    if (store && this.parser.parseAndStore) {
      let answer: WorkerImport
      try {
        answer = await this.parser.parseAndStore(name, bytes, options, store)
      } catch (err) {
        return failedImport(name, err)
      }
      result = await this.afterWorkerStore(name, bytes, answer, via)
    } else {
      let parsed: PreparedFile
      try {
        parsed = await this.parser.parse(name, bytes, options)
      } catch (err) {
        return failedImport(name, err)
      }
      result = await this.store(name, bytes, parsed, via)
    }
    this.provenance.hooks?.imported(result, via)
    return result
  }

  /**
   * Where a new article is stored by the parse worker that parsed it (decision 0036): a parser
   * that can, and hooks whose storing step the worker knows (or none).
   */
  private workerStore(via: ImportVia): WorkerStore | null {
    const { writer, hooks, appVersion } = this.provenance
    if (!writer || !this.parser.parseAndStore || (hooks && !hooks.storedInWorker)) return null
    return {
      dbPath: this.db.name,
      ...(writer.nativeBinding ? { nativeBinding: writer.nativeBinding } : {}),
      actor: writer.actor,
      article: { id: randomUUID(), importedAt: this.clock(), method: via.method, origin: via.origin, appVersion },
      step: hooks?.storedInWorker ?? null,
      ...(writer.writeTurns ? { writeTurns: writer.writeTurns } : {}),
      ...(writer.synchronous ? { synchronous: writer.synchronous } : {})
    }
  }

  private async afterWorkerStore(name: string, bytes: Uint8Array, answer: WorkerImport, via: ImportVia): Promise<ImportResult> {
    switch (answer.kind) {
      case 'stored':
        return withReport({ name, status: 'imported', articleId: answer.id, title: answer.report.title, message: null }, answer.report)
      case 'duplicate':
        return duplicateOf(name, answer.existing)
      case 'newer-version':
        return this.storeNewVersion(answer.earlier, name, bytes, answer.prepared, via)
    }
  }

  /** How many files an import should keep in flight for this parser. */
  /**
   * Makes what a bulk import's workers committed without syncing durable (decision 0050): a full
   * checkpoint on main's connection, which syncs the write-ahead log before copying it into the
   * library and syncs the library after. Nothing to do when every file was committed durably.
   */
  makeImportsDurable(): void {
    if (this.provenance.writer?.synchronous !== 'NORMAL' || !this.db.open) return
    this.db.pragma('wal_checkpoint(FULL)')
  }

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
        // One file that cannot be stored is reported as such; the rest of the batch goes on.
        const result = await this.importFile(f.name, f.bytes, f.options).catch((err: unknown) => failedImport(f.name, err))
        hooks.onEach?.(result)
        return result
      },
      hooks.shouldStop
    )
  }

  importPaste(text: string): Promise<ImportResult> {
    return this.importFile(pastedFileName(text), new TextEncoder().encode(text), {}, { method: 'paste', origin: null })
  }

  importSample(): Promise<ImportResult> {
    return this.importFile(SAMPLE_ARTICLE_NAME, new TextEncoder().encode(SAMPLE_ARTICLE_TEXT), {}, { method: 'sample', origin: SAMPLE_ARTICLE_NAME })
  }

  list(limit: number, offset: number): { items: ArticleSummary[]; total: number } {
    const rows = this.articles.livePage(limit, offset)
    const total = this.articles.liveCount()
    return { total, items: rows.map(toSummary) }
  }

  get(id: string): Article {
    const row = this.articles.byId(id)
    if (!row) throw refuse('missing.article', { id })
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
      originalSha256: row.original_sha256,
      contentHash: row.content_hash,
      text: row.text,
      document: JSON.parse(row.document) as ArticleDocument,
      dateline: row.dateline,
      language: row.language,
      languageSource: row.language_source,
      tags: this.tagsOf(id),
      ...this.gradesOf(row),
      capture: this.latestCapture(id)
    }
  }

  /** The source and the reliability grades of an article: its own override and its source's. */
  private gradesOf(row: ArticleRow): Pick<Article, 'sourceId' | 'sourceReliability' | 'reliabilityOverride'> {
    const sourceId = row.source_id ?? null
    const source = sourceId ? sourcesRepo(this.db).reliability(sourceId) : undefined
    return {
      sourceId,
      sourceReliability: isReliability(source?.reliability) ? source.reliability : null,
      reliabilityOverride: isReliability(row.reliability) ? row.reliability : null
    }
  }

  private latestCapture(id: string): Article['capture'] {
    const row = capturesRepo(this.db).latestOf(id)
    return row ? { url: row.url, capturedAt: row.captured_at, userAgent: row.user_agent, htmlSha256: row.html_sha256 } : null
  }

  /**
   * Takes a block out of the article's text, or puts a removed one back. The previous text is
   * kept as a version, and every highlight is placed again in the same transaction: it follows
   * its words, or becomes an orphan when they are gone. Never silently dropped or moved.
   */
  setBlockRemoved(id: string, blockIndex: number, removed: boolean): Article {
    const article = this.get(id)
    const block = article.document.blocks[blockIndex]
    if (!block) throw refuse('article.no_block', { index: blockIndex })
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
      throw refuse('article.url_scheme')
    }
    const { language, ...rest } = patch
    const tag = language ? canonicalTag(language) : null
    if (language && !tag) throw refuse('article.language_tag', { language })
    // An empty field clears the detail; an absent one is left as it is.
    const value = (v: string | null | undefined) => (v === undefined ? undefined : v === '' ? null : v)
    const columns = {
      title: value(rest.title),
      author: value(rest.author),
      source: value(rest.source),
      url: rest.url ? httpUrl(rest.url) : value(rest.url),
      published_at: value(rest.publishedAt),
      dateline: value(rest.dateline)
    }
    const edited = Object.values(columns).some((v) => v !== undefined)
    if (edited || language !== undefined) {
      this.db.transaction(() => {
        if (edited) this.articles.setMetadata(id, columns)
        if (language !== undefined) this.articles.setAnalystLanguage(id, tag)
        if (patch.source !== undefined) this.provenance.hooks?.sourceNamed(id, patch.source?.trim() ? patch.source : null)
      })()
    }
    return this.get(id)
  }

  private changeDocument(article: Article, next: ArticleDocument, reason: string): void {
    const anchors = (
      this.highlights.anchorsOf(article.id)
    ).map((a) => ({ ...a, orphaned: a.orphaned === 1 }))
    const placed = remapAfterBlockChange(article.document, next, anchors)
    // Block moves are exact: a placed highlight is certain, an orphan needs the analyst.
    this.db.transaction(() => {
      this.articles.keepVersion({ articleId: article.id, text: article.text, document: JSON.stringify(article.document), reason, at: this.clock() })
      this.articles.setDocument(article.id, JSON.stringify(next), documentText(next))
      for (const h of placed) this.highlights.place({ id: h.id, start: h.start, end: h.end, prefix: h.prefix, suffix: h.suffix, orphaned: h.orphaned ? 1 : 0 })
    })()
  }

  tagsOf(id: string): string[] {
    return this.tags.of('article_tags', id)
  }


  /** Raw bytes as received: kept so cleaning can be redone without the original file. */
  original(id: string): Buffer {
    const row = this.articles.original(id)
    if (!row) throw refuse('missing.article', { id })
    return row.original
  }

  /** A PDF's original bytes for the Page view; any other kind of article has no pages to draw. */
  originalPdf(id: string): Buffer {
    const row = this.articles.original(id)
    if (!row) throw refuse('missing.article', { id })
    if (row.original_type !== 'pdf') throw refuse('article.not_pdf')
    return row.original
  }

  private async store(name: string, bytes: Uint8Array, prepared: PreparedFile, via: ImportVia): Promise<ImportResult> {
    const hooks = this.provenance.hooks
    const outcome = storeNewArticle(
      this.db,
      { id: randomUUID(), name, bytes, importedAt: this.clock(), method: via.method, origin: via.origin, appVersion: this.provenance.appVersion },
      prepared,
      hooks && ((article) => hooks.stored(article, true))
    )
    switch (outcome.kind) {
      case 'stored':
        return withReport({ name, status: 'imported', articleId: outcome.id, title: prepared.article.title, message: null }, reportOf(prepared))
      case 'duplicate':
        return duplicateOf(name, outcome.existing)
      case 'newer-version':
        return this.storeNewVersion(outcome.earlier, name, bytes, prepared, via)
    }
  }

  /**
   * A newer version of an article: the previous text and document are kept as a version, the
   * new ones replace them, and every highlight is found again in the new text. A passage placed
   * with doubt is flagged for review; one that is gone becomes an orphan, never a wrong match.
   */
  private async storeNewVersion(
    earlier: { id: string; title: string },
    name: string,
    bytes: Uint8Array,
    prepared: PreparedFile,
    via: ImportVia
  ): Promise<ImportResult> {
    const { article: document } = prepared
    // The stored strings as they are: parsing and re-serializing a long document would stall main.
    const previous = this.articles.textAndDocument(earlier.id)
    if (!previous) throw refuse('missing.article', { id: earlier.id })
    const anchors = this.highlights.quotesOf(earlier.id)
    // In the parse workers: hundreds of highlights on a long article take long enough to stall main.
    const placed = await this.parser.reanchor(document.text, anchors)
    const orphaned = placed.filter((p) => p.status === 'orphaned').length
    const review = placed.filter((p) => p.status === 'anchored' && p.needsReview).length
    this.db.transaction(() => {
      this.articles.keepVersion({ articleId: earlier.id, text: previous.text, document: previous.document, reason: `replaced by a re-import of ${name}`, at: this.clock() })
      this.articles.replace(earlier.id, articleFields(prepared, { name, bytes, method: via.method, origin: via.origin, appVersion: this.provenance.appVersion }))
      const row = this.articles.stored(earlier.id)
      if (!row) throw refuse('missing.article', { id: earlier.id })
      this.provenance.hooks?.stored(
        { id: earlier.id, rowid: row.rowid, text: document.text, source: row.source, url: row.url, author: row.author, signature: prepared.signature },
        false
      )
      placed.forEach((p, i) => {
        const id = anchors[i]!.id
        if (p.status === 'orphaned') return void this.highlights.orphan(id)
        const selector = quoteSelector(document.text, p.start, p.end)
        this.highlights.reanchor(id, { start: p.start, end: p.end, exact: selector.exact, prefix: selector.prefix, suffix: selector.suffix, confidence: p.confidence, needsReview: p.needsReview })
      })
      // A highlight made while the worker searched points into the old text: let the analyst place it.
      const searched = new Set(anchors.map((a) => a.id))
      for (const id of this.highlights.idsOf(earlier.id)) if (!searched.has(id)) this.highlights.orphan(id)
    })()
    const notes = [
      review && `${review} highlight${review === 1 ? '' : 's'} to review`,
      orphaned && `${orphaned} need${orphaned === 1 ? 's' : ''} attention`
    ].filter(Boolean)
    return withReport(
      {
        name,
        status: 'updated',
        articleId: earlier.id,
        title: document.title,
        message: `${name}: a newer version of “${earlier.title}”; the previous text is kept${notes.length ? `, ${notes.join(', ')}` : ''}.`
      },
      reportOf(prepared)
    )
  }
}

/** Pages, what cleaning set aside (by reason) and what the import left out, for the import report. */
function withReport(result: ImportResult, { pages, removed, notes }: ImportReport): ImportResult {
  if (pages !== undefined) result.pages = pages
  if (removed.length) result.removed = removed
  if (notes?.length) result.notes = notes
  return result
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

/**
 * A file that failed, whatever the reason, as a line of the report: an unexpected error in one
 * file (a parser's bug, a full disk) must never stop the files after it. Only a cancellation
 * goes on up, to end the batch the analyst stopped.
 */
export function failedImport(name: string, err: unknown): ImportResult {
  if (err instanceof DossierError && err.code === 'cancelled') throw err
  const known = err instanceof DossierError
  const message = known ? err.message : `${name}: could not be imported (${firstLine(err)}).`
  const reason: Reason | undefined = known ? err.reason : { id: 'import.failed', values: { file: name, detail: firstLine(err) } }
  const result: ImportResult = { name, status: 'rejected', articleId: null, title: null, message, code: known ? err.code : 'internal' }
  if (reason) result.reason = reason
  if (err instanceof DossierError && err.code === 'no_article') result.canImportWholeText = true
  if (err instanceof DossierError && err.code === 'needs_password') result.needsPassword = true
  return result
}
