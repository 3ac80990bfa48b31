import type { HandlersFor } from '../../../shared/contract'
import type { trashContract } from '../../../shared/contract/trash'
import type { TrashService } from '../trash-service'

export function trashHandlers(trash: TrashService): HandlersFor<typeof trashContract> {
  return {
    'article.delete': ({ id }) => trash.deleteArticle(id),
    'trash.list': () => trash.list(),
    'trash.restore': ({ kind, id }) => trash.restore(kind, id),
    'trash.empty': () => trash.empty()
  }
}
