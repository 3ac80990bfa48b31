import type { HandlersFor } from '../../../shared/contract'
import type { highlightsContract } from '../../../shared/contract/highlights'
import type { HighlightService } from '../highlight-service'

export function highlightHandlers(highlights: HighlightService): HandlersFor<typeof highlightsContract> {
  return {
    'highlight.list': ({ articleId }) => highlights.list(articleId),
    'highlight.create': ({ articleId, start, end, labelId }) =>
      labelId === undefined ? highlights.create(articleId, start, end) : highlights.create(articleId, start, end, labelId),
    'highlight.get': ({ id }) => highlights.getLive(id),
    'highlight.delete': ({ id }) => ({ deleted: highlights.delete(id) }),
    'highlight.restore': ({ id }) => highlights.restore(id),
    'highlight.setLabel': ({ id, labelId }) => highlights.setLabel(id, labelId),
    'highlight.reattach': ({ id, start, end }) => highlights.reattach(id, start, end),
    'highlight.setTags': ({ id, tags }) => highlights.setTags(id, tags)
  }
}
