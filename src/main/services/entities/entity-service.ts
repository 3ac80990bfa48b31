import type Database from 'better-sqlite3'
import { createHash, randomUUID } from 'node:crypto'
import type { ArticleAnalysis } from '../../../shared/entities/analyse-article'
import { DecisionRules, type EntityDecision, entityKey, keyType } from '../../../shared/entities/decisions'
import { ENTITY_TYPES, type EntityType, type Mention } from '../../../shared/entities/types'
import { DossierError } from '../../../shared/errors'
import type { Clock } from '../clock'

export interface EntityMentionRow {
  articleId: string
  start: number
  end: number
  text: string
  origin: Mention['origin']
}

export interface EntitySummary {
  id: string
  name: string
  type: EntityType
  aliases: string[]
  mentionCount: number
  articleCount: number
}

export interface EntityDetail extends EntitySummary {
  mentions: EntityMentionRow[]
}

/** A mention on the entity page: its words with the text around them. */
export interface MentionInContext {
  start: number
  end: number
  text: string
  before: string
  after: string
}

export interface EntityPage {
  entity: EntitySummary
  /** One page of the articles that mention it, in import order, each with its mentions in context. */
  articles: { articleId: string; title: string; mentions: MentionInContext[] }[]
  /** Where this page starts among the articles, and how many there are in all. */
  offset: number
  articleTotal: number
  /** More articles after this page. */
  truncated: boolean
  /** Entities named in the same articles, by articles in common. */
  related: { id: string; name: string; type: EntityType; articleCount: number }[]
  /** When the entity is in more articles than this: related entities were counted over its latest this many. */
  relatedSample: number | null
  /** Highlights whose passage holds a mention. */
  highlights: { id: string; articleId: string; exact: string; start: number; end: number }[]
  /** Timeline events whose sentence holds a mention. */
  eventIds: string[]
}

export interface EntityIndex {
  items: EntitySummary[]
  /** Entities of each type (with the filter and article applied, not the type or the limit). */
  counts: Record<EntityType, number>
  /** Articles in the library not extracted yet (extraction runs after import, in the background). */
  pending: number
}

/** An entity as a case's entity list shows it: counted over the case's articles only. */
export interface CaseEntity {
  id: string
  name: string
  type: EntityType
  mentionCount: number
  articleCount: number
}

/** Articles on one page of an entity's mentions. */
const PAGE_ARTICLES = 50
/** Articles over which the entities named with a frequent one are counted. */
const RELATED_SAMPLE = 2000
const CONTEXT_CHARS = 80

/** A decision's result: the entity as it now stands, and the decision's id for Undo (null: nothing to take back but the inverse act). */
export interface Decided extends EntityDetail {
  decisionId: number | null
}

export interface EntityListQuery {
  type?: EntityType
  articleId?: string
  /** Case-insensitive part of the name or an alias. */
  filter?: string
  sort?: 'mentions' | 'name'
  limit?: number
}

interface StoredMention {
  id: number
  base_key: string
  text: string
}

/**
 * The entity index: extracted mentions per article, the entities they resolve to under the
 * analyst's decisions, and the decisions themselves. Every write is one transaction.
 */
export class EntityService {
  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock
  ) {}

  /** Replaces an article's extracted mentions with a new extraction and applies every decision to them. */
  storeMentions(articleId: string, text: string, analysis: Pick<ArticleAnalysis, 'language' | 'mentions'>): void {
    const insert = this.db.prepare(
      `INSERT INTO entity_mentions (article_id, start, end, text, type, origin, base_key, role, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    this.db.transaction(() => {
      this.db.prepare(`DELETE FROM entity_mentions WHERE article_id = ? AND origin <> 'analyst'`).run(articleId)
      this.relocateAnalystMentions(articleId, text)
      const analystSpans = this.db.prepare<unknown[], { start: number; end: number }>(`SELECT start, end FROM entity_mentions WHERE article_id = ?`).all(articleId)
      for (const m of analysis.mentions) {
        if (text.slice(m.start, m.end) !== m.text) continue
        // A passage the analyst marked herself keeps her entity.
        if (analystSpans.some((a) => m.start < a.end && a.start < m.end)) continue
        insert.run(articleId, m.start, m.end, m.text, m.type, m.origin, entityKey(m.type, m.name), m.role ?? null, m.kind ?? null)
      }
      this.db
        .prepare(
          `INSERT INTO entity_extractions (article_id, text_sha256, language, extracted_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (article_id) DO UPDATE SET text_sha256 = excluded.text_sha256, language = excluded.language, extracted_at = excluded.extracted_at`
        )
        .run(articleId, sha256(text), analysis.language, this.clock())
      this.resolve(`article_id = ?`, [articleId], new Map(analysis.mentions.map((m) => [entityKey(m.type, m.name), m.name])))
    })()
  }

  /** Whether the article's mentions came from its current text. */
  isCurrent(articleId: string, text: string): boolean {
    const row = this.db.prepare<unknown[], { text_sha256: string }>('SELECT text_sha256 FROM entity_extractions WHERE article_id = ?').get(articleId)
    return row?.text_sha256 === sha256(text)
  }

  list(query: EntityListQuery = {}): EntityDetail[] {
    const where: string[] = ['m.entity_id IS NOT NULL', 'a.deleted_at IS NULL']
    const params: unknown[] = []
    if (query.type) {
      where.push('e.type = ?')
      params.push(query.type)
    }
    if (query.articleId) {
      where.push('e.id IN (SELECT entity_id FROM entity_mentions WHERE article_id = ?)')
      params.push(query.articleId)
    }
    const rows = this.db
      .prepare<unknown[], { id: string; name: string; type: EntityType; article_id: string; start: number; end: number; text: string; origin: Mention['origin'] }>(
        `SELECT e.id, e.name, e.type, m.article_id, m.start, m.end, m.text, m.origin
         FROM entities e JOIN entity_mentions m ON m.entity_id = e.id JOIN articles a ON a.id = m.article_id
         WHERE ${where.join(' AND ')} ORDER BY e.id, a.imported_at, m.article_id, m.start`
      )
      .all(...params)
    const byId = new Map<string, EntityDetail>()
    for (const r of rows) {
      let e = byId.get(r.id)
      if (!e) {
        e = { id: r.id, name: r.name, type: r.type, aliases: [], mentionCount: 0, articleCount: 0, mentions: [] }
        byId.set(r.id, e)
      }
      e.mentions.push({ articleId: r.article_id, start: r.start, end: r.end, text: r.text, origin: r.origin })
    }
    let out = [...byId.values()].map((e) => {
      const aliases = [...new Set(e.mentions.map((m) => m.text.replace(/\s+/g, ' ')))].filter((a) => a !== e.name).sort()
      return { ...e, aliases, mentionCount: e.mentions.length, articleCount: new Set(e.mentions.map((m) => m.articleId)).size }
    })
    if (query.filter) {
      const f = query.filter.toLowerCase()
      out = out.filter((e) => e.name.toLowerCase().includes(f) || e.aliases.some((a) => a.toLowerCase().includes(f)))
    }
    out.sort(query.sort === 'name' ? (a, b) => a.name.localeCompare(b.name) : (a, b) => b.mentionCount - a.mentionCount || a.name.localeCompare(b.name))
    return query.limit ? out.slice(0, query.limit) : out
  }

  /**
   * The index as the Entities view shows it: counted by SQL, so a large library is not read
   * mention by mention into memory. Aliases are the distinct texts the entity was found as.
   */
  index(query: EntityListQuery = {}): EntityIndex {
    // Counts kept by triggers (migration 033), less what sits in the Trash (few articles).
    const trashed = new Map<string, { mentions: number; articles: number }>()
    // From the trashed articles outwards (CROSS JOIN keeps that order): the planner otherwise read
    // all of entity_article_counts, 1–3 s at 100,000 articles (BENCHMARKS.md, entities).
    for (const r of this.db
      .prepare<unknown[], { entity_id: string; mentions: number; articles: number }>(
        `SELECT c.entity_id, sum(c.n) AS mentions, count(*) AS articles FROM articles a CROSS JOIN entity_article_counts c ON c.article_id = a.id
         WHERE a.deleted_at IS NOT NULL GROUP BY c.entity_id`
      )
      .all()) {
      trashed.set(r.entity_id, { mentions: r.mentions, articles: r.articles })
    }
    const where = ['s.mentions > 0']
    const params: unknown[] = []
    if (query.articleId) {
      where.push('s.entity_id IN (SELECT entity_id FROM entity_article_counts WHERE article_id = ?)')
      params.push(query.articleId)
    }
    if (query.filter?.trim()) {
      const like = `%${query.filter.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
      where.push(`(e.name LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM entity_aliases x WHERE x.entity_id = s.entity_id AND x.text LIKE ? ESCAPE '\\'))`)
      params.push(like, like)
    }
    const from = `FROM entity_stats s JOIN entities e ON e.id = s.entity_id WHERE ${where.join(' AND ')}`
    const live = (id: string, mentions: number) => mentions - (trashed.get(id)?.mentions ?? 0) > 0
    const counts = Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0])) as Record<EntityType, number>
    for (const r of this.db.prepare<unknown[], { type: EntityType; n: number }>(`SELECT e.type, count(*) AS n ${from} GROUP BY e.type`).all(...params)) counts[r.type] = r.n
    // An entity named only in trashed articles is not counted.
    if (trashed.size) {
      const ids = [...trashed.keys()]
      for (const r of this.db.prepare<unknown[], {
        id: string
        type: EntityType
        mentions: number
      }>(`SELECT s.entity_id AS id, e.type, s.mentions ${from} AND s.entity_id IN (SELECT value FROM json_each(?))`).all(...params, JSON.stringify(ids))) {
        if (!live(r.id, r.mentions)) counts[r.type]--
      }
    }
    const order = query.sort === 'name' ? 'e.name COLLATE NOCASE, e.id' : 's.mentions DESC, e.name COLLATE NOCASE, e.id'
    // Read in the stored order, stopping as soon as no later row can enter the answer. Subtracting
    // the Trash only lowers a count: by name, the first `limit` live rows are the answer; by
    // mentions, a later row enters only if its stored count reaches the limit-th live count.
    type Row = { id: string; name: string; type: EntityType; mentions: number; articles: number }
    const rows: Row[] = []
    let threshold: number | null = null
    for (const r of this.db
      .prepare<unknown[], Row>(`SELECT e.id, e.name, e.type, s.mentions, s.articles ${from} ${query.type ? 'AND e.type = ?' : ''} ORDER BY ${order}`)
      .iterate(...params, ...(query.type ? [query.type] : []))) {
      if (query.limit && rows.length >= query.limit) {
        if (query.sort === 'name' || !trashed.size) break
        threshold ??= rows.map((x) => x.mentions).sort((x, y) => y - x)[query.limit - 1]!
        if (r.mentions < threshold) break
      }
      const t = trashed.get(r.id)
      const live = t ? { ...r, mentions: r.mentions - t.mentions, articles: r.articles - t.articles } : r
      if (live.mentions > 0) rows.push(live)
    }
    if (trashed.size && query.sort !== 'name') rows.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || (a.id < b.id ? -1 : 1))
    const shown = query.limit ? rows.slice(0, query.limit) : rows
    const aliases = this.aliasesOf(shown.map((r) => r.id))
    return {
      items: shown.map((r) => ({
        id: r.id,
        name: r.name,
        type: r.type,
        aliases: (aliases.get(r.id) ?? []).filter((a) => a !== r.name),
        mentionCount: r.mentions,
        articleCount: r.articles
      })),
      counts,
      pending:
        this.db
          .prepare<[], number>('SELECT count(*) FROM articles a WHERE a.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM entity_extractions x WHERE x.article_id = a.id)')
          .pluck()
          .get() ?? 0
    }
  }

  /**
   * The entities named in a case's articles (Trash left out), most mentioned first, from the
   * counts kept by triggers (migration 033): what the brief's entity list copies in.
   */
  ofCase(caseId: string, limit = 50): { items: CaseEntity[]; total: number } {
    const from = `FROM case_articles x JOIN articles a ON a.id = x.article_id AND a.deleted_at IS NULL
         JOIN entity_article_counts c ON c.article_id = x.article_id JOIN entities e ON e.id = c.entity_id
         WHERE x.case_id = ?`
    const items = this.db
      .prepare<[string, number], CaseEntity>(
        `SELECT e.id, e.name, e.type, sum(c.n) AS mentionCount, count(*) AS articleCount ${from}
         GROUP BY e.id ORDER BY mentionCount DESC, articleCount DESC, e.name COLLATE NOCASE, e.id LIMIT ?`
      )
      .all(caseId, limit)
    const total = this.db.prepare<[string], number>(`SELECT count(DISTINCT e.id) ${from}`).pluck().get(caseId) ?? 0
    return { items, total }
  }

  get(id: string): EntityDetail {
    const row = this.row(id)
    const mentions = (
      this.db
        .prepare<unknown[], { article_id: string; start: number; end: number; text: string; origin: Mention['origin'] }>(
          `SELECT m.article_id, m.start, m.end, m.text, m.origin FROM entity_mentions m JOIN articles a ON a.id = m.article_id
           WHERE m.entity_id = ? AND a.deleted_at IS NULL ORDER BY a.imported_at, m.article_id, m.start`
        )
        .all(id)
    ).map((r) => ({ articleId: r.article_id, start: r.start, end: r.end, text: r.text, origin: r.origin }))
    const aliases = [...new Set(mentions.map((m) => m.text.replace(/\s+/g, ' ')))].filter((a) => a !== row.name).sort()
    return { id: row.id, name: row.name, type: row.type, aliases, mentionCount: mentions.length, articleCount: new Set(mentions.map((m) => m.articleId)).size, mentions }
  }

  /**
   * The entity page: mentions in context, one page of articles at a time (import order), the
   * entities named with it, its highlights and events. Read from the counts kept by triggers
   * (migration 033) and bounded queries, so the page of an entity named in most of a
   * 100,000-article library opens as fast as a rare one's: nothing reads every mention.
   */
  page(id: string, { offset = 0, limit = PAGE_ARTICLES }: { offset?: number; limit?: number } = {}): EntityPage {
    const row = this.row(id)
    const stats = (this.db.prepare<unknown[], { mentions: number; articles: number }>('SELECT mentions, articles FROM entity_stats WHERE entity_id = ?').get(id)) ?? {
      mentions: 0,
      articles: 0
    }
    // Less what sits in the Trash (few articles, found from their side).
    const trashed = this.db
      .prepare<[string], { mentions: number; articles: number }>(
        `SELECT coalesce(sum(c.n), 0) AS mentions, count(c.article_id) AS articles FROM articles a
         JOIN entity_article_counts c ON c.entity_id = ? AND c.article_id = a.id WHERE a.deleted_at IS NOT NULL`
      )
      .get(id) ?? { mentions: 0, articles: 0 }
    const aliases = (this.aliasesOf([id]).get(id) ?? []).filter((a) => a !== row.name)
    const entity: EntitySummary = { id: row.id, name: row.name, type: row.type, aliases, mentionCount: stats.mentions - trashed.mentions, articleCount: stats.articles - trashed.articles }

    const pageArticles = this.db
      .prepare<unknown[], { id: string; title: string; text: string }>(
        `SELECT a.id, a.title, a.text FROM entity_article_counts c JOIN articles a ON a.id = c.article_id
         WHERE c.entity_id = ? AND a.deleted_at IS NULL ORDER BY a.imported_at, a.id LIMIT ? OFFSET ?`
      )
      .all(id, limit, offset)
    const mentionsIn = this.db.prepare<[string, string], { start: number; end: number; text: string }>(
      'SELECT start, end, text FROM entity_mentions WHERE article_id = ? AND entity_id = ? ORDER BY start'
    )
    const articles = pageArticles.map(({ id: articleId, title, text }) => {
      const around = (from: number, to: number) => text.slice(Math.max(0, from), Math.max(0, to)).replace(/\s+/g, ' ')
      const mentions = mentionsIn.all(articleId, id)
      return {
        articleId,
        title,
        mentions: mentions.map((m) => ({ start: m.start, end: m.end, text: m.text, before: around(m.start - CONTEXT_CHARS, m.start), after: around(m.end, m.end + CONTEXT_CHARS) }))
      }
    })

    // Named with it: counted over its latest RELATED_SAMPLE articles, which is all of them for most entities.
    const related = (
      this.db
        .prepare<unknown[], { id: string; name: string; type: EntityType; n: number }>(
          `WITH sample AS (
             SELECT c.article_id FROM entity_article_counts c JOIN articles a ON a.id = c.article_id
             WHERE c.entity_id = @id AND a.deleted_at IS NULL ORDER BY a.imported_at DESC LIMIT @sample)
           SELECT e.id, e.name, e.type, count(*) AS n FROM sample JOIN entity_article_counts o ON o.article_id = sample.article_id
           JOIN entities e ON e.id = o.entity_id WHERE o.entity_id <> @id
           GROUP BY e.id ORDER BY n DESC, e.name COLLATE NOCASE LIMIT 12`
        )
        .all({ id, sample: RELATED_SAMPLE })
    ).map((r) => ({ id: r.id, name: r.name, type: r.type, articleCount: r.n }))
    // From the entity's articles outwards, stopping at 200 found: never every mention of a frequent entity.
    const highlights = (
      this.db
        .prepare<[{ id: string }], EntityPage['highlights'][number]>(
          `SELECT h.id, h.article_id AS articleId, h.exact, h.start, h.end FROM entity_article_counts c
           JOIN highlights h ON h.article_id = c.article_id AND h.deleted_at IS NULL AND h.orphaned = 0
           WHERE c.entity_id = @id AND EXISTS (SELECT 1 FROM entity_mentions m WHERE m.article_id = h.article_id AND m.entity_id = @id AND h.start < m.end AND h.end > m.start)
           LIMIT 200`
        )
        .all({ id })
    ).sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.start - b.start))
    const eventIds = (
      this.db
        .prepare<unknown[], { id: string }>(
          `SELECT t.id FROM entity_article_counts c JOIN timeline_events t ON t.article_id = c.article_id
           WHERE c.entity_id = @id AND EXISTS (SELECT 1 FROM entity_mentions m WHERE m.article_id = t.article_id AND m.entity_id = @id AND t.start <= m.start AND m.end <= t.end)
           LIMIT 200`
        )
        .all({ id })
    ).map((r) => r.id)
    const articleTotal = entity.articleCount
    return {
      entity,
      articles,
      offset,
      articleTotal,
      truncated: offset + articles.length < articleTotal,
      related,
      relatedSample: articleTotal > RELATED_SAMPLE ? RELATED_SAMPLE : null,
      highlights,
      eventIds
    }
  }

  /** Entity ids an article's mention texts or aliases name: `entity:"Caspian Horizon Shipping"` in search. */
  findByName(name: string): string[] {
    const lower = name.trim().toLowerCase()
    const rows = this.db
      .prepare<unknown[], { id: string }>(
        `SELECT DISTINCT e.id FROM entities e LEFT JOIN entity_mentions m ON m.entity_id = e.id
         WHERE lower(e.name) = ? OR lower(m.text) = ?`
      )
      .all(lower, lower)
    return rows.map((r) => r.id)
  }

  /** Articles that mention any of these entities, with the mentions' offsets for highlighting. */
  mentionsOf(entityIds: readonly string[]): EntityMentionRow[] {
    if (!entityIds.length) return []
    return (
      this.db
        .prepare<unknown[], { article_id: string; start: number; end: number; text: string; origin: Mention['origin'] }>(`SELECT article_id, start, end, text, origin FROM entity_mentions WHERE entity_id IN (${entityIds.map(() => '?').join(',')}) ORDER BY article_id, start`)
        .all(...entityIds)
    ).map((r) => ({ articleId: r.article_id, start: r.start, end: r.end, text: r.text, origin: r.origin }))
  }

  /** An article's mentions that resolve to an entity, in text order: what the reader marks. */
  mentionsIn(articleId: string): { start: number; end: number; text: string; type: EntityType; entityId: string; name: string }[] {
    return this.db
      .prepare<unknown[], { start: number; end: number; text: string; type: EntityType; entityId: string; name: string }>(
        `SELECT m.start, m.end, m.text, e.type, e.id AS entityId, e.name FROM entity_mentions m JOIN entities e ON e.id = m.entity_id
         WHERE m.article_id = ? ORDER BY m.start, m.end DESC`
      )
      .all(articleId)
  }

  // ---- the analyst's decisions ----

  /** `fromId` becomes an alias of `intoId`: every mention of it, now and after any re-extraction. */
  merge(fromId: string, intoId: string): Decided {
    if (fromId === intoId) throw new DossierError('invalid_input', 'An entity cannot be merged into itself.')
    const from = this.row(fromId)
    const into = this.row(intoId)
    const decisionId = this.decide({ kind: 'merge', subject: from.key, object: into.key })
    return { ...this.get(intoId), decisionId }
  }

  /** Mentions of the entity that read `alias` become their own entity again. */
  splitAlias(id: string, alias: string): Decided {
    const entity = this.row(id)
    const aliasKey = entityKey(entity.type, alias)
    let decisionId: number | null = null
    const movedTo = this.db.transaction(() => {
      // An alias that came in by a merge: undo the merge. Otherwise split the text out.
      const merged = this.db.prepare(`DELETE FROM entity_decisions WHERE kind = 'merge' AND subject = ? AND object = ?`).run(aliasKey, entity.key)
      if (merged.changes === 0) decisionId = this.insertDecision({ kind: 'split', subject: entity.key, object: alias.toLowerCase() })
      this.reapply()
      const moved = this.db
        .prepare<unknown[], { entity_id: string }>(`SELECT entity_id FROM entity_mentions WHERE lower(text) = lower(?) AND entity_id IS NOT NULL AND entity_id <> ? LIMIT 1`)
        .get(alias, id)
      // Nothing moved (the alias is the name the entity was found under before a rename): undo.
      if (!moved) throw new DossierError('invalid_input', `“${alias}” is the name ${entity.name} was found under, not an alias that can be split off; rename the entity instead.`)
      return moved.entity_id
    })()
    return { ...this.get(movedTo), decisionId }
  }

  rename(id: string, name: string): Decided {
    const clean = name.trim().replace(/\s+/g, ' ')
    if (!clean) throw new DossierError('invalid_input', 'An entity needs a name.')
    const entity = this.row(id)
    const decisionId = this.decide({ kind: 'rename', subject: entity.key, object: clean }, entity.name)
    return { ...this.get(id), decisionId }
  }

  retype(id: string, type: EntityType): Decided {
    const entity = this.row(id)
    const decisionId = this.decide({ kind: 'retype', subject: entity.key, object: type }, entity.type)
    return { ...this.get(id), decisionId }
  }

  /** Not an entity: the name and its mentions leave the index, now and after re-extraction. Returns the decision, for Undo. */
  stop(id: string): number {
    const entity = this.row(id)
    return this.decide({ kind: 'stop', subject: entity.key, object: null })
  }

  /**
   * Takes a decision back (Undo): the decision is forgotten and every mention is resolved again
   * as if it had never been made. Later decisions stay.
   */
  undo(decisionId: number): void {
    this.db.transaction(() => {
      const d = this.db.prepare<unknown[], { kind: EntityDecision['kind']; subject: string; previous: string | null }>('DELETE FROM entity_decisions WHERE id = ? RETURNING kind, subject, previous').get(decisionId)
      if (!d) throw new DossierError('not_found', `No entity decision with id ${decisionId}: it was already taken back.`)
      // What the rename or retype replaced comes back; decisions made after it apply again on top.
      if (d.previous !== null && d.kind === 'rename') this.db.prepare('UPDATE entities SET name = ? WHERE key = ?').run(d.previous, d.subject)
      if (d.previous !== null && d.kind === 'retype') this.db.prepare('UPDATE entities SET type = ? WHERE key = ?').run(d.previous, d.subject)
      this.reapply()
    })()
  }

  /** An entity the analyst adds by hand; it stays even when no mention is found. */
  addEntity(name: string, type: EntityType): EntityDetail {
    const clean = name.trim().replace(/\s+/g, ' ')
    if (!clean) throw new DossierError('invalid_input', 'An entity needs a name.')
    const key = entityKey(type, clean)
    this.db.prepare(`INSERT INTO entities (id, key, name, type, analyst) VALUES (?, ?, ?, ?, 1) ON CONFLICT (key) DO UPDATE SET analyst = 1`).run(randomUUID(), key, clean, type)
    const id = this.db.prepare<[string], string>('SELECT id FROM entities WHERE key = ?').pluck().get(key)
    if (id === undefined) throw new Error(`entity ${key} was not stored`)
    return this.get(id)
  }

  /** A passage the analyst marks as a mention of an entity; extraction never removes it. */
  addMention(articleId: string, start: number, end: number, entityId: string): EntityDetail {
    const entity = this.row(entityId)
    const article = this.db.prepare<unknown[], { text: string }>('SELECT text FROM articles WHERE id = ?').get(articleId)
    if (!article) throw new DossierError('not_found', `No article with id ${articleId}.`)
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= article.text.length)) {
      throw new DossierError('invalid_input', `The passage ${start}–${end} is outside the article's text.`)
    }
    this.db.transaction(() => {
      this.db.prepare(`DELETE FROM entity_mentions WHERE article_id = ? AND start < ? AND end > ?`).run(articleId, end, start)
      this.db
        .prepare(`INSERT INTO entity_mentions (article_id, start, end, text, type, origin, base_key, entity_id) VALUES (?, ?, ?, ?, ?, 'analyst', ?, ?)`)
        .run(articleId, start, end, article.text.slice(start, end), entity.type, entity.key, entityId)
    })()
    return this.get(entityId)
  }

  decisions(): EntityDecision[] {
    return (this.db.prepare<unknown[], EntityDecision>('SELECT kind, subject, object FROM entity_decisions ORDER BY id').all()).map((d) => ({ ...d }))
  }

  // ---- internals ----

  private decide(decision: EntityDecision, previous: string | null = null): number {
    return this.db.transaction(() => {
      const id = this.insertDecision(decision, previous)
      this.reapply()
      return id
    })()
  }

  private insertDecision(d: EntityDecision, previous: string | null = null): number {
    return Number(
      this.db.prepare('INSERT INTO entity_decisions (kind, subject, object, previous, created_at) VALUES (?, ?, ?, ?, ?)').run(d.kind, d.subject, d.object, previous, this.clock()).lastInsertRowid
    )
  }

  /** Applies every decision again to every extracted mention. */
  private reapply(): void {
    this.resolve(`origin <> 'analyst'`, [], new Map())
  }

  /** Sets entity_id on the chosen mentions from the decisions, creating entities as needed. */
  private resolve(where: string, params: unknown[], names: Map<string, string>): void {
    const rules = new DecisionRules(this.decisions())
    const mentions = this.db.prepare<unknown[], StoredMention>(`SELECT id, base_key, text FROM entity_mentions WHERE ${where} AND origin <> 'analyst'`).all(...params)
    const ids = new Map<string, string>()
    const findEntity = this.db.prepare<[string], { id: string }>('SELECT id FROM entities WHERE key = ?')
    const createEntity = this.db.prepare('INSERT INTO entities (id, key, name, type) VALUES (?, ?, ?, ?)')
    const entityFor = (key: string, fallbackName: string): string => {
      let id = ids.get(key)
      if (id) return id
      id = findEntity.get(key)?.id
      if (!id) {
        id = randomUUID()
        createEntity.run(id, key, names.get(key) ?? fallbackName, keyType(key))
      }
      ids.set(key, id)
      return id
    }
    const setEntity = this.db.prepare('UPDATE entity_mentions SET entity_id = ? WHERE id = ?')
    for (const m of mentions) {
      const key = rules.resolve(m.base_key, m.text)
      setEntity.run(key === null ? null : entityFor(key, key === m.base_key ? (names.get(key) ?? m.text) : m.text), m.id)
    }
    const update = this.db.prepare('UPDATE entities SET name = coalesce(?, name), type = coalesce(?, type) WHERE key = ?')
    for (const [key, name] of rules.renames) update.run(name, null, key)
    for (const [key, type] of rules.retypes) update.run(null, type, key)
    // Mentions the analyst placed follow a retype of their entity.
    this.db.exec(`UPDATE entity_mentions SET type = (SELECT type FROM entities WHERE id = entity_id) WHERE origin = 'analyst' AND entity_id IS NOT NULL`)
  }

  /** The analyst's mentions move with their words when the text changes, and go when the words do. */
  private relocateAnalystMentions(articleId: string, text: string): void {
    const rows = this.db.prepare<unknown[], {
      id: number
      start: number
      end: number
      text: string
    }>(`SELECT id, start, end, text FROM entity_mentions WHERE article_id = ? AND origin = 'analyst'`).all(articleId)
    for (const r of rows) {
      if (text.slice(r.start, r.end) === r.text) continue
      let best = -1
      for (let at = text.indexOf(r.text); at >= 0; at = text.indexOf(r.text, at + 1)) if (best < 0 || Math.abs(at - r.start) < Math.abs(best - r.start)) best = at
      if (best < 0) this.db.prepare('DELETE FROM entity_mentions WHERE id = ?').run(r.id)
      else this.db.prepare('UPDATE entity_mentions SET start = ?, end = ? WHERE id = ?').run(best, best + r.text.length, r.id)
    }
  }

  private row(id: string): { id: string; key: string; name: string; type: EntityType } {
    const row = this.db.prepare<unknown[], { id: string; key: string; name: string; type: EntityType }>('SELECT id, key, name, type FROM entities WHERE id = ?').get(id)
    if (!row) throw new DossierError('not_found', `No entity with id ${id}.`)
    return row
  }

  private aliasesOf(ids: readonly string[]): Map<string, string[]> {
    const out = new Map<string, string[]>()
    const select = this.db.prepare<[string], { text: string }>(`SELECT text FROM entity_aliases WHERE entity_id = ? ORDER BY n DESC LIMIT 50`)
    for (const id of ids) out.set(id, [...new Set(select.all(id).map((r) => r.text.replace(/\s+/g, ' ')))].sort())
    return out
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}
