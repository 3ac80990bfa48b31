import { DEFAULT_EXPORT_TEMPLATE } from './default-template'
import { exportContext, type ArticleForExport, type HighlightForExport } from './export-context'
import { compileExportTemplate, type RenderExport } from './export-template'

export type { ArticleForExport, HighlightForExport } from './export-context'

let defaultRender: RenderExport | null = null

/** The default template, compiled once. */
export function defaultExportRender(): RenderExport {
  defaultRender ??= compileExportTemplate(DEFAULT_EXPORT_TEMPLATE)
  return defaultRender
}

/** One article as a Markdown file: front matter, title, notebook, then its highlights with notes. */
export function articleMarkdown(
  article: ArticleForExport,
  highlights: readonly HighlightForExport[],
  render: RenderExport = defaultExportRender()
): string {
  return render(exportContext(article, highlights))
}
