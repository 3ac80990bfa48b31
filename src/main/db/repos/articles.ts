import type Database from 'better-sqlite3'
import type { Article } from '../../../shared/domain-types'
import { DETECTION_SAMPLE, type LanguageSource } from '../../../shared/text/article-language'
import { statementsOf } from '../statement-cache'

/** A row of the articles table (the original file's bytes aside, which few queries read). */
export interface ArticleRow {
  id: string
  title: string
  source: string | null
  url: string | null
  author: string | null
  published_at: string | null
  imported_at: string
  original_name: string
  original_type: Article['originalType']
  original: Buffer
  text: string
  content_hash: string
  /** The ArticleDocument as JSON. */
  document: string
  dateline: string | null
  language: string | null
  /** Where the language came from (migration 050); null while it is not known yet. */
  language_source: LanguageSource | null
  deleted_at: string | null
  source_id: string | null
  reliability: string | null
  original_sha256: string | null
  text_sha256: string | null
  import_method: string | null
  import_origin: string | null
  app_version: string | null
}

/** An article's place in import order: when it was imported, then its id for those imported in the same instant. */
export interface ImportKey {
  importedAt: string
  id: string
}

/** Before every article in import order. */
export const BEFORE_ANY_IMPORT: ImportKey = { importedAt: '', id: '' }

/** Every column but the original file's bytes. */
export type ArticleDetailRow = Omit<ArticleRow, 'original'>

/** A line of the library list: the article's row with its live highlights counted. */
export type ArticleSummaryRow = Pick<ArticleRow, 'id' | 'title' | 'source' | 'author' | 'published_at' | 'imported_at'> & {
  highlight_count: number
}

/** What a Markdown export reads per article: tags joined by char(31), reliability its own or its source's. */
export type ArticleExportRow = Pick<ArticleRow, 'id' | 'title' | 'author' | 'source' | 'url' | 'published_at' | 'imported_at' | 'reliability' | 'language'> & {
  tags: string | null
}

/** What an import stores of a new article, by the insert's parameter names. */
export interface ArticleInsert {
  id: string
  title: string
  source: string | null
  url: string | null
  author: string | null
  publishedAt: string | null
  importedAt: string
  originalName: string
  originalType: Article['originalType']
  original: Buffer
  text: string
  contentHash: string
  document: string
  dateline: string | null
  language: string | null
  languageSource: LanguageSource | null
  originalSha256: string | null
  method: string
  origin: string | null
  appVersion: string
}

/** What a re-import replaces of an earlier version (source, address, author and date only when it names them). */
export type ArticleReplacement = Omit<ArticleInsert, 'id' | 'importedAt'>

/** The details the analyst edits, by column. */
export type ArticleMetadataColumns = Partial<Record<'title' | 'author' | 'source' | 'url' | 'published_at' | 'dateline', string | null>>
const METADATA_COLUMNS = ['title', 'author', 'source', 'url', 'published_at', 'dateline'] as const

/** An import's earlier-version checks (store-article.ts), each read from its index (migration 076). */
export const LATEST_WITH_URL = 'SELECT id, title FROM articles WHERE url = ? ORDER BY imported_at DESC LIMIT 1'
export const SAME_TITLE_WITHOUT_URL = 'SELECT id, title, text FROM articles WHERE title = ? COLLATE NOCASE AND url IS NULL AND source IS ? ORDER BY imported_at DESC'

export function articlesRepo(db: Database.Database) {
  const q = statementsOf(db)
  return {
    /** Live articles, newest import first, a page at a time. */
    livePage: (limit: number, offset: number) =>
      q<[number, number], ArticleSummaryRow>(
        `SELECT a.id, a.title, a.source, a.author, a.published_at, a.imported_at,
                (SELECT count(*) FROM highlights h WHERE h.article_id = a.id AND h.deleted_at IS NULL) AS highlight_count
         FROM articles a WHERE a.deleted_at IS NULL ORDER BY a.imported_at DESC, a.rowid DESC LIMIT ? OFFSET ?`
      ).all(limit, offset),
    liveCount: () => q.pluck<[], number>('SELECT count(*) FROM articles WHERE deleted_at IS NULL').get() ?? 0,
    /** Articles whose language is not known yet (from before migration 050), with the opening detection reads. */
    languagePending: (limit: number) =>
      q<[number, number], Pick<ArticleRow, 'id'> & { sample: string }>(
        'SELECT id, substr(text, 1, ?) AS sample FROM articles INDEXED BY articles_language_pending WHERE language IS NULL LIMIT ?'
      ).all(DETECTION_SAMPLE, limit),
    /** A detected language, unless one was set meanwhile (an analyst's correction, a re-import). */
    setDetectedLanguage: (id: string, language: string) =>
      q<[string, string]>("UPDATE articles SET language = ?, language_source = 'detected' WHERE id = ? AND language IS NULL").run(language, id),
    /** The analyst's correction of the language: it stays through re-imports (null: unknown again, to be detected). */
    setAnalystLanguage: (id: string, language: string | null) =>
      q<[string | null, string | null, string]>('UPDATE articles SET language = ?, language_source = ? WHERE id = ?').run(language, language ? 'analyst' : null, id),
    /**
     * Stores a new article; its rowid (the near-copy index's key). With `sourceId`, the article is
     * stored under that source already (`source` then being its name): no second write of the row.
     */
    insert: (a: ArticleInsert & { sourceId?: string | null }) =>
      Number(
        q<[ArticleInsert & { sourceId: string | null }]>(
          `INSERT INTO articles (id, title, source, source_id, url, author, published_at, imported_at,
                                 original_name, original_type, original, text, content_hash,
                                 document, dateline, language, language_source, original_sha256, text_sha256, import_method,
                                 import_origin, app_version)
           VALUES (@id, @title, @source, @sourceId, @url, @author, @publishedAt, @importedAt,
                   @originalName, @originalType, @original, @text, @contentHash,
                   @document, @dateline, @language, @languageSource, @originalSha256, @contentHash, @method, @origin, @appVersion)`
        ).run({ ...a, sourceId: a.sourceId ?? null }).lastInsertRowid
      ),
    /**
     * A newer version's text, document and provenance over the earlier one's; the analyst's
     * language stays, and source, address, author and date stay where the new version names none.
     */
    replace: (id: string, a: ArticleReplacement) =>
      q<[ArticleReplacement & { id: string }]>(
        `UPDATE articles SET title = @title, source = coalesce(@source, source), url = coalesce(@url, url), author = coalesce(@author, author),
           published_at = coalesce(@publishedAt, published_at), original_name = @originalName, original_type = @originalType, original = @original,
           text = @text, content_hash = @contentHash, document = @document, dateline = @dateline,
           language = iif(language_source = 'analyst', language, coalesce(@language, language)),
           language_source = iif(language_source = 'analyst' OR @language IS NULL, language_source, @languageSource),
           original_sha256 = @originalSha256, text_sha256 = @contentHash, import_method = @method, import_origin = @origin, app_version = @appVersion
         WHERE id = @id`
      ).run({ ...a, id }),
    /** Sets the given details (an absent key is left as it is). */
    setMetadata: (id: string, columns: ArticleMetadataColumns) => {
      const names = METADATA_COLUMNS.filter((c) => columns[c] !== undefined)
      if (!names.length) return
      // One statement per set of columns edited together: a handful of shapes, each prepared once.
      q<(string | null)[]>(`UPDATE articles SET ${names.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...names.map((c) => columns[c] ?? null), id)
    },
    setDocument: (id: string, document: string, text: string) => q<[string, string, string]>('UPDATE articles SET document = ?, text = ? WHERE id = ?').run(document, text, id),
    /** Keeps the text and document an article had before a change, with why it changed. */
    keepVersion: (v: { articleId: string; text: string; document: string; reason: string; at: string }) =>
      q<[string, string, string, string, string]>('INSERT INTO article_versions (article_id, text, document, reason, created_at) VALUES (?, ?, ?, ?, ?)').run(
        v.articleId,
        v.text,
        v.document,
        v.reason,
        v.at
      ),
    /** The whole row, trashed or not. */
    byId: (id: string) => q<[string], ArticleRow>('SELECT * FROM articles WHERE id = ?').get(id),
    /** The original file's bytes and kind. */
    original: (id: string) => q<[string], Pick<ArticleRow, 'original_type' | 'original'>>('SELECT original_type, original FROM articles WHERE id = ?').get(id),
    /** The article whose text has this hash: the same text imported again. */
    byContentHash: (hash: string) => q<[string], Pick<ArticleRow, 'id' | 'title'>>('SELECT id, title FROM articles WHERE content_hash = ?').get(hash),
    /** The latest import from this address. */
    latestWithUrl: (url: string) => q<[string], Pick<ArticleRow, 'id' | 'title'>>(LATEST_WITH_URL).get(url),
    /** Articles without an address with this title (any case) from this source, newest first. */
    sameTitleWithoutUrl: (title: string, source: string | null) =>
      q<[string, string | null], Pick<ArticleRow, 'id' | 'title' | 'text'>>(SAME_TITLE_WITHOUT_URL).all(title, source),
    /** The stored text and document, as strings. */
    textAndDocument: (id: string) => q<[string], Pick<ArticleRow, 'text' | 'document'>>('SELECT text, document FROM articles WHERE id = ?').get(id),
    /** What import hooks need of a stored article. */
    stored: (id: string) =>
      q<[string], Pick<ArticleRow, 'source' | 'url' | 'author'> & { rowid: number }>('SELECT rowid, source, url, author FROM articles WHERE id = ?').get(id),
    /** A live article's id and title by its rowid (the near-copy index's key). */
    liveByRowid: (rowid: number) =>
      q<[number], Pick<ArticleRow, 'id' | 'title'>>('SELECT id, title FROM articles WHERE rowid = ? AND deleted_at IS NULL').get(rowid),
    /** The article's own reliability grade (null: its source's applies); undefined when there is no such article. */
    reliability: (id: string) => q<[string], Pick<ArticleRow, 'reliability'>>('SELECT reliability FROM articles WHERE id = ?').get(id),
    setReliability: (id: string, grade: string | null) => q<[string | null, string]>('UPDATE articles SET reliability = ? WHERE id = ?').run(grade, id),
    /** Puts the article under a source (null: none) with that source's name; false when there is no such article. */
    setSource: (id: string, sourceId: string | null, name: string | null) =>
      q<[string | null, string | null, string]>('UPDATE articles SET source_id = ?, source = ? WHERE id = ?').run(sourceId, name, id).changes > 0,
    /** A source's articles all take its (new) name. */
    renameSource: (sourceId: string, name: string) => q<[string, string]>('UPDATE articles SET source = ? WHERE source_id = ?').run(name, sourceId),
    /** Moves every article of one source to another (a merge). */
    moveSource: (from: string, into: string, name: string) =>
      q<[string, string, string]>('UPDATE articles SET source_id = ?, source = ? WHERE source_id = ?').run(into, name, from),
    /** The article's source (null: none); undefined when there is no such article. */
    sourceId: (id: string) => q<[string], Pick<ArticleRow, 'source_id'>>('SELECT source_id FROM articles WHERE id = ?').get(id),
    /** A source's live articles, oldest import first. */
    liveOfSource: (sourceId: string) =>
      q<[string], Pick<ArticleRow, 'id' | 'title' | 'imported_at' | 'reliability'>>(
        'SELECT id, title, imported_at, reliability FROM articles WHERE source_id = ? AND deleted_at IS NULL ORDER BY imported_at, id'
      ).all(sourceId),
    /** Whether the library holds any article, trashed or not. */
    any: () => q.pluck<[], 0 | 1>('SELECT EXISTS (SELECT 1 FROM articles)').get() === 1,
    /** How many articles there are, trashed or not. */
    count: () => q.pluck<[], number>('SELECT count(*) FROM articles').get() ?? 0,
    /**
     * Up to 16 articles after `afterRowid` with their originals, as [rowid, id, title, original]: a
     * keyset batch. Every column read sits before the text, so only the original's pages are read.
     * Small batches: each original arrives as its own copied Buffer, and 256 of them at a time
     * (12.8 MB of 50 KB originals) cost verify twice the CPU time of 16 in a process with a large
     * heap (the app's, the benchmark's): the garbage collector and fresh pages, not SQLite.
     */
    originalsAfter: (afterRowid: number) =>
      q.raw<[number], [number, string, string, Buffer]>('SELECT rowid, id, title, original FROM articles WHERE rowid > ? ORDER BY rowid LIMIT 16').all(afterRowid),
    /** Every article's recorded SHA-256 of its original by rowid, from the index alone (migration 049). */
    recordedOriginalHashes: () =>
      new Map(q.raw<[], [number, string | null]>('SELECT rowid, original_sha256 FROM articles INDEXED BY articles_original_sha256').all()),
    /** A case's live articles with where each came from and its hashes: the evidence manifest. */
    manifestOfCase: (caseId: string) =>
      q<
        [string],
        Pick<
          ArticleRow,
          'id' | 'title' | 'source' | 'reliability' | 'url' | 'imported_at' | 'import_method' | 'import_origin' | 'app_version' | 'original_sha256' | 'text_sha256'
        >
      >(
        `SELECT a.id, a.title, coalesce(s.name, a.source) AS source, coalesce(a.reliability, s.reliability) AS reliability, a.url,
                a.imported_at, a.import_method, a.import_origin, a.app_version, a.original_sha256, a.text_sha256
         FROM case_articles x JOIN articles a ON a.id = x.article_id LEFT JOIN sources s ON s.id = a.source_id
         WHERE x.case_id = ? AND a.deleted_at IS NULL ORDER BY a.imported_at, a.id`
      ).all(caseId),
    /** Every live article's id and text. */
    liveTexts: () => q<[], Pick<ArticleRow, 'id' | 'text'>>('SELECT id, text FROM articles WHERE deleted_at IS NULL').all(),
    /** Live article ids, oldest import first. */
    liveIdsByImport: () => q.pluck<[], string>('SELECT id FROM articles WHERE deleted_at IS NULL ORDER BY imported_at').all(),
    /** The live article imported last (ties: the greatest id), where a walk in import order ends. */
    lastLiveByImport: () =>
      q<[], ImportKey>('SELECT imported_at AS importedAt, id FROM articles WHERE deleted_at IS NULL ORDER BY imported_at DESC, id DESC LIMIT 1').get(),
    /**
     * Live articles in import order (ties by id), `limit` of them after `after` and up to `upTo`:
     * a walk of the library a page at a time, each page one search of articles_live_export_order.
     * Reading every id at once took 0.3–3 s of main's thread at 100,000 articles.
     */
    liveByImportBetween: (after: ImportKey, upTo: ImportKey, limit: number) =>
      q<[string, string, string, string, number], ImportKey>(
        `SELECT imported_at AS importedAt, id FROM articles
         WHERE deleted_at IS NULL AND (imported_at, id) > (?, ?) AND (imported_at, id) <= (?, ?) ORDER BY imported_at, id LIMIT ?`
      ).all(after.importedAt, after.id, upTo.importedAt, upTo.id, limit),
    /** What entity extraction reads of an article. */
    forExtraction: (id: string) =>
      q<[string], Pick<ArticleRow, 'id' | 'text' | 'published_at' | 'language'>>('SELECT id, text, published_at, language FROM articles WHERE id = ?').get(id),
    /** Whether the article exists, trashed or not. */
    exists: (id: string) => q.pluck<[string], 1>('SELECT 1 FROM articles WHERE id = ?').get(id) !== undefined,
    isLive: (id: string) => q.pluck<[string], 1>('SELECT 1 FROM articles WHERE id = ? AND deleted_at IS NULL').get(id) !== undefined,
    /** Every live article's id and address, unordered. */
    liveUrls: () => q<[], Pick<ArticleRow, 'id' | 'url'>>('SELECT id, url FROM articles WHERE deleted_at IS NULL').all(),
    /** The article's text, deleted or not. */
    text: (id: string) => q.pluck<[string], string>('SELECT text FROM articles WHERE id = ?').get(id),
    /** The stored document (JSON) of a PDF article; undefined for other articles, whose offsets have no pages. */
    pdfDocument: (id: string) => q.pluck<[string], string>("SELECT document FROM articles WHERE id = ? AND original_type = 'pdf'").get(id),

    /** When the article went to the Trash (null when it is live); undefined when there is no such article. */
    deletedAt: (id: string) => q<[string], Pick<ArticleRow, 'deleted_at'>>('SELECT deleted_at FROM articles WHERE id = ?').get(id)?.deleted_at,
    markDeleted: (id: string, at: string) => q<[string, string]>('UPDATE articles SET deleted_at = ? WHERE id = ?').run(at, id),
    /** Takes the article out of the Trash; false when there is no such article. */
    undelete: (id: string) => q<[string]>('UPDATE articles SET deleted_at = NULL WHERE id = ?').run(id).changes > 0,
    undeleteIfTrashed: (id: string) => q<[string]>('UPDATE articles SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL').run(id),
    /** Trashed articles, with how many live highlights each would bring back. */
    trashed: () =>
      q<[], Pick<ArticleRow, 'id' | 'title'> & { deleted_at: string; highlights: number }>(
        `SELECT a.id, a.title, a.deleted_at,
                (SELECT count(*) FROM highlights h WHERE h.article_id = a.id AND h.deleted_at IS NULL) AS highlights
         FROM articles a WHERE a.deleted_at IS NOT NULL`
      ).all(),
    /** Deletes every trashed article for good; how many. */
    deleteTrashed: () => q<[]>('DELETE FROM articles WHERE deleted_at IS NOT NULL').run().changes,

    /** Live article ids, oldest import first: the order export names files in. */
    liveIdsInExportOrder: () =>
      // Named: SQLite's planner prefers the narrower articles_live_imported, which makes it visit every row (migration 016).
      q.pluck<[], string>('SELECT id FROM articles INDEXED BY articles_live_export_order WHERE deleted_at IS NULL ORDER BY imported_at, rowid').all(),
    liveIdsWithTag: (tagId: number) =>
      q
        .pluck<[number], string>(
          `SELECT a.id FROM articles a JOIN article_tags x ON x.article_id = a.id
           WHERE x.tag_id = ? AND a.deleted_at IS NULL ORDER BY a.imported_at, a.rowid`
        )
        .all(tagId),
    liveIdsInCase: (caseId: string) =>
      q
        .pluck<[string], string>(
          `SELECT a.id FROM articles a JOIN case_articles x ON x.article_id = a.id
           WHERE x.case_id = ? AND a.deleted_at IS NULL ORDER BY a.imported_at, a.rowid`
        )
        .all(caseId),
    /** Which of these articles (ids as a JSON array) exist, and when each went to the Trash. */
    deletedAtOfBatch: (idsJson: string) =>
      q<[string], Pick<ArticleRow, 'id' | 'deleted_at'>>('SELECT id, deleted_at FROM articles WHERE id IN (SELECT value FROM json_each(?))').all(idsJson),

    /** Live articles of a batch (ids as a JSON array), unordered, for export. */
    exportBatch: (idsJson: string) =>
      q<[string], ArticleExportRow>(
        `SELECT a.id, a.title, a.author, a.source, a.url, a.published_at, a.imported_at, a.language,
                coalesce(a.reliability, (SELECT s.reliability FROM sources s WHERE s.id = a.source_id)) AS reliability,
                (SELECT group_concat(t.name, char(31)) FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id) AS tags
         FROM articles a WHERE a.id IN (SELECT value FROM json_each(?)) AND a.deleted_at IS NULL`
      ).all(idsJson),
    /** Documents (JSON) of the PDF articles of a batch: only PDFs have pages, so others are never parsed for export. */
    pdfDocumentsOfBatch: (idsJson: string) =>
      q<[string], Pick<ArticleRow, 'id' | 'document'>>(
        `SELECT id, document FROM articles WHERE id IN (SELECT value FROM json_each(?)) AND original_type = 'pdf'`
      ).all(idsJson),
    /** Documents (JSON) of every article of a batch. */
    documentsOfBatch: (idsJson: string) =>
      q<[string], Pick<ArticleRow, 'id' | 'document'>>(`SELECT id, document FROM articles WHERE id IN (SELECT value FROM json_each(?))`).all(idsJson)
  }
}
