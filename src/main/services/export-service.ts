import type Database from 'better-sqlite3'
import { z } from 'zod'
import { EXPORT_RENDERER_VERSION, exportRender } from '../../shared/markdown/article-markdown'
import { DEFAULT_EXPORT_TEMPLATE } from '../../shared/markdown/default-template'
import { exportContext } from '../../shared/markdown/export-context'
import { compileExportTemplate, MAX_TEMPLATE_CHARS, type RenderExport } from '../../shared/markdown/export-template'
import type { Clock } from './clock'
import { articlesInScope, exportableTags, type ExportScope } from './export/export-scope'
import { ExportSource } from './export/export-source'
import { inProcessWriter, workerWriter, type ExportWriter, type ExportWriterData } from './export/export-writer'
import { exportMarkdown, type ExportRenderer, type ExportReport, type RunOptions } from './export/markdown-export'
import { SettingsStore } from './settings-store'
import { inProcessCompute, TEMPLATE_BUDGET_MS, type ComputeService } from './compute/compute-service'
import { join, resolve } from 'node:path'
import { annotationCollection, toAnnotation } from '../../shared/annotations/web-annotation'
import { highlightsFor } from './export/highlight-rows'
import { highlightsCsv } from './export/highlights-csv'
import { sha256 } from './export/write-export-file'
import { writeSingleExportFile } from './export/single-file-export'
import { labelNamerFor, type LabelNamer } from '../../shared/i18n/default-labels'
import type { UiLocale } from '../../shared/i18n/locales'

export type { ExportScope } from './export/export-scope'
export type { ExportReport } from './export/markdown-export'

const TEMPLATE_KEY = 'export.template'

/** A highlights file (JSON or CSV); `conflictFile` is where the new version went if the analyst had changed `file`. */
export interface HighlightsFile {
  file: string
  count: number
  conflictFile: string | null
}

export interface TemplateInfo {
  template: string
  isDefault: boolean
  defaultTemplate: string
}

/** Markdown export: scopes, the user's template, and the files it writes. */
export class ExportService {
  private readonly settings: SettingsStore
  private compiled: { source: string; render: RenderExport; fingerprint: string } | null = null
  private readonly writer: ExportWriter

  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock,
    /** The built export-writer worker and the library it reads; without it (CLI from source, tests) files are written in-process. */
    writer?: { workerPath: string } & ExportWriterData,
    /** Where a template preview renders: the compute worker in the app, off main's event loop. */
    private readonly compute: ComputeService = inProcessCompute()
  ) {
    this.settings = new SettingsStore(db)
    this.writer = writer ? workerWriter(writer.workerPath, writer) : inProcessWriter(db)
  }

  /** Stops the writer's workers; an export still running fails. */
  close(): Promise<void> {
    return this.writer.close()
  }

  /** Article ids in scope (trashed ones never); an unknown id or tag is refused before anything is written. */
  articleIds(scope: ExportScope): string[] {
    return articlesInScope(this.db, scope)
  }

  tags(): { name: string; articles: number }[] {
    return exportableTags(this.db)
  }

  /**
   * Writes one .md per article into outDir (the whole library when no ids are given).
   * `includeArticle`: the template's `articleBody` holds the article's text (the default template
   * writes it under "## Article"); otherwise it is empty.
   */
  async markdown(
    outDir: string,
    scope: ExportScope | readonly string[] = { kind: 'all' },
    options: RunOptions & { includeArticle?: boolean; locale?: UiLocale } = {}
  ): Promise<ExportReport> {
    const ids = Array.isArray(scope) ? this.articleIds({ kind: 'articles', ids: scope }) : this.articleIds(scope as ExportScope)
    const labelName = await labelNamerFor(options.locale)
    return exportMarkdown(this.db, this.clock, outDir, ids, this.renderer(options.includeArticle ?? false, labelName ? options.locale! : null, labelName), this.writer, options)
  }

  /** Highlights of the articles in scope as a W3C AnnotationCollection, written to `annotations.json` in outDir. */
  annotations(outDir: string, scope: ExportScope = { kind: 'all' }): HighlightsFile {
    const rows = highlightsFor(this.db, this.articleIds(scope))
    const doc = annotationCollection(rows.map(toAnnotation), 'Dossier highlights')
    return { ...this.writeSingle(outDir, 'annotations.json', `${JSON.stringify(doc, null, 2)}\n`), count: rows.length }
  }

  /**
   * Highlights of the articles in scope as CSV, written to `highlights.csv` in outDir; `labelName`
   * names labels in the export's language (`labelNamerFor`), stored names without it.
   */
  csv(outDir: string, scope: ExportScope = { kind: 'all' }, labelName: LabelNamer | null = null): HighlightsFile {
    const rows = highlightsFor(this.db, this.articleIds(scope), labelName)
    return { ...this.writeSingle(outDir, 'highlights.csv', highlightsCsv(rows)), count: rows.length }
  }

  /**
   * Writes a single-file export like a Markdown file: replaced if it is what Dossier last wrote
   * there, left alone with the new version beside it if the analyst changed it since.
   */
  private writeSingle(outDir: string, name: string, content: string): { file: string; conflictFile: string | null } {
    return writeSingleExportFile(this.db, join(resolve(outDir), name), Buffer.from(content, 'utf8'), this.clock())
  }

  template(): TemplateInfo {
    const stored = this.storedTemplate()
    return { template: stored ?? DEFAULT_EXPORT_TEMPLATE, isDefault: stored === null, defaultTemplate: DEFAULT_EXPORT_TEMPLATE }
  }

  /** Saves the analyst's template after checking that it compiles and renders a sample article. */
  setTemplate(template: string): TemplateInfo {
    compileExportTemplate(template)
    if (template === DEFAULT_EXPORT_TEMPLATE) this.settings.delete(TEMPLATE_KEY)
    else this.settings.set(TEMPLATE_KEY, template)
    return this.template()
  }

  resetTemplate(): TemplateInfo {
    this.settings.delete(TEMPLATE_KEY)
    return this.template()
  }

  /**
   * One article (or the first in the library, or a sample) rendered through a template that is not
   * saved yet. Compiled here, so a broken template is named at once; rendered in the compute worker
   * with a time budget, so a template that runs away stalls nothing else.
   */
  async preview(template: string, articleId?: string, includeArticle = false): Promise<{ markdown: string }> {
    compileExportTemplate(template)
    const id = articleId ?? this.articleIds({ kind: 'all' }).at(-1)
    const [item] = id ? new ExportSource(this.db, includeArticle).load([id]) : []
    const context = item ? exportContext(item.article, item.highlights) : exportContext(SAMPLE_ARTICLE, [])
    return { markdown: await this.compute.run({ kind: 'renderTemplate', template, context }, { budgetMs: TEMPLATE_BUDGET_MS }) }
  }

  private storedTemplate(): string | null {
    return this.settings.get(TEMPLATE_KEY, z.string().max(MAX_TEMPLATE_CHARS).nullable(), null)
  }

  /**
   * The saved template compiled, or the default if the saved one no longer compiles. Renders with
   * the article's text are stored under their own fingerprint: the same template writes other bytes.
   */
  private renderer(withText: boolean, labelsLocale: UiLocale | null = null, labelName: LabelNamer | null = null): ExportRenderer {
    const stored = this.storedTemplate() ?? DEFAULT_EXPORT_TEMPLATE
    if (this.compiled?.source !== stored) {
      let source = stored
      let render: RenderExport
      try {
        render = exportRender(source)
      } catch {
        source = DEFAULT_EXPORT_TEMPLATE
        render = exportRender(source)
      }
      this.compiled = { source: stored, render, fingerprint: `${EXPORT_RENDERER_VERSION}:${sha256(source)}` }
    }
    const { render, fingerprint } = this.compiled
    // Labels named in another language write other bytes: their renders are stored apart.
    const named = labelsLocale ? `${fingerprint}:labels-${labelsLocale}` : fingerprint
    return { render, fingerprint: withText ? `${named}:text` : named, withText, labelName }
  }
}

const SAMPLE_ARTICLE = {
  id: '00000000-0000-4000-8000-000000000000',
  title: 'Sample article',
  author: null,
  source: null,
  url: null,
  publishedAt: null,
  importedAt: new Date(0).toISOString(),
  tags: [],
  notebookMarkdown: null
}
