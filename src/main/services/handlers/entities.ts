import type { HandlersFor } from '../../../shared/contract'
import { safeFileStem } from '../../../shared/markdown/file-name'
import type { entitiesContract } from '../../../shared/contract/entities'
import type { EntityIndexer } from '../entities/entity-indexer'
import type { EntityService } from '../entities/entity-service'
import { timelineCsv, timelineMarkdown } from '../entities/timeline-export'
import type { TimelineService } from '../entities/timeline-service'
import type { WatchList } from '../entities/watch-list'

export interface EntityServices {
  entities: EntityService
  indexer: EntityIndexer
  watchList: WatchList
  timeline: TimelineService
  /** A case's name, for naming its exported timeline. */
  caseName(id: string): string
}

export function entityHandlers(s: EntityServices): HandlersFor<typeof entitiesContract> {
  return {
    'entity.list': (query) => s.entities.index(query),
    'entity.get': ({ id }) => s.entities.get(id),
    // The brief's entity list: the case's articles whose extraction is still queued are extracted first.
    'entity.ofCase': async ({ caseId, limit }) => {
      const waiting = await s.indexer.extractCase(caseId)
      return { ...s.entities.ofCase(caseId, limit), waiting }
    },
    'entity.page': ({ id, offset, limit }) => s.entities.page(id, { offset, limit }),
    'entity.mentionsIn': ({ articleId }) => ({ items: s.entities.mentionsIn(articleId) }),
    'entity.merge': ({ fromId, intoId }) => s.entities.merge(fromId, intoId),
    'entity.splitAlias': ({ id, alias }) => s.entities.splitAlias(id, alias),
    'entity.rename': ({ id, name }) => s.entities.rename(id, name),
    'entity.retype': ({ id, type }) => s.entities.retype(id, type),
    'entity.stop': ({ id }) => ({ ok: true as const, decisionId: s.entities.stop(id) }),
    'entity.undo': ({ decisionId }) => {
      s.entities.undo(decisionId)
      return { ok: true as const }
    },
    'entity.add': ({ name, type }) => s.entities.addEntity(name, type),
    'entity.addMention': ({ articleId, start, end, entityId }) => s.entities.addMention(articleId, start, end, entityId),
    'entity.extractLibrary': ({ force }) => s.indexer.startLibrary(force),
    'entity.extractStatus': ({ jobId }) => s.indexer.status(jobId),
    'entity.extractCancel': ({ jobId }) => s.indexer.cancel(jobId),
    'entity.extractRunning': () => s.indexer.running(),
    'watch.list': () => ({ items: s.watchList.list() }),
    'watch.add': ({ pattern, isRegex }) => s.watchList.add(pattern, isRegex),
    'watch.remove': ({ id }) => {
      s.watchList.remove(id)
      return { ok: true as const }
    },
    'timeline.list': async ({ offset, limit, complete, ...query }) => {
      const waiting = complete && query.caseId ? await s.indexer.extractCase(query.caseId) : 0
      return { ...s.timeline.page(query, { offset, limit }), ...(waiting ? { waiting } : {}) }
    },
    'timeline.confirm': ({ id }) => s.timeline.confirm(id),
    'timeline.edit': ({ id, ...edit }) => s.timeline.edit(id, edit),
    'timeline.delete': ({ id }) => {
      s.timeline.delete(id)
      return { ok: true as const }
    },
    'timeline.restore': ({ id }) => s.timeline.restore(id),
    'timeline.export': ({ caseId, format }) => {
      const events = s.timeline.list({ caseId })
      const scope = caseId ? s.caseName(caseId) : 'Library'
      const stem = safeFileStem(`Timeline - ${scope}`)
      return format === 'csv'
        ? { fileName: `${stem}.csv`, text: timelineCsv(events), count: events.length }
        : { fileName: `${stem}.md`, text: timelineMarkdown(events, `Timeline: ${scope}`), count: events.length }
    },
    'timeline.addFromHighlight': ({ highlightId, date, precision }) =>
      s.timeline.addFromHighlight(highlightId, date ? { date, precision: precision ?? (date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day') } : undefined)
  }
}
