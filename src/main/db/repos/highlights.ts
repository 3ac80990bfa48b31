import type Database from 'better-sqlite3'
import { statementsOf } from '../statement-cache'
import type { ArticleRow } from './articles'

/** A row of the highlights table. */
export interface HighlightRow {
  id: string
  article_id: string
  start: number
  end: number
  exact: string
  prefix: string
  suffix: string
  created_at: string
  /** 1 when re-anchoring could not place it in the article's current text. */
  orphaned: number
  label_id: string | null
  deleted_at: string | null
  confidence: number
  needs_review: number
  credibility: number | null
}

/** A highlight as the highlights panel shows it: its row with its note, tags and source's reliability. */
export interface HighlightViewRow extends HighlightRow {
  has_note: number
  note_preview: string
  /** Tag names joined by TAG_SEPARATOR; null without tags. */
  tag_list: string | null
  reliability: string | null
}

/** What a Markdown export reads per highlight: its row with its note's cached Markdown (or content to render). */
export type HighlightExportRow = Pick<
  HighlightRow,
  'id' | 'article_id' | 'start' | 'end' | 'exact' | 'created_at' | 'orphaned' | 'label_id' | 'credibility'
> & { markdown: string | null; content: string | null }

/** A highlight for JSON and CSV export: the row with its article, label, tags and reliability. */
export type HighlightAnnotationRow = Pick<
  HighlightRow,
  'id' | 'article_id' | 'exact' | 'prefix' | 'suffix' | 'start' | 'end' | 'created_at' | 'credibility' | 'label_id'
> & { url: string | null; title: string; label: string | null; tags: string | null; source: string | null; reliability: string | null }

/** Separates tag names inside one SQL value (char(31)); a tag never contains it. */
export const TAG_SEPARATOR = '\u001f'

const VIEW = `
  SELECT h.*, EXISTS (SELECT 1 FROM notes n WHERE n.highlight_id = h.id AND n.plain_text <> '') AS has_note,
         coalesce((SELECT substr(n.plain_text, 1, 140) FROM notes n WHERE n.highlight_id = h.id), '') AS note_preview,
         (SELECT group_concat(t.name, char(31)) FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id
           WHERE ht.highlight_id = h.id) AS tag_list,
         (SELECT coalesce(a.reliability, s.reliability) FROM articles a LEFT JOIN sources s ON s.id = a.source_id
           WHERE a.id = h.article_id) AS reliability
  FROM highlights h`

/** Column order of `exportBatch`'s raw rows: arrays are a third cheaper than objects at ten rows per article. */
type HighlightExportTuple = [string, string, number, number, string, string, number, string | null, number | null, string | null, string | null]

/** A passage a brief cites: the highlight with its article, whether either is trashed, and the article's document for page and chapter. */
export type HighlightCitedRow = Pick<HighlightRow, 'id' | 'exact' | 'start' | 'orphaned' | 'deleted_at' | 'credibility' | 'article_id'> &
  Pick<ArticleRow, 'title' | 'author' | 'source' | 'published_at' | 'url' | 'imported_at' | 'original_sha256' | 'reliability' | 'original_type' | 'document'> & {
    article_deleted: string | null
  }

/** A highlight of a case as the brief's draft quotes it: its passage, label name and note ('' when none). */
export type HighlightDraftRow = Pick<HighlightRow, 'id' | 'exact' | 'label_id'> & { label: string; note: string }

export function highlightsRepo(db: Database.Database) {
  const q = statementsOf(db)
  return {
    /** The article's live highlights in reading order: by start, longer first when two start together. */
    liveOfArticle: (articleId: string) =>
      q<[string], HighlightViewRow>(`${VIEW} WHERE h.article_id = ? AND h.deleted_at IS NULL ORDER BY h.start, h.end DESC`).all(articleId),
    /** A highlight, or undefined when there is none or it is deleted. */
    liveById: (id: string) => q<[string], HighlightViewRow>(`${VIEW} WHERE h.id = ? AND h.deleted_at IS NULL`).get(id),
    /** A highlight, deleted or not. */
    byId: (id: string) => q<[string], HighlightViewRow>(`${VIEW} WHERE h.id = ?`).get(id),
    exists: (id: string) => q.pluck<[string], 1>('SELECT 1 FROM highlights WHERE id = ?').get(id) !== undefined,
    /** Whether the highlight or its article is in the Trash; undefined when there is no such highlight. */
    trashState: (id: string) =>
      q<[string], Pick<HighlightRow, 'deleted_at'> & { article_deleted: string | null }>(
        'SELECT h.deleted_at, a.deleted_at AS article_deleted FROM highlights h JOIN articles a ON a.id = h.article_id WHERE h.id = ?'
      ).get(id),
    /** A live highlight on exactly this range, whatever its label. */
    liveIdAt: (articleId: string, start: number, end: number) =>
      q.pluck<[string, number, number], string>('SELECT id FROM highlights WHERE article_id = ? AND start = ? AND end = ? AND deleted_at IS NULL').get(
        articleId,
        start,
        end
      ),
    /** Whether a live highlight covers exactly this range, whatever its label. */
    liveAt: (articleId: string, start: number, end: number) =>
      q.pluck<[string, number, number], 1>('SELECT 1 FROM highlights WHERE article_id = ? AND start = ? AND end = ? AND deleted_at IS NULL').get(
        articleId,
        start,
        end
      ) !== undefined,
    /** Flags a highlight placed without certainty: "check placement" in the reader. */
    flagForReview: (id: string, confidence: number) =>
      q<[number, string]>('UPDATE highlights SET confidence = ?, needs_review = 1 WHERE id = ?').run(confidence, id),
    /** Every highlight of the article (live or trashed) with its anchor. */
    anchorsOf: (articleId: string) =>
      q<[string], Pick<HighlightRow, 'id' | 'start' | 'end' | 'exact' | 'prefix' | 'suffix' | 'orphaned'>>(
        'SELECT id, start, end, exact, prefix, suffix, orphaned FROM highlights WHERE article_id = ?'
      ).all(articleId),
    /** Every highlight of the article (live or trashed) with its quote and where it was: what re-anchoring needs. */
    quotesOf: (articleId: string) =>
      q<[string], Pick<HighlightRow, 'id' | 'start' | 'end' | 'exact' | 'prefix' | 'suffix'>>(
        'SELECT id, start, end, exact, prefix, suffix FROM highlights WHERE article_id = ?'
      ).all(articleId),
    /** Ids of every highlight of the article, live or trashed. */
    idsOf: (articleId: string) => q.pluck<[string], string>('SELECT id FROM highlights WHERE article_id = ?').all(articleId),
    /** The highlight's credibility grade (null: ungraded); undefined when there is no such highlight. */
    credibility: (id: string) => q<[string], Pick<HighlightRow, 'credibility'>>('SELECT credibility FROM highlights WHERE id = ?').get(id),
    setCredibility: (id: string, grade: number | null) => q<[number | null, string]>('UPDATE highlights SET credibility = ? WHERE id = ?').run(grade, id),
    /** When the highlight went to the Trash (null: live); undefined when there is no such highlight. */
    deletedAt: (id: string) => q<[string], Pick<HighlightRow, 'deleted_at'>>('SELECT deleted_at FROM highlights WHERE id = ?').get(id),
    /** Whether another live highlight (not `exceptId`) covers the same range with the same label. */
    hasTwin: (articleId: string, start: number, end: number, labelId: string | null, exceptId: string | null) =>
      q<[string, number, number, string | null, string | null], 1>(
        'SELECT 1 FROM highlights WHERE article_id = ? AND start = ? AND end = ? AND label_id IS ? AND deleted_at IS NULL AND id IS NOT ?'
      )
        .pluck()
        .get(articleId, start, end, labelId, exceptId) !== undefined,
    insert: (h: Pick<HighlightRow, 'id' | 'article_id' | 'start' | 'end' | 'exact' | 'prefix' | 'suffix' | 'created_at' | 'label_id'>) =>
      q<[string, string, number, number, string, string, string, string, string | null]>(
        `INSERT INTO highlights (id, article_id, start, end, exact, prefix, suffix, created_at, label_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
      ).run(h.id, h.article_id, h.start, h.end, h.exact, h.prefix, h.suffix, h.created_at, h.label_id),
    /** Places the highlight on a new range, as placed by hand: sure, nothing to review. */
    reattach: (id: string, h: Pick<HighlightRow, 'start' | 'end' | 'exact' | 'prefix' | 'suffix'>) =>
      q<[number, number, string, string, string, string]>(
        'UPDATE highlights SET start = ?, end = ?, exact = ?, prefix = ?, suffix = ?, orphaned = 0, confidence = 1, needs_review = 0 WHERE id = ?'
      ).run(h.start, h.end, h.exact, h.prefix, h.suffix, id),
    /** Places the highlight where a block change moved its words (exact), or orphans it (to review). */
    place: (h: Pick<HighlightRow, 'id' | 'start' | 'end' | 'prefix' | 'suffix'> & { orphaned: 0 | 1 }) =>
      q<[typeof h]>(
        `UPDATE highlights SET start = @start, end = @end, prefix = @prefix, suffix = @suffix,
           orphaned = @orphaned, confidence = 1 - @orphaned, needs_review = @orphaned WHERE id = @id`
      ).run(h),
    /** Places the highlight in a re-imported text, with the search's confidence. */
    reanchor: (id: string, h: Pick<HighlightRow, 'start' | 'end' | 'exact' | 'prefix' | 'suffix' | 'confidence'> & { needsReview: boolean }) =>
      q<[number, number, string, string, string, number, number, string]>(
        'UPDATE highlights SET start = ?, end = ?, exact = ?, prefix = ?, suffix = ?, orphaned = 0, confidence = ?, needs_review = ? WHERE id = ?'
      ).run(h.start, h.end, h.exact, h.prefix, h.suffix, h.confidence, h.needsReview ? 1 : 0, id),
    /** Its words are gone: the analyst places it again. */
    orphan: (id: string) => q<[string]>('UPDATE highlights SET orphaned = 1, confidence = 0, needs_review = 1 WHERE id = ?').run(id),
    /** Marks it deleted; true when it was live. */
    markDeleted: (id: string, at: string) =>
      q<[string, string]>('UPDATE highlights SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(at, id).changes > 0,
    undelete: (id: string) => q<[string]>('UPDATE highlights SET deleted_at = NULL WHERE id = ?').run(id),
    setLabel: (id: string, labelId: string | null) => q<[string | null, string]>('UPDATE highlights SET label_id = ? WHERE id = ?').run(labelId, id),
    /** Moves every highlight of one label to another (or to none); how many moved. */
    relabelAll: (from: string, to: string | null) =>
      q<[string | null, string]>('UPDATE highlights SET label_id = ? WHERE label_id = ?').run(to, from).changes,

    articleIdOf: (id: string) => q.pluck<[string], string>('SELECT article_id FROM highlights WHERE id = ?').get(id),
    /** Trashed highlights of articles still in the library, with the start of their notes. */
    trashedOfLiveArticles: () =>
      q<[], Pick<HighlightRow, 'id' | 'exact' | 'article_id'> & { deleted_at: string; article_title: string; note: string }>(
        `SELECT h.id, h.exact, h.deleted_at, a.id AS article_id, a.title AS article_title,
                coalesce((SELECT substr(n.plain_text, 1, 140) FROM notes n WHERE n.highlight_id = h.id), '') AS note
         FROM highlights h JOIN articles a ON a.id = h.article_id
         WHERE h.deleted_at IS NOT NULL AND a.deleted_at IS NULL`
      ).all(),
    /** Deletes for good the trashed highlights of articles still in the library (the others go with their article); how many. */
    deleteTrashed: () =>
      q<[]>('DELETE FROM highlights WHERE deleted_at IS NOT NULL AND article_id NOT IN (SELECT id FROM articles WHERE deleted_at IS NOT NULL)').run()
        .changes,

    /** Live highlights of a batch of articles (ids as a JSON array) with their notes, unordered: export sorts each article's few. */
    exportBatch: (articleIdsJson: string) =>
      q
        .raw<[string], HighlightExportTuple>(
          `SELECT h.id, h.article_id, h.start, h.end, h.exact, h.created_at, h.orphaned, h.label_id,
                  h.credibility, n.markdown, CASE WHEN n.markdown IS NULL THEN n.content END AS content
           FROM highlights h LEFT JOIN notes n ON n.highlight_id = h.id
           WHERE h.article_id IN (SELECT value FROM json_each(?)) AND h.deleted_at IS NULL`
        )
        .all(articleIdsJson)
        .map(toExportRow),
    /** Tag names (joined by TAG_SEPARATOR) of each highlight of a batch of articles that has any. */
    tagsOfBatch: (articleIdsJson: string) =>
      q<[string], { id: string; tags: string }>(
        `SELECT x.highlight_id AS id, group_concat(t.name, char(31)) AS tags
         FROM highlights h JOIN highlight_tags x ON x.highlight_id = h.id JOIN tags t ON t.id = x.tag_id
         WHERE h.article_id IN (SELECT value FROM json_each(?)) GROUP BY x.highlight_id`
      ).all(articleIdsJson),
    /** Live highlights of live articles (ids as a JSON array), in import order then reading order. */
    forAnnotations: (articleIdsJson: string) =>
      q<[string], HighlightAnnotationRow>(
        `SELECT h.id, h.article_id, a.url, a.title, h.exact, h.prefix, h.suffix, h.start, h.end, h.created_at, h.label_id, l.name AS label,
                a.source, coalesce(a.reliability, (SELECT s.reliability FROM sources s WHERE s.id = a.source_id)) AS reliability, h.credibility,
                (SELECT group_concat(t.name, char(31)) FROM highlight_tags x JOIN tags t ON t.id = x.tag_id WHERE x.highlight_id = h.id) AS tags
         FROM highlights h JOIN articles a ON a.id = h.article_id LEFT JOIN labels l ON l.id = h.label_id
         WHERE h.article_id IN (SELECT value FROM json_each(?)) AND h.deleted_at IS NULL AND a.deleted_at IS NULL
         ORDER BY a.imported_at, a.rowid, h.start, h.end DESC`
      ).all(articleIdsJson),
    /** These highlights (ids as a JSON array), trashed or not, with what a citation of each needs; source and reliability fall back to the source's. */
    cited: (idsJson: string): HighlightCitedRow[] => {
      const passages = q<[string], Pick<HighlightCitedRow, 'id' | 'exact' | 'start' | 'orphaned' | 'deleted_at' | 'credibility' | 'article_id'>>(
        'SELECT h.id, h.exact, h.start, h.orphaned, h.deleted_at, h.credibility, h.article_id FROM json_each(?) j JOIN highlights h ON h.id = j.value'
      ).all(idsJson)
      // Each article once, however many of its passages are cited: the columns added by later
      // migrations sit after the text, document and original in the row, so each read of an
      // article's row walks its whole record.
      const articles = new Map(
        q<[string], Omit<HighlightCitedRow, 'id' | 'exact' | 'start' | 'orphaned' | 'deleted_at' | 'credibility'>>(
          `SELECT a.id AS article_id, a.title, a.author,
                  coalesce(s.name, a.source) AS source, a.published_at, a.url, a.imported_at, a.original_sha256,
                  coalesce(a.reliability, s.reliability) AS reliability, a.original_type, a.deleted_at AS article_deleted,
                  -- Only PDF (pages) and EPUB (chapters) documents locate a passage: others' JSON is not read at all.
                  CASE WHEN a.original_type IN ('pdf', 'epub') THEN a.document ELSE '' END AS document
           FROM json_each(?) j JOIN articles a ON a.id = j.value LEFT JOIN sources s ON s.id = a.source_id`
        )
          .all(JSON.stringify([...new Set(passages.map((p) => p.article_id))]))
          .map((a) => [a.article_id, a])
      )
      // Each row named field by field: spreading better-sqlite3's row objects (`{ ...a, ...p }`)
      // took 8 ms for 500 passages, against 0.2 ms for this.
      const rows: HighlightCitedRow[] = []
      for (const p of passages) {
        const a = articles.get(p.article_id)
        if (!a) continue
        rows.push({
          id: p.id,
          exact: p.exact,
          start: p.start,
          orphaned: p.orphaned,
          deleted_at: p.deleted_at,
          credibility: p.credibility,
          article_id: p.article_id,
          title: a.title,
          author: a.author,
          source: a.source,
          published_at: a.published_at,
          url: a.url,
          imported_at: a.imported_at,
          original_sha256: a.original_sha256,
          reliability: a.reliability,
          original_type: a.original_type,
          document: a.document,
          article_deleted: a.article_deleted
        })
      }
      return rows
    },
    /** A case's live highlights of live articles, in import order then reading order, with label and note. */
    ofCaseForDraft: (caseId: string) =>
      q<[string], HighlightDraftRow>(
        `SELECT h.id, h.exact, h.label_id, coalesce(l.name, '') AS label, coalesce(n.plain_text, '') AS note
         FROM case_articles x JOIN articles a ON a.id = x.article_id JOIN highlights h ON h.article_id = a.id
         LEFT JOIN labels l ON l.id = h.label_id LEFT JOIN notes n ON n.highlight_id = h.id
         WHERE x.case_id = ? AND a.deleted_at IS NULL AND h.deleted_at IS NULL
         ORDER BY a.imported_at, a.id, h.start`
      ).all(caseId)
  }
}

const toExportRow = ([id, article_id, start, end, exact, created_at, orphaned, label_id, credibility, markdown, content]: HighlightExportTuple): HighlightExportRow => ({
  id,
  article_id,
  start,
  end,
  exact,
  created_at,
  orphaned,
  label_id,
  credibility,
  markdown,
  content
})
