import { join } from 'node:path'
import type { HandlersFor } from '../../../shared/contract'
import type { briefContract } from '../../../shared/contract/brief'
import { safeFileStem } from '../../../shared/markdown/file-name'
import type { CaseService } from '../analysis/case-service'
import type { BriefService } from '../brief/brief-service'

export function briefHandlers(brief: BriefService, cases: CaseService): HandlersFor<typeof briefContract> {
  return {
    'brief.check': ({ caseId, locale }) => brief.check(caseId, locale),
    'brief.export': async ({ caseId, outDir, format, locale }) => {
      const name = `${safeFileStem(`${cases.get(caseId).name} brief`)}.${format}`
      const { file, conflictFile, footnotes, draft, check } = await brief.export(caseId, format, join(outDir, name), undefined, locale)
      return { file, conflictFile, footnotes, draft, check }
    },
    'brief.html': ({ caseId, locale }) => brief.html(caseId, locale),
    'brief.style': () => ({ ...brief.style(), canWritePdf: brief.canWritePdf }),
    'brief.setStyle': ({ file }) => brief.useStyle(file)
  }
}
