import type { HandlersFor } from '../../../shared/contract'
import type { exportContract } from '../../../shared/contract/export'
import type { AnnotationImportReport } from '../export/annotation-import'
import type { JobRegistry, JobState } from '../../jobs/job-registry'
import type { ExportReport } from '../export/markdown-export'
import type { ExportService } from '../export-service'
import { labelNamerFor } from '../../../shared/i18n/default-labels'

export function exportHandlers(
  exporter: ExportService,
  jobs: JobRegistry,
  importAnnotations: (json: string, fileName: string) => Promise<AnnotationImportReport>
): HandlersFor<typeof exportContract> {
  return {
    'export.markdown': ({ outDir, articleIds, tag, includeArticle, locale }) =>
      exporter.markdown(outDir, articleIds ? { kind: 'articles', ids: articleIds } : tag ? { kind: 'tag', tag } : { kind: 'all' }, { includeArticle, locale }),
    'export.start': ({ outDir, scope, includeArticle, locale }) => {
      const ids = exporter.articleIds(scope)
      const job = jobs.start<ExportReport>('export', ids.length, ({ signal, progress }) =>
        // Cancel stops between batches: files already written stay, each whole.
        exporter.markdown(outDir, ids, { includeArticle, locale, onProgress: ({ done, total }) => progress(done, total), shouldStop: () => signal.aborted })
      )
      return exportJob(job)
    },
    'export.status': ({ jobId }) => exportJob(jobs.status<ExportReport>(jobId, 'export')),
    'export.cancel': ({ jobId }) => exportJob(jobs.cancel<ExportReport>(jobId, 'export')),
    'export.tags': () => exporter.tags(),
    'export.getTemplate': () => exporter.template(),
    'export.setTemplate': ({ template }) => exporter.setTemplate(template),
    'export.resetTemplate': () => exporter.resetTemplate(),
    'export.previewTemplate': ({ template, articleId, includeArticle }) => exporter.preview(template, articleId, includeArticle),
    // JSON keeps labels as stored: annotation import matches them by name, in any language.
    'export.highlights': async ({ outDir, scope, format, locale }) => (format === 'json' ? exporter.annotations(outDir, scope) : exporter.csv(outDir, scope, await labelNamerFor(locale))),
    'annotations.import': ({ name, text }) => importAnnotations(text, name)
  }
}

function exportJob(state: JobState<ExportReport>) {
  const { jobId, total, done, finished, cancelled, result, error, failure } = state
  return { jobId, total, done, finished, cancelled, report: result, error, failure }
}
