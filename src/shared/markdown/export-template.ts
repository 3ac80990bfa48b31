import Handlebars from 'handlebars'
import { DossierError } from '../errors'
import { refuse } from '../refusals'
import { templateToken } from '../refusals/work'
import { blockquote, escapeMarkdownInline, tidyLines } from './escape-markdown'
import type { ExportContext } from './export-context'
import { stringify } from 'yaml'

export type RenderExport = (context: ExportContext) => string

/** The largest template accepted: a template is a page of text, not a data store. */
export const MAX_TEMPLATE_CHARS = 100_000

const env = Handlebars.create()
// `{{log}}` writes to the console of whatever process renders: nothing a Markdown file needs.
env.unregisterHelper('log')

/**
 * What one render may still write. Rendering is synchronous, so one budget at a time is enough;
 * each `{{#each}}` iteration spends its output, which stops a template that multiplies its output
 * (loops inside loops) early instead of after minutes and gigabytes.
 */
let budget = Number.POSITIVE_INFINITY

/** What an iteration costs besides its output, so loops that write nothing still end. */
const ITERATION_COST = 16

function spend(out: string): string {
  budget -= out.length + ITERATION_COST
  if (budget < 0) throw new TemplateOutputTooLarge()
  return out
}

class TemplateOutputTooLarge extends Error {}

const builtInEach = env.helpers.each as Handlebars.HelperDelegate
env.registerHelper('each', function (this: unknown, context: unknown, options: Handlebars.HelperOptions) {
  const fn = options.fn
  const counted = (item: unknown, data?: Handlebars.RuntimeOptions) => spend(fn(item, data))
  return builtInEach.call(this, context, { ...options, fn: Object.assign(counted, fn) })
})

env.registerHelper('blockquote', function (this: unknown, options: Handlebars.HelperOptions) {
  // The last line's newline belongs after the quote, not inside it as an empty `>` line.
  const inner = String(options.fn(this))
  return inner.endsWith('\n') ? `${blockquote(inner.slice(0, -1))}\n` : blockquote(inner)
})
env.registerHelper('escape', (value: unknown) => escapeMarkdownInline(tidyLines(String(value ?? ''))))
env.registerHelper('yaml', (value: unknown) =>
  stringify(value ?? null, { defaultStringType: 'QUOTE_DOUBLE', lineWidth: 0, collectionStyle: 'flow' }).trim()
)
env.registerHelper('join', (list: unknown, separator: unknown) =>
  Array.isArray(list) ? list.join(typeof separator === 'string' ? separator : ', ') : ''
)

const BUILT_IN_BLOCKS = new Set(['if', 'unless', 'each', 'with'])
const KNOWN_HELPERS = { blockquote: true, escape: true, yaml: true, join: true, log: false } as const

/**
 * The most characters a template may write for one article: eight times what the article brings
 * (its fields, notebook, quotes and notes), plus a megabyte. A template that lays its fields out
 * stays far below; one that repeats them in nested loops stops here with a sentence.
 */
export function outputBudget(context: ExportContext): number {
  let size = context.frontMatter.length + context.title.length + context.notebook.length + context.articleBody.length
  for (const h of context.highlights) size += h.quote.length + h.note.length + h.label.length + 200
  return 8 * size + 1024 * 1024
}

/**
 * Compiles an export template, or throws invalid_input naming the line at fault. Output is not
 * HTML-escaped: the context's fields are escaped for Markdown already (see export-context.ts).
 */
export function compileExportTemplate(source: string): RenderExport {
  if (source.length > MAX_TEMPLATE_CHARS) {
    throw refuse('template.too_long', { limit: MAX_TEMPLATE_CHARS })
  }
  let ast: hbs.AST.Program
  try {
    ast = env.parse(source)
  } catch (err) {
    throw templateError(err)
  }
  checkBlockArguments(ast)
  checkNoPartials(ast)
  let template: HandlebarsTemplateDelegate<ExportContext>
  try {
    template = env.compile<ExportContext>(ast, { noEscape: true, knownHelpers: KNOWN_HELPERS, knownHelpersOnly: true })
    // Compiling is lazy; a first run on a sample finds what only compilation sees.
    run(template, SAMPLE_CONTEXT)
  } catch (err) {
    throw templateError(err)
  }
  return (context) => {
    const out = run(template, context)
    return out.endsWith('\n') ? out : `${out}\n`
  }
}

function run(template: HandlebarsTemplateDelegate<ExportContext>, context: ExportContext): string {
  const limit = outputBudget(context)
  budget = limit
  try {
    const out = template(context)
    if (out.length > limit) throw new TemplateOutputTooLarge()
    return out
  } catch (err) {
    // V8 refuses strings past about a billion characters: the same cause, sooner or later.
    if (err instanceof TemplateOutputTooLarge || (err instanceof RangeError && /string length/i.test(err.message))) {
      throw refuse('template.output_too_large', { sizeMb: Math.round((limit / 1024 / 1024) * 10) / 10, title: context.raw.title.slice(0, 80) })
    }
    throw err
  } finally {
    budget = Number.POSITIVE_INFINITY
  }
}

/**
 * Partials (`{{> name}}`, `{{#*inline}}`) and decorators are not part of the template language
 * Dossier documents, and nested partials multiply output without any loop: refused by line.
 */
function checkNoPartials(ast: hbs.AST.Program): void {
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return
    const n = node as { type?: string; loc?: hbs.AST.SourceLocation }
    if (n.type === 'PartialStatement' || n.type === 'PartialBlockStatement' || n.type === 'DecoratorBlock' || n.type === 'Decorator') {
      throw refuse('template.partials', { line: n.loc?.start.line ?? '?' })
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit)
      else if (value && typeof value === 'object' && value !== n.loc) visit(value)
    }
  }
  visit(ast)
}

/** Handlebars reports `#if` with no argument only when it runs, without a line: find it here. */
function checkBlockArguments(ast: hbs.AST.Program): void {
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return
    const n = node as { type?: string; path?: { original?: unknown }; params?: unknown[]; loc?: hbs.AST.SourceLocation }
    if (n.type === 'BlockStatement' && typeof n.path?.original === 'string' && BUILT_IN_BLOCKS.has(n.path.original)) {
      if ((n.params?.length ?? 0) !== 1) {
        throw refuse('template.block_value', { line: n.loc?.start.line ?? '?', block: n.path.original })
      }
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit)
      else if (value && typeof value === 'object' && value !== n.loc) visit(value)
    }
  }
  visit(ast)
}

function templateError(err: unknown): DossierError {
  if (err instanceof DossierError) return err
  const message = err instanceof Error ? err.message : String(err)
  const parse = /^Parse error on line (\d+):\n[\s\S]*?\n(Expecting [\s\S]*)$/.exec(message)
  if (parse) {
    const got = /got '([^']+)'/.exec(parse[2]!)?.[1]
    return got ? refuse('template.unexpected', { line: parse[1]!, token: got, shown: templateToken(got) }) : refuse('template.unbalanced', { line: parse[1]! })
  }
  const lexical = /^Parse error on line (\d+):/.exec(message)
  if (lexical) return refuse('template.no_parse', { line: lexical[1]! })
  // Compiler errors end with " - line:column".
  const at = / - (\d+):(\d+)$/.exec(message)?.[1]
  const text = message.replace(/ - \d+:\d+$/, '')
  const helper = /^You specified knownHelpersOnly, but used the unknown helper (\S+)$/.exec(text)?.[1]
  if (helper !== undefined) return refuse('template.unknown_helper', { line: at ?? '?', helper })
  return at === undefined ? refuse('template.compile', { detail: text }) : refuse('template.compile_at', { line: at, detail: text })
}


/** A small article that exercises every field, for checking a template as it is saved. */
export const SAMPLE_CONTEXT: ExportContext = {
  frontMatter: '---\ntitle: "Sample"\n---',
  id: '00000000-0000-4000-8000-000000000000',
  dossierUrl: 'dossier://article/00000000-0000-4000-8000-000000000000',
  title: 'Sample',
  author: 'A. Writer',
  source: 'The Source',
  url: 'https://example.org/a',
  sourceLink: '<https://example.org/a>',
  reliability: 'B',
  published: '2026-01-01',
  imported: '2026-01-02T00:00:00.000Z',
  tags: ['tag'],
  notebook: 'Notebook text.',
  articleBody: 'The article ==with a quote==. ^h-00000000-0000-4000-8000-000000000001',
  highlights: [
    {
      id: '00000000-0000-4000-8000-000000000001',
      blockId: 'h-00000000-0000-4000-8000-000000000001',
      dossierUrl: 'dossier://highlight/00000000-0000-4000-8000-000000000001',
      label: 'Key fact',
      color: 'yellow',
      quote: 'A quote.',
      note: 'A note.',
      tags: ['tag'],
      created: '2026-01-02T00:00:00.000Z',
      orphaned: false,
      grade: 'B2',
      gradeMeaning: 'source usually reliable; information probably true',
      page: 'p. 12',
      inArticle: true,
      raw: { quote: 'A quote.', label: 'Key fact', tags: ['tag'] }
    }
  ],
  raw: { title: 'Sample', author: 'A. Writer', source: 'The Source', url: 'https://example.org/a', tags: ['tag'] }
}
