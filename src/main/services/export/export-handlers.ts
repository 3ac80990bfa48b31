import type { Handlers } from '../../../shared/contract'
import type { ExportService } from '../export-service'
import type { ExportJobs } from './export-jobs'

type ExportChannel = Extract<keyof Handlers, `export.${string}`>

/** The export area's channels, kept together so the composition root wires them in one line. */
export function exportHandlers(exporter: ExportService, jobs: ExportJobs): Pick<Handlers, ExportChannel> {
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
    'export.highlights': ({ outDir, scope, format }) => (format === 'json' ? exporter.annotations(outDir, scope) : exporter.csv(outDir, scope))
  }
}
