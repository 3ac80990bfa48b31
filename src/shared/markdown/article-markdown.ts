import { DEFAULT_EXPORT_TEMPLATE, renderDefaultTemplate } from './default-template'
import { exportContext, type ArticleForExport, type HighlightForExport } from './export-context'
import { compileExportTemplate, type RenderExport } from './export-template'

export type { ArticleForExport, HighlightForExport } from './export-context'

/**
 * Bump when a change to this code (escaping, front matter, the default template, the context)
 * changes the bytes any template renders: stored renders (migration 014) carry it, so old ones stop
 * matching. export-renders.test.ts fails until it is bumped.
 */
export const EXPORT_RENDERER_VERSION = 4

/** The default template (as code: see renderDefaultTemplate). */
export function defaultExportRender(): RenderExport {
  return renderDefaultTemplate
}

/** Any template from its source; the default one takes the fast path. */
export function exportRender(source: string): RenderExport {
  return source === DEFAULT_EXPORT_TEMPLATE ? renderDefaultTemplate : compileExportTemplate(source)
}

/** One article as a Markdown file: front matter, title, notebook, then its highlights with notes. */
export function articleMarkdown(
  article: ArticleForExport,
  highlights: readonly HighlightForExport[],
  render: RenderExport = defaultExportRender()
): string {
  return render(exportContext(article, highlights))
}
