import type { EntityType } from '../../shared/entities/types'
import type { MessageKey } from '../../shared/i18n/messages'
import { timelineCsv, timelineMarkdown } from '../../main/composition-root'
import { refuse } from '../../shared/refusals'
import type { Printer } from '../io'
import { withLibrary } from '../open-library'

export interface EntitiesOptions {
  type: EntityType | undefined
  articleId: string | undefined
  dbPath: string
  json: boolean
  cwd: string
}

export interface TimelineOptions {
  articleId: string | undefined
  caseId: string | undefined
  /** The timeline as a CSV or Markdown file on stdout, as the app exports it. */
  format?: 'csv' | 'md'
  dbPath: string
  json: boolean
  cwd: string
}

const ENTITY_TYPE_MESSAGES: Readonly<Record<EntityType, MessageKey>> = {
  person: 'entities:kind.person',
  org: 'entities:kind.org',
  place: 'entities:kind.place',
  selector: 'entities:kind.selector'
}

/**
 * `dossier entities`: the entity index with every mention. Articles not yet extracted (a library
 * older than the index, or imported while the app was closed mid-job) are extracted first.
 */
export async function entitiesCommand(options: EntitiesOptions, out: Printer): Promise<number> {
  const items = await withLibrary(options.dbPath, options.cwd, async (services) => {
    if (options.articleId) services.articles.get(options.articleId)
    await services.entityIndexer.extractPending()
    return services.entities.list({ type: options.type, articleId: options.articleId, sort: 'mentions' })
  })
  const shaped = items.map((e) => ({
    id: e.id,
    name: e.name,
    type: e.type,
    aliases: e.aliases,
    mentions: e.mentions.filter((m) => !options.articleId || m.articleId === options.articleId).map((m) => ({ articleId: m.articleId, start: m.start, end: m.end, text: m.text }))
  }))
  if (options.json) {
    out.json(shaped)
    return 0
  }
  const t = await out.translator()
  if (shaped.length === 0) {
    out.line(t('cli:entities.none'))
    return 0
  }
  const type = t('cli:entities.header.type')
  const mentions = t('cli:entities.header.mentions')
  const typeWidth = Math.max(8, type.length)
  const mentionsWidth = Math.max(8, mentions.length)
  out.line([type.padEnd(typeWidth), mentions.padStart(mentionsWidth), t('cli:entities.header.name')].join('  '))
  for (const e of shaped) {
    const name = e.aliases.length ? t('cli:entities.withAliases', { name: e.name, aliases: e.aliases.join('; ') }) : e.name
    out.line([t(ENTITY_TYPE_MESSAGES[e.type]).padEnd(typeWidth), out.number(e.mentions.length).padStart(mentionsWidth), name].join('  '))
  }
  out.line(t('cli:entities.count', { count: shaped.length }))
  return 0
}

/** `dossier timeline`: dated events, oldest first, with their sentences. */
export async function timelineCommand(options: TimelineOptions, out: Printer): Promise<number> {
  const events = await withLibrary(options.dbPath, options.cwd, async (services) => {
    if (options.articleId) services.articles.get(options.articleId)
    if (options.caseId && !services.cases.list(true).some((c) => c.id === options.caseId)) throw refuse('missing.case', { id: options.caseId })
    await services.entityIndexer.extractPending()
    const list = services.timeline.list({ articleId: options.articleId, caseId: options.caseId })
    const scope = options.caseId ? services.cases.get(options.caseId).name : options.articleId ? services.articles.get(options.articleId).title : null
    return Object.assign(list, { scope })
  })
  if (options.format === 'csv') {
    out.document(timelineCsv(events))
    return 0
  }
  if (options.format === 'md') {
    const t = await out.translator()
    out.document(timelineMarkdown(events, events.scope === null ? t('cli:timeline.titleLibrary') : t('cli:timeline.title', { scope: events.scope })))
    return 0
  }
  const shaped = events.map((e) => ({
    id: e.id,
    date: e.date,
    dateEnd: e.dateEnd,
    precision: e.precision,
    sentence: e.sentence,
    articleId: e.articleId,
    start: e.start,
    end: e.end,
    confirmed: e.confirmed
  }))
  if (options.json) {
    out.json(shaped)
    return 0
  }
  const t = await out.translator()
  if (shaped.length === 0) {
    out.line(t('cli:timeline.none'))
    return 0
  }
  // Dates stay as the index holds them (ISO, to the precision known: 2025, 2025-03, 2025-03-14): a
  // year or a month alone has no locale form that keeps its precision visible in a column.
  for (const e of shaped) out.line(`${(e.dateEnd ? `${e.date}–${e.dateEnd}` : e.date).padEnd(23)}  ${e.confirmed ? '✓' : ' '}  ${e.sentence.replace(/\s+/g, ' ')}`)
  out.line(t('cli:timeline.count', { count: shaped.length }))
  return 0
}
