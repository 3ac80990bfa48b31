import type { HandlersFor } from '../../../shared/contract'
import type { labelsContract } from '../../../shared/contract/labels'
import type { LabelService } from '../label-service'

export function labelHandlers(labels: LabelService): HandlersFor<typeof labelsContract> {
  return {
    'label.list': () => labels.list(),
    'label.create': ({ name, color }) => labels.create(name, color),
    'label.update': ({ id, name, color }) => labels.update(id, { name, color }),
    'label.delete': ({ id, moveTo }) => labels.delete(id, moveTo)
  }
}
