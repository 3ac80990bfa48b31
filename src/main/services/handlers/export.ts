import type { HandlersFor } from '../../../shared/contract'
import type { exportContract } from '../../../shared/contract/export'
import type { AnnotationImportReport } from '../export/annotation-import'
import type { ExportJobs } from '../export/export-jobs'
import type { ExportService } from '../export-service'

export function exportHandlers(
  exporter: ExportService,
  jobs: ExportJobs,
  importAnnotations: (json: string, fileName: string) => AnnotationImportReport
): HandlersFor<typeof exportContract> {
  return {
    'export.markdown': ({ outDir, articleIds, tag }) =>
      exporter.markdown(outDir, articleIds ? { kind: 'articles', ids: articleIds } : tag ? { kind: 'tag', tag } : { kind: 'all' }),
    'export.start': ({ outDir, scope }) => {
      const ids = exporter.articleIds(scope)
      return jobs.start(ids.length, ({ onProgress, shouldStop }) =>
        exporter.markdown(outDir, ids, { onProgress: ({ done, total }) => onProgress(done, total), shouldStop })
      )
    },
    'export.status': ({ jobId }) => jobs.status(jobId),
    'export.cancel': ({ jobId }) => jobs.cancel(jobId),
    'export.tags': () => exporter.tags(),
    'export.getTemplate': () => exporter.template(),
    'export.setTemplate': ({ template }) => exporter.setTemplate(template),
    'export.resetTemplate': () => exporter.resetTemplate(),
    'export.previewTemplate': ({ template, articleId }) => exporter.preview(template, articleId),
    'export.highlights': ({ outDir, scope, format }) => (format === 'json' ? exporter.annotations(outDir, scope) : exporter.csv(outDir, scope)),
    'annotations.import': ({ name, text }) => importAnnotations(text, name)
  }
}
