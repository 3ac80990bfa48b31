import type Database from 'better-sqlite3'
import { createHash, randomUUID } from 'node:crypto'
import type { ArticleAnalysis } from '../../../shared/entities/analyse-article'
import { DecisionRules, type EntityDecision, entityKey, keyType } from '../../../shared/entities/decisions'
import { ENTITY_TYPES, type EntityType, type Mention } from '../../../shared/entities/types'
import { refuse } from '../../../shared/refusals'
import type { Clock } from '../clock'
import { articlesRepo } from '../../db/repos/articles'
import { entitiesRepo } from '../../db/repos/entities'

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

/**
 * The entity index: extracted mentions per article, the entities they resolve to under the
 * analyst's decisions, and the decisions themselves. Every write is one transaction.
 */
export class EntityService {
  private readonly entities: ReturnType<typeof entitiesRepo>

  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock
  ) {
    this.entities = entitiesRepo(db)
  }

  /** Replaces an article's extracted mentions with a new extraction and applies every decision to them. */
  storeMentions(articleId: string, text: string, analysis: Pick<ArticleAnalysis, 'language' | 'mentions'>): void {
    this.db.transaction(() => {
      this.entities.deleteExtractedMentions(articleId)
      this.relocateAnalystMentions(articleId, text)
      const analystSpans = this.entities.spans(articleId)
      for (const m of analysis.mentions) {
        if (text.slice(m.start, m.end) !== m.text) continue
        // A passage the analyst marked herself keeps her entity.
        if (analystSpans.some((a) => m.start < a.end && a.start < m.end)) continue
        this.entities.insertExtracted({
          article_id: articleId,
          start: m.start,
          end: m.end,
          text: m.text,
          type: m.type,
          origin: m.origin,
          base_key: entityKey(m.type, m.name),
          role: m.role ?? null,
          kind: m.kind ?? null
        })
      }
      this.entities.recordExtraction(articleId, sha256(text), analysis.language, this.clock())
      this.resolve(articleId, new Map(analysis.mentions.map((m) => [entityKey(m.type, m.name), m.name])))
    })()
  }

  /** Whether the article's mentions came from its current text. */
  isCurrent(articleId: string, text: string): boolean {
    return this.entities.extractedSha256(articleId) === sha256(text)
  }

  list(query: EntityListQuery = {}): EntityDetail[] {
    const rows = this.entities.resolvedMentions({ type: query.type, articleId: query.articleId })
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
   * The index as the Entities view shows it: read from the counts kept by triggers (migrations
   * 033, 063; the Trash already left out), so a large library is not read mention by mention and
   * a page is a page: at 100,000 articles, the counts per type and 500 rows. Aliases are the
   * distinct texts the entity was found as.
   */
  index(query: EntityListQuery = {}): EntityIndex {
    const filter = { articleId: query.articleId, filter: query.filter }
    const counts = Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0])) as Record<EntityType, number>
    for (const r of this.entities.countsByType(filter)) counts[r.type] = r.n
    const shown = this.entities.indexPage({ ...filter, type: query.type }, query.sort === 'name' ? 'name' : 'mentions', query.limit ?? -1)
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
      pending: this.entities.pendingCount()
    }
  }

  /**
   * The entities named in a case's articles (Trash left out), most mentioned first, from the
   * counts kept by triggers (migration 033): what the brief's entity list copies in.
   */
  ofCase(caseId: string, limit = 50): { items: CaseEntity[]; total: number } {
    return this.entities.ofCase(caseId, limit)
  }

  get(id: string): EntityDetail {
    const row = this.row(id)
    const mentions = this.entities.liveMentionsOf(id).map((r) => ({ articleId: r.article_id, start: r.start, end: r.end, text: r.text, origin: r.origin }))
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
    // The Trash left out (migration 063).
    const stats = this.entities.stats(id) ?? { mentions: 0, articles: 0 }
    const aliases = (this.aliasesOf([id]).get(id) ?? []).filter((a) => a !== row.name)
    const entity: EntitySummary = { id: row.id, name: row.name, type: row.type, aliases, mentionCount: stats.mentions, articleCount: stats.articles }

    // Which way a page is read (entities.ts, articlesPage): walking the library in import order
    // reads about (articles wanted) × (library / entity's articles) rows; reading the entity's
    // articles and sorting them reads all of them. Whichever is fewer.
    const library = this.entities.liveArticleCount()
    const walk = (wanted: number) => wanted * library < entity.articleCount * entity.articleCount
    const pageArticles = this.entities.articlesPage(id, limit, offset, walk(offset + limit))
    const articles = pageArticles.map(({ id: articleId, title, text }) => {
      const around = (from: number, to: number) => text.slice(Math.max(0, from), Math.max(0, to)).replace(/\s+/g, ' ')
      const mentions = this.entities.mentionsInArticle(articleId, id)
      return {
        articleId,
        title,
        mentions: mentions.map((m) => ({ start: m.start, end: m.end, text: m.text, before: around(m.start - CONTEXT_CHARS, m.start), after: around(m.end, m.end + CONTEXT_CHARS) }))
      }
    })

    // Named with it: counted over its latest RELATED_SAMPLE articles, which is all of them for most entities.
    const related = this.entities
      .related(id, RELATED_SAMPLE, walk(RELATED_SAMPLE))
      .map((r) => ({ id: r.id, name: r.name, type: r.type, articleCount: r.n }))
    // From the entity's articles outwards, stopping at 200 found: never every mention of a frequent entity.
    const highlights = this.entities
      .highlightsHolding(id)
      .sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.start - b.start))
    const eventIds = this.entities.eventIdsHolding(id)
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
    return this.entities.idsNamed(lower)
  }

  /** Articles that mention any of these entities, with the mentions' offsets for highlighting. */
  mentionsOf(entityIds: readonly string[]): EntityMentionRow[] {
    if (!entityIds.length) return []
    return this.entities.mentionsOfEntities(entityIds).map((r) => ({ articleId: r.article_id, start: r.start, end: r.end, text: r.text, origin: r.origin }))
  }

  /** An article's mentions that resolve to an entity, in text order: what the reader marks. */
  mentionsIn(articleId: string): { start: number; end: number; text: string; type: EntityType; entityId: string; name: string }[] {
    return this.entities.markedIn(articleId)
  }

  // ---- the analyst's decisions ----

  /** `fromId` becomes an alias of `intoId`: every mention of it, now and after any re-extraction. */
  merge(fromId: string, intoId: string): Decided {
    if (fromId === intoId) throw refuse('entity.merge_into_itself')
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
      if (!this.entities.deleteMerge(aliasKey, entity.key)) decisionId = this.insertDecision({ kind: 'split', subject: entity.key, object: alias.toLowerCase() })
      this.reapply()
      const moved = this.entities.otherHolderOf(alias, id)
      // Nothing moved (the alias is the name the entity was found under before a rename): undo.
      if (moved === undefined) throw refuse('entity.alias_is_origin', { alias, name: entity.name })
      return moved
    })()
    return { ...this.get(movedTo), decisionId }
  }

  rename(id: string, name: string): Decided {
    const clean = name.trim().replace(/\s+/g, ' ')
    if (!clean) throw refuse('entity.name_missing')
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
      const d = this.entities.deleteDecision(decisionId)
      if (!d) throw refuse('missing.entity_decision', { id: decisionId })
      // What the rename or retype replaced comes back; decisions made after it apply again on top.
      if (d.previous !== null && d.kind === 'rename') this.entities.updateByKey(d.subject, d.previous, null)
      if (d.previous !== null && d.kind === 'retype') this.entities.updateByKey(d.subject, null, d.previous)
      this.reapply()
    })()
  }

  /** An entity the analyst adds by hand; it stays even when no mention is found. */
  addEntity(name: string, type: EntityType): EntityDetail {
    const clean = name.trim().replace(/\s+/g, ' ')
    if (!clean) throw refuse('entity.name_missing')
    const key = entityKey(type, clean)
    this.entities.insertAnalyst({ id: randomUUID(), key, name: clean, type })
    const id = this.entities.idByKey(key)
    if (id === undefined) throw new Error(`entity ${key} was not stored`)
    return this.get(id)
  }

  /** A passage the analyst marks as a mention of an entity; extraction never removes it. */
  addMention(articleId: string, start: number, end: number, entityId: string): EntityDetail {
    const entity = this.row(entityId)
    const article = articlesRepo(this.db).textAndDocument(articleId)
    if (!article) throw refuse('missing.article', { id: articleId })
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= article.text.length)) {
      throw refuse('entity.passage_outside', { start, end })
    }
    this.db.transaction(() => {
      this.entities.deleteOverlapping(articleId, start, end)
      this.entities.insertAnalystMention({ article_id: articleId, start, end, text: article.text.slice(start, end), type: entity.type, base_key: entity.key, entity_id: entityId })
    })()
    return this.get(entityId)
  }

  decisions(): EntityDecision[] {
    return this.entities.decisions().map((d) => ({ ...d }))
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
    return this.entities.insertDecision(d, previous, this.clock())
  }

  /** Applies every decision again to every extracted mention. */
  private reapply(): void {
    this.resolve(undefined, new Map())
  }

  /** Sets entity_id on the extracted mentions (of one article, or all) from the decisions, creating entities as needed. */
  private resolve(articleId: string | undefined, names: Map<string, string>): void {
    const rules = new DecisionRules(this.decisions())
    const mentions = this.entities.extractedMentions(articleId)
    const ids = new Map<string, string>()
    const entityFor = (key: string, fallbackName: string): string => {
      let id = ids.get(key)
      if (id) return id
      id = this.entities.idByKey(key)
      if (!id) {
        id = randomUUID()
        this.entities.insert({ id, key, name: names.get(key) ?? fallbackName, type: keyType(key) })
      }
      ids.set(key, id)
      return id
    }
    for (const m of mentions) {
      const key = rules.resolve(m.base_key, m.text)
      this.entities.setMentionEntity(m.id, key === null ? null : entityFor(key, key === m.base_key ? (names.get(key) ?? m.text) : m.text))
    }
    for (const [key, name] of rules.renames) this.entities.updateByKey(key, name, null)
    for (const [key, type] of rules.retypes) this.entities.updateByKey(key, null, type)
    this.entities.retypeAnalystMentions(articleId)
  }

  /** The analyst's mentions move with their words when the text changes, and go when the words do. */
  private relocateAnalystMentions(articleId: string, text: string): void {
    const rows = this.entities.analystMentions(articleId)
    for (const r of rows) {
      if (text.slice(r.start, r.end) === r.text) continue
      let best = -1
      for (let at = text.indexOf(r.text); at >= 0; at = text.indexOf(r.text, at + 1)) if (best < 0 || Math.abs(at - r.start) < Math.abs(best - r.start)) best = at
      if (best < 0) this.entities.deleteMention(r.id)
      else this.entities.moveMention(r.id, best, best + r.text.length)
    }
  }

  private row(id: string): { id: string; key: string; name: string; type: EntityType } {
    const row = this.entities.byId(id)
    if (!row) throw refuse('missing.entity', { id })
    return row
  }

  private aliasesOf(ids: readonly string[]): Map<string, string[]> {
    const out = new Map<string, string[]>()
    for (const id of ids) out.set(id, [...new Set(this.entities.aliases(id).map((text) => text.replace(/\s+/g, ' ')))].sort())
    return out
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}
