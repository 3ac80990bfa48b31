import { z } from 'zod'
import { Id } from '../domain-types'
import { ENTITY_TYPES, MENTION_ORIGINS } from '../entities/types'
import { PRECISIONS } from '../timeline/precision'
import type { ContractPart } from './common'

const EntityType = z.enum(ENTITY_TYPES)
const Name = z.string().trim().min(1).max(300)
const Offset = z.number().int().min(0).max(100_000_000)
const Precision = z.enum(PRECISIONS)
const IsoDate = z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'an ISO date: YYYY-MM-DD, YYYY-MM or YYYY')

const EntitySummary = z.object({
  id: Id,
  name: z.string(),
  type: EntityType,
  aliases: z.array(z.string()),
  mentionCount: z.number().int(),
  articleCount: z.number().int()
})
const EntityMention = z.object({ articleId: Id, start: z.number().int(), end: z.number().int(), text: z.string(), origin: z.enum(MENTION_ORIGINS) })
const EntityDetail = EntitySummary.extend({ mentions: z.array(EntityMention) })
/** After a decision: the entity as it stands and the decision's id, which `entity.undo` takes back. */
const Decided = EntityDetail.extend({ decisionId: z.number().int().nullable() })
const EntityPage = z.object({
  entity: EntitySummary,
  articles: z.array(
    z.object({
      articleId: Id,
      title: z.string(),
      mentions: z.array(z.object({ start: z.number().int(), end: z.number().int(), text: z.string(), before: z.string(), after: z.string() }))
    })
  ),
  offset: z.number().int().nonnegative(),
  articleTotal: z.number().int().nonnegative(),
  truncated: z.boolean(),
  related: z.array(z.object({ id: Id, name: z.string(), type: EntityType, articleCount: z.number().int() })),
  relatedSample: z.number().int().nullable(),
  highlights: z.array(z.object({ id: Id, articleId: Id, exact: z.string(), start: z.number().int(), end: z.number().int() })),
  eventIds: z.array(Id)
})
const ExtractionJob = z.object({ jobId: Id, total: z.number().int(), done: z.number().int(), finished: z.boolean(), cancelled: z.boolean(), failed: z.number().int() })
const WatchItem = z.object({ id: z.number().int(), pattern: z.string(), isRegex: z.boolean(), articleCount: z.number().int() })
const TimelineEvent = z.object({
  id: Id,
  date: z.string(),
  dateEnd: z.string().nullable(),
  precision: Precision,
  sentence: z.string(),
  articleId: Id,
  articleTitle: z.string(),
  source: z.string().nullable(),
  published: z.string().nullable(),
  start: z.number().int(),
  end: z.number().int(),
  confirmed: z.boolean(),
  label: z.string().nullable(),
  origin: z.enum(['extracted', 'analyst']),
  highlightId: Id.nullable()
})

/** The entity index, the watch list and the timeline (decision 0017). */
export const entitiesContract = {
  'entity.list': {
    input: z
      .object({
        type: EntityType.optional(),
        articleId: Id.optional(),
        filter: z.string().max(300).optional(),
        sort: z.enum(['mentions', 'name']).default('mentions'),
        limit: z.number().int().min(1).max(100_000).optional()
      })
      .strict(),
    output: z.object({ items: z.array(EntitySummary), counts: z.record(EntityType, z.number().int()), pending: z.number().int() })
  },
  /** The entities named in a case's articles, most mentioned first, counted over the case (the brief's entity list). */
  'entity.ofCase': {
    input: z.object({ caseId: Id, limit: z.number().int().min(1).max(2000).default(50) }).strict(),
    output: z.object({
      items: z.array(z.object({ id: Id, name: z.string(), type: EntityType, mentionCount: z.number().int(), articleCount: z.number().int() })),
      total: z.number().int(),
      /** The case's articles whose entities are not extracted yet, left out of the list (too many to wait for). */
      waiting: z.number().int().nonnegative()
    })
  },
  /** An entity with every mention, grouped by article in import order. */
  'entity.get': { input: z.object({ id: Id }).strict(), output: EntityDetail },
  /** An article's mentions with their entities, for marking them in the reader. */
  'entity.mentionsIn': {
    input: z.object({ articleId: Id }).strict(),
    output: z.object({ items: z.array(z.object({ start: z.number().int(), end: z.number().int(), text: z.string(), type: EntityType, entityId: Id, name: z.string() })) })
  },
  /** The entity page: mentions in context by article, related entities, highlights and events. */
  'entity.page': {
    input: z.object({ id: Id, offset: z.number().int().nonnegative().max(10_000_000).optional(), limit: z.number().int().min(1).max(500).optional() }).strict(),
    output: EntityPage
  },
  'entity.merge': { input: z.object({ fromId: Id, intoId: Id }).strict(), output: Decided },
  /** Null decisionId: the alias came by a merge, which is now taken back (undo by merging again). */
  'entity.splitAlias': { input: z.object({ id: Id, alias: Name }).strict(), output: Decided },
  'entity.rename': { input: z.object({ id: Id, name: Name }).strict(), output: Decided },
  'entity.retype': { input: z.object({ id: Id, type: EntityType }).strict(), output: Decided },
  /** Not an entity: onto the stop list. */
  'entity.stop': { input: z.object({ id: Id }).strict(), output: z.object({ ok: z.literal(true), decisionId: z.number().int() }) },
  /** Takes a decision back (Undo). */
  'entity.undo': { input: z.object({ decisionId: z.number().int().min(1) }).strict(), output: z.object({ ok: z.literal(true) }) },
  'entity.add': { input: z.object({ name: Name, type: EntityType }).strict(), output: EntityDetail },
  'entity.addMention': { input: z.object({ articleId: Id, start: Offset, end: Offset, entityId: Id }).strict(), output: EntityDetail },
  /** Extracts the library in the background (articles not yet extracted, or all with `force`). */
  'entity.extractLibrary': { input: z.object({ force: z.boolean().default(false) }).strict(), output: ExtractionJob },
  'entity.extractStatus': { input: z.object({ jobId: Id }).strict(), output: ExtractionJob },
  'entity.extractCancel': { input: z.object({ jobId: Id }).strict(), output: ExtractionJob },
  /** The library job running now (the catch-up at opening, or one the analyst started), and the imports' extractions still queued. */
  'entity.extractRunning': { input: z.object({}).strict(), output: z.object({ job: ExtractionJob.nullable(), queued: z.number().int() }) },

  'watch.list': { input: z.object({}).strict(), output: z.object({ items: z.array(WatchItem) }) },
  'watch.add': { input: z.object({ pattern: z.string().trim().min(1).max(500), isRegex: z.boolean().default(false) }).strict(), output: WatchItem },
  'watch.remove': { input: z.object({ id: z.number().int().min(1) }).strict(), output: z.object({ ok: z.literal(true) }) },

  /** In date order; `limit` events from `offset` (all without a limit), and how many there are in all. */
  'timeline.list': {
    input: z
      .object({
        articleId: Id.optional(),
        caseId: Id.optional(),
        offset: z.number().int().nonnegative().max(100_000_000).optional(),
        limit: z.number().int().min(1).max(5000).optional(),
        /** With caseId: extract first the case's articles still waiting (the brief's table, which is a copy). */
        complete: z.boolean().optional()
      })
      .strict(),
    output: z.object({
      items: z.array(TimelineEvent),
      total: z.number().int().nonnegative(),
      /** With `complete`: the case's articles whose events are not extracted yet (too many to wait for). */
      waiting: z.number().int().nonnegative().optional()
    })
  },
  'timeline.confirm': { input: z.object({ id: Id }).strict(), output: TimelineEvent },
  'timeline.edit': {
    input: z.object({ id: Id, date: IsoDate.optional(), dateEnd: IsoDate.nullable().optional(), precision: Precision.optional(), label: z.string().max(200).nullable().optional() }).strict(),
    output: TimelineEvent
  },
  'timeline.delete': { input: z.object({ id: Id }).strict(), output: z.object({ ok: z.literal(true) }) },
  /** Undoes a delete. */
  'timeline.restore': { input: z.object({ id: Id }).strict(), output: TimelineEvent },
  /** The timeline (of the library or a case) as CSV or Markdown, for the app to save. */
  'timeline.export': {
    input: z.object({ caseId: Id.optional(), format: z.enum(['csv', 'markdown']) }).strict(),
    output: z.object({ fileName: z.string(), text: z.string(), count: z.number().int() })
  },
  /** "Add to timeline" on a highlight: the date from the passage, else the one given. */
  'timeline.addFromHighlight': {
    input: z.object({ highlightId: Id, date: IsoDate.optional(), precision: Precision.optional() }).strict(),
    output: TimelineEvent
  }
} as const satisfies ContractPart
