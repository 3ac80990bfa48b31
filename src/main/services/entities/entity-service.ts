import type Database from 'better-sqlite3'
import { createHash, randomUUID } from 'node:crypto'
import type { ArticleAnalysis } from '../../../shared/entities/analyse-article'
import { DecisionRules, type EntityDecision, entityKey, keyType } from '../../../shared/entities/decisions'
import type { EntityType, Mention } from '../../../shared/entities/types'
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
      const analystSpans = this.db.prepare(`SELECT start, end FROM entity_mentions WHERE article_id = ?`).all(articleId) as { start: number; end: number }[]
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
    const row = this.db.prepare('SELECT text_sha256 FROM entity_extractions WHERE article_id = ?').get(articleId) as { text_sha256: string } | undefined
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
      .prepare(
        `SELECT e.id, e.name, e.type, m.article_id, m.start, m.end, m.text, m.origin
         FROM entities e JOIN entity_mentions m ON m.entity_id = e.id JOIN articles a ON a.id = m.article_id
         WHERE ${where.join(' AND ')} ORDER BY e.id, a.imported_at, m.article_id, m.start`
      )
      .all(...params) as { id: string; name: string; type: EntityType; article_id: string; start: number; end: number; text: string; origin: Mention['origin'] }[]
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

  get(id: string): EntityDetail {
    const found = this.list().find((e) => e.id === id) ?? this.listEmpty(id)
    return found
  }

  /** Entity ids an article's mention texts or aliases name: `entity:"Caspian Horizon Shipping"` in search. */
  findByName(name: string): string[] {
    const lower = name.trim().toLowerCase()
    const rows = this.db
      .prepare(
        `SELECT DISTINCT e.id FROM entities e LEFT JOIN entity_mentions m ON m.entity_id = e.id
         WHERE lower(e.name) = ? OR lower(m.text) = ?`
      )
      .all(lower, lower) as { id: string }[]
    return rows.map((r) => r.id)
  }

  /** Articles that mention any of these entities, with the mentions' offsets for highlighting. */
  mentionsOf(entityIds: readonly string[]): EntityMentionRow[] {
    if (!entityIds.length) return []
    return (
      this.db
        .prepare(`SELECT article_id, start, end, text, origin FROM entity_mentions WHERE entity_id IN (${entityIds.map(() => '?').join(',')}) ORDER BY article_id, start`)
        .all(...entityIds) as { article_id: string; start: number; end: number; text: string; origin: Mention['origin'] }[]
    ).map((r) => ({ articleId: r.article_id, start: r.start, end: r.end, text: r.text, origin: r.origin }))
  }

  // ---- the analyst's decisions ----

  /** `fromId` becomes an alias of `intoId`: every mention of it, now and after any re-extraction. */
  merge(fromId: string, intoId: string): EntityDetail {
    if (fromId === intoId) throw new DossierError('invalid_input', 'An entity cannot be merged into itself.')
    const from = this.row(fromId)
    const into = this.row(intoId)
    this.decide({ kind: 'merge', subject: from.key, object: into.key })
    return this.get(intoId)
  }

  /** Mentions of the entity that read `alias` become their own entity again. */
  splitAlias(id: string, alias: string): EntityDetail {
    const entity = this.row(id)
    const aliasKey = entityKey(entity.type, alias)
    const movedTo = this.db.transaction(() => {
      // An alias that came in by a merge: undo the merge. Otherwise split the text out.
      const merged = this.db.prepare(`DELETE FROM entity_decisions WHERE kind = 'merge' AND subject = ? AND object = ?`).run(aliasKey, entity.key)
      if (merged.changes === 0) this.insertDecision({ kind: 'split', subject: entity.key, object: alias.toLowerCase() })
      this.reapply()
      const moved = this.db
        .prepare(`SELECT entity_id FROM entity_mentions WHERE lower(text) = lower(?) AND entity_id IS NOT NULL AND entity_id <> ? LIMIT 1`)
        .get(alias, id) as { entity_id: string } | undefined
      // Nothing moved (the alias is the name the entity was found under before a rename): undo.
      if (!moved) throw new DossierError('invalid_input', `“${alias}” is the name ${entity.name} was found under, not an alias that can be split off; rename the entity instead.`)
      return moved.entity_id
    })()
    return this.get(movedTo)
  }

  rename(id: string, name: string): EntityDetail {
    const clean = name.trim().replace(/\s+/g, ' ')
    if (!clean) throw new DossierError('invalid_input', 'An entity needs a name.')
    const entity = this.row(id)
    this.decide({ kind: 'rename', subject: entity.key, object: clean })
    return this.get(id)
  }

  retype(id: string, type: EntityType): EntityDetail {
    const entity = this.row(id)
    this.decide({ kind: 'retype', subject: entity.key, object: type })
    return this.get(id)
  }

  /** Not an entity: the name and its mentions leave the index, now and after re-extraction. */
  stop(id: string): void {
    const entity = this.row(id)
    this.decide({ kind: 'stop', subject: entity.key, object: null })
  }

  /** An entity the analyst adds by hand; it stays even when no mention is found. */
  addEntity(name: string, type: EntityType): EntityDetail {
    const clean = name.trim().replace(/\s+/g, ' ')
    if (!clean) throw new DossierError('invalid_input', 'An entity needs a name.')
    const key = entityKey(type, clean)
    this.db.prepare(`INSERT INTO entities (id, key, name, type, analyst) VALUES (?, ?, ?, ?, 1) ON CONFLICT (key) DO UPDATE SET analyst = 1`).run(randomUUID(), key, clean, type)
    const { id } = this.db.prepare('SELECT id FROM entities WHERE key = ?').get(key) as { id: string }
    return this.get(id)
  }

  /** A passage the analyst marks as a mention of an entity; extraction never removes it. */
  addMention(articleId: string, start: number, end: number, entityId: string): EntityDetail {
    const entity = this.row(entityId)
    const article = this.db.prepare('SELECT text FROM articles WHERE id = ?').get(articleId) as { text: string } | undefined
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
    return (this.db.prepare('SELECT kind, subject, object FROM entity_decisions ORDER BY id').all() as EntityDecision[]).map((d) => ({ ...d }))
  }

  // ---- internals ----

  private decide(decision: EntityDecision): void {
    this.db.transaction(() => {
      this.insertDecision(decision)
      this.reapply()
    })()
  }

  private insertDecision(d: EntityDecision): void {
    this.db.prepare('INSERT INTO entity_decisions (kind, subject, object, created_at) VALUES (?, ?, ?, ?)').run(d.kind, d.subject, d.object, this.clock())
  }

  /** Applies every decision again to every extracted mention. */
  private reapply(): void {
    this.resolve(`origin <> 'analyst'`, [], new Map())
  }

  /** Sets entity_id on the chosen mentions from the decisions, creating entities as needed. */
  private resolve(where: string, params: unknown[], names: Map<string, string>): void {
    const rules = new DecisionRules(this.decisions())
    const mentions = this.db.prepare(`SELECT id, base_key, text FROM entity_mentions WHERE ${where} AND origin <> 'analyst'`).all(...params) as StoredMention[]
    const ids = new Map<string, string>()
    const findEntity = this.db.prepare('SELECT id FROM entities WHERE key = ?')
    const createEntity = this.db.prepare('INSERT INTO entities (id, key, name, type) VALUES (?, ?, ?, ?)')
    const entityFor = (key: string, fallbackName: string): string => {
      let id = ids.get(key)
      if (id) return id
      id = (findEntity.get(key) as { id: string } | undefined)?.id
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
    const rows = this.db.prepare(`SELECT id, start, end, text FROM entity_mentions WHERE article_id = ? AND origin = 'analyst'`).all(articleId) as {
      id: number
      start: number
      end: number
      text: string
    }[]
    for (const r of rows) {
      if (text.slice(r.start, r.end) === r.text) continue
      let best = -1
      for (let at = text.indexOf(r.text); at >= 0; at = text.indexOf(r.text, at + 1)) if (best < 0 || Math.abs(at - r.start) < Math.abs(best - r.start)) best = at
      if (best < 0) this.db.prepare('DELETE FROM entity_mentions WHERE id = ?').run(r.id)
      else this.db.prepare('UPDATE entity_mentions SET start = ?, end = ? WHERE id = ?').run(best, best + r.text.length, r.id)
    }
  }

  private row(id: string): { id: string; key: string; name: string; type: EntityType } {
    const row = this.db.prepare('SELECT id, key, name, type FROM entities WHERE id = ?').get(id) as { id: string; key: string; name: string; type: EntityType } | undefined
    if (!row) throw new DossierError('not_found', `No entity with id ${id}.`)
    return row
  }

  private listEmpty(id: string): EntityDetail {
    const row = this.row(id)
    return { id: row.id, name: row.name, type: row.type, aliases: [], mentionCount: 0, articleCount: 0, mentions: [] }
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}
