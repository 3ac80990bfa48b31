import type Database from 'better-sqlite3'
import type { EntityDecision } from '../../../shared/entities/decisions'
import type { EntityType, Mention } from '../../../shared/entities/types'
import { statementsOf } from '../statement-cache'

/**
 * The entity index (migrations 020, 023, 033, 063; decision 0017): entities, their extracted and
 * analyst-placed mentions, the analyst's decisions, and the counts kept by triggers
 * (entity_stats, with and without the Trash; entity_article_counts; entity_aliases).
 */
export interface EntityRow {
  id: string
  /** The type and the normalised name: what decisions name an entity by. */
  key: string
  name: string
  type: EntityType
  /** 1 when the analyst added it by hand: it stays without mentions. */
  analyst: 0 | 1
}

export interface EntityMentionRow {
  id: number
  article_id: string
  start: number
  end: number
  text: string
  type: EntityType
  origin: Mention['origin']
  /** The key extraction found it under, before the decisions apply. */
  base_key: string
  role: string | null
  kind: string | null
  /** Null while no entity holds it (stopped). */
  entity_id: string | null
}

/** A mention as lists show it: where it is, its words, and who found it. */
export type EntityMentionPlace = Pick<EntityMentionRow, 'article_id' | 'start' | 'end' | 'text' | 'origin'>

/** A mention resolved to its entity, as the reader marks it. */
export type MarkedMentionRow = Pick<EntityMentionRow, 'start' | 'end' | 'text' | 'type'> & { entityId: string; name: string }

/** The filters of the Entities view's index. */
export interface EntityIndexFilter {
  articleId?: string
  filter?: string
}

export type EntityIndexRow = Pick<EntityRow, 'id' | 'name' | 'type'> & { mentions: number; articles: number }

const LIVE_MENTIONS_OF = `SELECT m.article_id, m.start, m.end, m.text, m.origin FROM entity_mentions m JOIN articles a ON a.id = m.article_id
  WHERE m.entity_id = ? AND a.deleted_at IS NULL ORDER BY a.imported_at, m.article_id, m.start`

export function entitiesRepo(db: Database.Database) {
  const q = statementsOf(db)
  /** The FROM and WHERE of the index over entity_stats, and its parameters. */
  const indexed = (f: EntityIndexFilter): [string, string[]] => {
    const where = ['s.live_mentions > 0']
    const params: string[] = []
    if (f.articleId) {
      where.push('s.entity_id IN (SELECT entity_id FROM entity_article_counts WHERE article_id = ?)')
      params.push(f.articleId)
    }
    if (f.filter?.trim()) {
      const like = `%${f.filter.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
      where.push(`(e.name LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM entity_aliases x WHERE x.entity_id = s.entity_id AND x.text LIKE ? ESCAPE '\\'))`)
      params.push(like, like)
    }
    return [`FROM entity_stats s JOIN entities e ON e.id = s.entity_id WHERE ${where.join(' AND ')}`, params]
  }
  return {
    // ── entities
    byId: (id: string) => q<[string], Pick<EntityRow, 'id' | 'key' | 'name' | 'type'>>('SELECT id, key, name, type FROM entities WHERE id = ?').get(id),
    idByKey: (key: string) => q.pluck<[string], string>('SELECT id FROM entities WHERE key = ?').get(key),
    insert: (e: Pick<EntityRow, 'id' | 'key' | 'name' | 'type'>) =>
      q<[string, string, string, EntityType]>('INSERT INTO entities (id, key, name, type) VALUES (?, ?, ?, ?)').run(e.id, e.key, e.name, e.type),
    /** An entity the analyst adds; one already known by this key becomes the analyst's. */
    insertAnalyst: (e: Pick<EntityRow, 'id' | 'key' | 'name' | 'type'>) =>
      q<[string, string, string, EntityType]>('INSERT INTO entities (id, key, name, type, analyst) VALUES (?, ?, ?, ?, 1) ON CONFLICT (key) DO UPDATE SET analyst = 1').run(
        e.id,
        e.key,
        e.name,
        e.type
      ),
    /** Sets the name or the type (null: unchanged) of the entity with this key. */
    updateByKey: (key: string, name: string | null, type: string | null) =>
      q<[string | null, string | null, string]>('UPDATE entities SET name = coalesce(?, name), type = coalesce(?, type) WHERE key = ?').run(name, type, key),
    /** Entities whose name, or one of whose mentions, reads this (lower case). */
    idsNamed: (lower: string) =>
      q
        .pluck<[string, string], string>('SELECT DISTINCT e.id FROM entities e LEFT JOIN entity_mentions m ON m.entity_id = e.id WHERE lower(e.name) = ? OR lower(m.text) = ?')
        .all(lower, lower),
    /** The distinct texts an entity was found as, most frequent first (50 at most). */
    aliases: (id: string) => q.pluck<[string], string>('SELECT text FROM entity_aliases WHERE entity_id = ? ORDER BY n DESC LIMIT 50').all(id),

    // ── mentions
    deleteExtractedMentions: (articleId: string) => q<[string]>(`DELETE FROM entity_mentions WHERE article_id = ? AND origin <> 'analyst'`).run(articleId),
    spans: (articleId: string) => q<[string], Pick<EntityMentionRow, 'start' | 'end'>>('SELECT start, end FROM entity_mentions WHERE article_id = ?').all(articleId),
    insertExtracted: (m: Omit<EntityMentionRow, 'id' | 'entity_id'>) =>
      q<[string, number, number, string, EntityType, Mention['origin'], string, string | null, string | null]>(
        'INSERT INTO entity_mentions (article_id, start, end, text, type, origin, base_key, role, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'
      ).run(m.article_id, m.start, m.end, m.text, m.type, m.origin, m.base_key, m.role, m.kind),
    insertAnalystMention: (m: Pick<EntityMentionRow, 'article_id' | 'start' | 'end' | 'text' | 'type' | 'base_key'> & { entity_id: string }) =>
      q<[string, number, number, string, EntityType, string, string]>(
        `INSERT INTO entity_mentions (article_id, start, end, text, type, origin, base_key, entity_id) VALUES (?, ?, ?, ?, ?, 'analyst', ?, ?)`
      ).run(m.article_id, m.start, m.end, m.text, m.type, m.base_key, m.entity_id),
    /** Removes the article's mentions overlapping start–end. */
    deleteOverlapping: (articleId: string, start: number, end: number) =>
      q<[string, number, number]>('DELETE FROM entity_mentions WHERE article_id = ? AND start < ? AND end > ?').run(articleId, end, start),
    analystMentions: (articleId: string) =>
      q<[string], Pick<EntityMentionRow, 'id' | 'start' | 'end' | 'text'>>(`SELECT id, start, end, text FROM entity_mentions WHERE article_id = ? AND origin = 'analyst'`).all(
        articleId
      ),
    moveMention: (id: number, start: number, end: number) => q<[number, number, number]>('UPDATE entity_mentions SET start = ?, end = ? WHERE id = ?').run(start, end, id),
    deleteMention: (id: number) => q<[number]>('DELETE FROM entity_mentions WHERE id = ?').run(id),
    /** Extracted mentions, of one article or all, to resolve again. */
    extractedMentions: (articleId?: string) =>
      articleId === undefined
        ? q<[], Pick<EntityMentionRow, 'id' | 'base_key' | 'text'>>(`SELECT id, base_key, text FROM entity_mentions WHERE origin <> 'analyst'`).all()
        : q<[string], Pick<EntityMentionRow, 'id' | 'base_key' | 'text'>>(`SELECT id, base_key, text FROM entity_mentions WHERE article_id = ? AND origin <> 'analyst'`).all(articleId),
    setMentionEntity: (id: number, entityId: string | null) => q<[string | null, number]>('UPDATE entity_mentions SET entity_id = ? WHERE id = ?').run(entityId, id),
    /**
     * Mentions the analyst placed follow a retype of their entity: all of them, or one article's
     * (through its index: storing one article's extraction used to scan every mention of the
     * library, which grew with each article a background job stored).
     */
    retypeAnalystMentions: (articleId?: string) =>
      articleId === undefined
        ? q<[]>(`UPDATE entity_mentions SET type = (SELECT type FROM entities WHERE id = entity_id) WHERE origin = 'analyst' AND entity_id IS NOT NULL`).run()
        : q<[string]>(
            `UPDATE entity_mentions SET type = (SELECT type FROM entities WHERE id = entity_id) WHERE article_id = ? AND origin = 'analyst' AND entity_id IS NOT NULL`
          ).run(articleId),
    /** Mentions resolved to an entity in live articles (optionally of a type, or of entities named in an article), by entity then reading order. */
    resolvedMentions: (f: { type?: EntityType; articleId?: string }) => {
      const where: string[] = ['m.entity_id IS NOT NULL', 'a.deleted_at IS NULL']
      const params: string[] = []
      if (f.type) {
        where.push('e.type = ?')
        params.push(f.type)
      }
      if (f.articleId) {
        where.push('e.id IN (SELECT entity_id FROM entity_mentions WHERE article_id = ?)')
        params.push(f.articleId)
      }
      return q<string[], Pick<EntityRow, 'id' | 'name' | 'type'> & EntityMentionPlace>(
        `SELECT e.id, e.name, e.type, m.article_id, m.start, m.end, m.text, m.origin
         FROM entities e JOIN entity_mentions m ON m.entity_id = e.id JOIN articles a ON a.id = m.article_id
         WHERE ${where.join(' AND ')} ORDER BY e.id, a.imported_at, m.article_id, m.start`
      ).all(...params)
    },
    /** An entity's mentions in live articles, in import then reading order. */
    liveMentionsOf: (entityId: string) => q<[string], EntityMentionPlace>(LIVE_MENTIONS_OF).all(entityId),
    mentionsOfEntities: (entityIds: readonly string[]) =>
      q<string[], EntityMentionPlace>(
        `SELECT article_id, start, end, text, origin FROM entity_mentions WHERE entity_id IN (${entityIds.map(() => '?').join(',')}) ORDER BY article_id, start`
      ).all(...entityIds),
    markedIn: (articleId: string) =>
      q<[string], MarkedMentionRow>(
        `SELECT m.start, m.end, m.text, e.type, e.id AS entityId, e.name FROM entity_mentions m JOIN entities e ON e.id = m.entity_id
         WHERE m.article_id = ? ORDER BY m.start, m.end DESC`
      ).all(articleId),
    mentionsInArticle: (articleId: string, entityId: string) =>
      q<[string, string], Pick<EntityMentionRow, 'start' | 'end' | 'text'>>('SELECT start, end, text FROM entity_mentions WHERE article_id = ? AND entity_id = ? ORDER BY start').all(
        articleId,
        entityId
      ),
    /** Another entity holding a mention that reads `alias` (any case): where a split moved it. */
    otherHolderOf: (alias: string, exceptId: string) =>
      q
        .pluck<[string, string], string>('SELECT entity_id FROM entity_mentions WHERE lower(text) = lower(?) AND entity_id IS NOT NULL AND entity_id <> ? LIMIT 1')
        .get(alias, exceptId),

    // ── extractions
    recordExtraction: (articleId: string, textSha256: string, language: string, at: string) =>
      q<[string, string, string, string]>(
        `INSERT INTO entity_extractions (article_id, text_sha256, language, extracted_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (article_id) DO UPDATE SET text_sha256 = excluded.text_sha256, language = excluded.language, extracted_at = excluded.extracted_at`
      ).run(articleId, textSha256, language, at),
    extractedSha256: (articleId: string) => q.pluck<[string], string>('SELECT text_sha256 FROM entity_extractions WHERE article_id = ?').get(articleId),
    /**
     * Live articles not extracted yet: the live count kept by triggers (migration 010) less the
     * extractions of live articles (all of them, counted from their smallest index, less those of
     * the few articles in the Trash). Asking each live article instead took 180–260 ms at 100,000
     * articles on every opening of the index (BENCHMARKS.md, entities).
     */
    pendingCount: () =>
      q
        .pluck<[], number>(
          `SELECT coalesce((SELECT n FROM library_facets WHERE kind = 'articles' AND key = ''), 0)
             - (SELECT count(*) FROM entity_extractions)
             + (SELECT count(*) FROM articles a CROSS JOIN entity_extractions x ON x.article_id = a.id WHERE a.deleted_at IS NOT NULL)`
        )
        .get() ?? 0,
    /** A case's live articles with no extraction of their current text, in import order. */
    pendingInCase: (caseId: string) =>
      q.pluck<[string], string>(
        `SELECT a.id FROM case_articles x JOIN articles a ON a.id = x.article_id AND a.deleted_at IS NULL
         LEFT JOIN entity_extractions e ON e.article_id = a.id
         WHERE x.case_id = ? AND (e.article_id IS NULL OR e.text_sha256 IS NOT a.text_sha256)
         ORDER BY a.imported_at, a.id`
      ).all(caseId),
    /** The same count asked of each live article: the bench's baseline, and the tests' reference. */
    pendingCountScanned: () =>
      q.pluck<[], number>('SELECT count(*) FROM articles a WHERE a.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM entity_extractions x WHERE x.article_id = a.id)').get() ?? 0,

    // ── decisions
    decisions: () => q<[], EntityDecision>('SELECT kind, subject, object FROM entity_decisions ORDER BY id').all(),
    insertDecision: (d: EntityDecision, previous: string | null, at: string) =>
      Number(
        q<[string, string, string | null, string | null, string]>('INSERT INTO entity_decisions (kind, subject, object, previous, created_at) VALUES (?, ?, ?, ?, ?)').run(
          d.kind,
          d.subject,
          d.object,
          previous,
          at
        ).lastInsertRowid
      ),
    /** Forgets a decision; what it was, or undefined when it was already gone. */
    deleteDecision: (id: number) =>
      q<[number], { kind: EntityDecision['kind']; subject: string; previous: string | null }>('DELETE FROM entity_decisions WHERE id = ? RETURNING kind, subject, previous').get(id),
    /** Forgets the merge of `subject` into `object`; true when there was one. */
    deleteMerge: (subject: string, object: string) =>
      q<[string, string]>(`DELETE FROM entity_decisions WHERE kind = 'merge' AND subject = ? AND object = ?`).run(subject, object).changes > 0,

    // ── counts kept by triggers (migrations 033, 063): live_* leave out the articles in the Trash
    countsByType: (f: EntityIndexFilter) => {
      const [from, params] = indexed(f)
      return q<string[], { type: EntityType; n: number }>(`SELECT e.type, count(*) AS n ${from} GROUP BY e.type`).all(...params)
    },
    /** A page of the index in order: by live mentions (most first), or by name. */
    indexPage: (f: EntityIndexFilter & { type?: EntityType }, sort: 'mentions' | 'name', limit: number) => {
      const [from, params] = indexed(f)
      const order = sort === 'name' ? 'e.name COLLATE NOCASE, e.id' : 's.live_mentions DESC, e.name COLLATE NOCASE, e.id'
      return q<(string | number)[], EntityIndexRow>(
        `SELECT e.id, e.name, e.type, s.live_mentions AS mentions, s.live_articles AS articles ${from} ${f.type ? 'AND e.type = ?' : ''} ORDER BY ${order} LIMIT ?`
      ).all(...params, ...(f.type ? [f.type] : []), limit)
    },
    /** The entity's mentions and articles, the Trash left out. */
    stats: (id: string) =>
      q<[string], { mentions: number; articles: number }>('SELECT live_mentions AS mentions, live_articles AS articles FROM entity_stats WHERE entity_id = ?').get(id),
    /** Live articles in the library (migration 010's count, kept by triggers). */
    liveArticleCount: () => q.pluck<[], number>(`SELECT coalesce((SELECT n FROM library_facets WHERE kind = 'articles' AND key = ''), 0)`).get() ?? 0,
    /**
     * A page of the live articles naming the entity, in import order, with their text. `walk`:
     * read the library in import order, asking each article whether it names the entity, and stop
     * at the page; otherwise read all the entity's articles and sort them. The first is what an
     * entity named in half the library needs (0.7 ms against 160 ms of CPU for 52,000 articles at
     * 100,000), the second what a rare one needs (BENCHMARKS.md, entities).
     */
    articlesPage: (id: string, limit: number, offset: number, walk: boolean) =>
      walk
        ? q<[string, number, number], { id: string; title: string; text: string }>(
            `SELECT a.id, a.title, a.text FROM articles a
             WHERE a.deleted_at IS NULL AND EXISTS (SELECT 1 FROM entity_article_counts c WHERE c.entity_id = ? AND c.article_id = a.id)
             ORDER BY a.imported_at, a.id LIMIT ? OFFSET ?`
          ).all(id, limit, offset)
        : q<[string, number, number], { id: string; title: string; text: string }>(
            `SELECT a.id, a.title, a.text FROM entity_article_counts c JOIN articles a ON a.id = c.article_id
             WHERE c.entity_id = ? AND a.deleted_at IS NULL ORDER BY a.imported_at, a.id LIMIT ? OFFSET ?`
          ).all(id, limit, offset),
    /**
     * Entities named with this one, counted over its latest `sample` live articles; the 12 most
     * shared. `walk` as for articlesPage: the sample found by reading the library from its newest
     * article backwards.
     */
    related: (id: string, sample: number, walk: boolean) =>
      q<[{ id: string; sample: number }], Pick<EntityRow, 'id' | 'name' | 'type'> & { n: number }>(
        `WITH sample AS (${
          walk
            ? `SELECT a.id AS article_id FROM articles a
               WHERE a.deleted_at IS NULL AND EXISTS (SELECT 1 FROM entity_article_counts c WHERE c.entity_id = @id AND c.article_id = a.id)
               ORDER BY a.imported_at DESC, a.id DESC LIMIT @sample`
            : `SELECT c.article_id FROM entity_article_counts c JOIN articles a ON a.id = c.article_id
               WHERE c.entity_id = @id AND a.deleted_at IS NULL ORDER BY a.imported_at DESC, a.id DESC LIMIT @sample`
        }),
         -- CROSS JOIN: from the sample outwards. With the sample's size as a parameter the planner
         -- otherwise scanned all of entity_article_counts (2,000,000 rows at 100,000 articles: 775 ms of CPU).
         shared AS (SELECT o.entity_id, count(*) AS n FROM sample CROSS JOIN entity_article_counts o ON o.article_id = sample.article_id
           WHERE o.entity_id <> @id GROUP BY o.entity_id)
         -- Named only from the 12th count up (ties included): not every entity of the sample (133 -> 44 ms of CPU).
         SELECT e.id, e.name, e.type, s.n FROM shared s JOIN entities e ON e.id = s.entity_id
         WHERE s.n >= coalesce((SELECT n FROM shared ORDER BY n DESC LIMIT 1 OFFSET 11), 0)
         ORDER BY s.n DESC, e.name COLLATE NOCASE LIMIT 12`
      ).all({ id, sample }),
    /** Live, placed highlights whose passage holds a mention of the entity; 200 at most. */
    highlightsHolding: (id: string) =>
      q<[{ id: string }], { id: string; articleId: string; exact: string; start: number; end: number }>(
        `SELECT h.id, h.article_id AS articleId, h.exact, h.start, h.end FROM entity_article_counts c
         JOIN highlights h ON h.article_id = c.article_id AND h.deleted_at IS NULL AND h.orphaned = 0
         WHERE c.entity_id = @id AND EXISTS (SELECT 1 FROM entity_mentions m WHERE m.article_id = h.article_id AND m.entity_id = @id AND h.start < m.end AND h.end > m.start)
         LIMIT 200`
      ).all({ id }),
    /** Timeline events whose sentence holds a mention of the entity; 200 at most. */
    eventIdsHolding: (id: string) =>
      q
        .pluck<[{ id: string }], string>(
          `SELECT t.id FROM entity_article_counts c JOIN timeline_events t ON t.article_id = c.article_id
           WHERE c.entity_id = @id AND EXISTS (SELECT 1 FROM entity_mentions m WHERE m.article_id = t.article_id AND m.entity_id = @id AND t.start <= m.start AND m.end <= t.end)
           LIMIT 200`
        )
        .all({ id }),
    /** Entities named in a case's live articles, most mentioned first, and how many there are. */
    ofCase: (caseId: string, limit: number) => {
      const from = `FROM case_articles x JOIN articles a ON a.id = x.article_id AND a.deleted_at IS NULL
         JOIN entity_article_counts c ON c.article_id = x.article_id JOIN entities e ON e.id = c.entity_id
         WHERE x.case_id = ?`
      const items = q<[string, number], Pick<EntityRow, 'id' | 'name' | 'type'> & { mentionCount: number; articleCount: number }>(
        `SELECT e.id, e.name, e.type, sum(c.n) AS mentionCount, count(*) AS articleCount ${from}
         GROUP BY e.id ORDER BY mentionCount DESC, articleCount DESC, e.name COLLATE NOCASE, e.id LIMIT ?`
      ).all(caseId, limit)
      const total = q.pluck<[string], number>(`SELECT count(DISTINCT e.id) ${from}`).get(caseId) ?? 0
      return { items, total }
    }
  }
}
