import { matrixMarkdown } from '../../../shared/ach/matrix-markdown'
import type { HandlersFor } from '../../../shared/contract'
import type { achContract } from '../../../shared/contract/ach'
import { safeFileStem } from '../../../shared/markdown/file-name'
import { matrixCsv } from '../ach/ach-export'
import type { AchService } from '../ach/ach-service'

export function achHandlers(ach: AchService): HandlersFor<typeof achContract> {
  return {
    'ach.list': ({ caseId }) => ach.list(caseId),
    'ach.create': ({ caseId, name }) => ach.create(caseId, name),
    'ach.get': ({ id }) => ach.get(id),
    'ach.rename': ({ id, name }) => ach.rename(id, name),
    'ach.delete': ({ id }) => ach.delete(id),
    'ach.addHypothesis': ({ matrixId, text, position }) => ach.addHypothesis(matrixId, text, position),
    'ach.editHypothesis': ({ id, text }) => ach.editHypothesis(id, text),
    'ach.moveHypothesis': ({ id, position }) => ach.moveHypothesis(id, position),
    'ach.removeHypothesis': ({ id }) => ach.removeHypothesis(id),
    'ach.restoreHypothesis': (removed) => ach.restoreHypothesis(removed),
    'ach.addRows': ({ matrixId, items, position }) => ach.addRows(matrixId, items, position),
    'ach.removeRow': ({ id }) => ach.removeRow(id),
    'ach.restoreRow': (removed) => ach.restoreRow(removed),
    'ach.moveRow': ({ id, position }) => ach.moveRow(id, position),
    'ach.updateRow': ({ id, ...change }) => ach.updateRow(id, change),
    'ach.rate': ({ rowId, hypothesisId, rating }) => ach.rate(rowId, hypothesisId, rating),
    'ach.snapshot': ({ matrixId, label }) => ach.snapshot(matrixId, label),
    'ach.snapshots': ({ matrixId }) => ach.snapshots(matrixId),
    'ach.snapshotGet': ({ id }) => ach.getSnapshot(id),
    'ach.export': ({ id, format }) => {
      const matrix = ach.get(id)
      const base = safeFileStem(matrix.name)
      return format === 'csv' ? { fileName: `${base}.csv`, text: matrixCsv(matrix) } : { fileName: `${base}.md`, text: matrixMarkdown(matrix) }
    }
  }
}
