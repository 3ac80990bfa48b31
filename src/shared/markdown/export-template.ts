import Handlebars from 'handlebars'
import { DossierError } from '../errors'
import { blockquote, escapeMarkdownInline, tidyLines } from './escape-markdown'
import type { ExportContext } from './export-context'
import { stringify } from 'yaml'

export type RenderExport = (context: ExportContext) => string

/** The largest template accepted: a template is a page of text, not a data store. */
export const MAX_TEMPLATE_CHARS = 100_000

const env = Handlebars.create()

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
const KNOWN_HELPERS = { blockquote: true, escape: true, yaml: true, join: true } as const

/**
 * Compiles an export template, or throws invalid_input naming the line at fault. Output is not
 * HTML-escaped: the context's fields are escaped for Markdown already (see export-context.ts).
 */
export function compileExportTemplate(source: string): RenderExport {
  if (source.length > MAX_TEMPLATE_CHARS) {
    throw new DossierError('invalid_input', `template: longer than ${MAX_TEMPLATE_CHARS.toLocaleString('en')} characters.`)
  }
  let ast: hbs.AST.Program
  try {
    ast = env.parse(source)
  } catch (err) {
    throw templateError(err)
  }
  checkBlockArguments(ast)
  let template: HandlebarsTemplateDelegate<ExportContext>
  try {
    template = env.compile<ExportContext>(ast, { noEscape: true, knownHelpers: KNOWN_HELPERS, knownHelpersOnly: true })
    // Compiling is lazy; a first run on a sample finds what only compilation sees.
    template(SAMPLE_CONTEXT)
  } catch (err) {
    throw templateError(err)
  }
  return (context) => {
    const out = template(context)
    return out.endsWith('\n') ? out : `${out}\n`
  }
}

/** Handlebars reports `#if` with no argument only when it runs, without a line: find it here. */
function checkBlockArguments(ast: hbs.AST.Program): void {
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return
    const n = node as { type?: string; path?: { original?: unknown }; params?: unknown[]; loc?: hbs.AST.SourceLocation }
    if (n.type === 'BlockStatement' && typeof n.path?.original === 'string' && BUILT_IN_BLOCKS.has(n.path.original)) {
      if ((n.params?.length ?? 0) !== 1) {
        throw new DossierError('invalid_input', `template: line ${n.loc?.start.line ?? '?'}: {{#${n.path.original}}} needs exactly one value, as in {{#${n.path.original} notebook}}.`)
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
    return new DossierError('invalid_input', `template: line ${parse[1]}: the template does not parse here${got ? ` (unexpected ${describeToken(got)})` : ''}; check that every {{ has its }} and every {{#block}} its {{/block}}.`)
  }
  const lexical = /^Parse error on line (\d+):/.exec(message)
  if (lexical) return new DossierError('invalid_input', `template: line ${lexical[1]}: the template does not parse here.`)
  // Compiler errors end with " - line:column".
  const at = / - (\d+):(\d+)$/.exec(message)
  const text = message.replace(/ - \d+:\d+$/, '').replace(/^You specified knownHelpersOnly, but used the unknown helper (\S+)$/, 'unknown helper "$1" (known: blockquote, escape, yaml, join, if, unless, each, with)')
  return new DossierError('invalid_input', `template: ${at ? `line ${at[1]}: ` : ''}${text}.`)
}

function describeToken(token: string): string {
  const names: Record<string, string> = { EOF: 'end of template', INVALID: 'character', CLOSE: '}}', OPEN: '{{' }
  return names[token] ?? token.toLowerCase().replace(/_/g, ' ')
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
  published: '2026-01-01',
  imported: '2026-01-02T00:00:00.000Z',
  tags: ['tag'],
  notebook: 'Notebook text.',
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
      raw: { quote: 'A quote.', label: 'Key fact', tags: ['tag'] }
    }
  ],
  raw: { title: 'Sample', author: 'A. Writer', source: 'The Source', url: 'https://example.org/a', tags: ['tag'] }
}
