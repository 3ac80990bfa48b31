import type { MessageKey } from '../i18n/messages'

/**
 * The export template's fields and helpers as the template editor shows them, so the analyst reads
 * the help inside Dossier. docs/export-template.md has the same list at length; a test checks
 * that every name here is documented there.
 */
export interface TemplateHelpEntry {
  /** The field or helper as written in a template: code, never translated. */
  name: string
  /** What it gives, in the interface language. */
  what: MessageKey
  /** Code quoted in the description (field names, syntax), passed to the message as is. */
  code?: Readonly<Record<string, string>>
}

export const TEMPLATE_HELP: readonly TemplateHelpEntry[] = [
  { name: '{{frontMatter}}', what: 'export:help.frontMatter', code: { id: 'dossier_id', url: 'dossier_url' } },
  { name: '{{title}}', what: 'export:help.title' },
  { name: '{{author}} {{source}} {{url}} {{published}} {{imported}}', what: 'export:help.fields' },
  { name: '{{sourceLink}}', what: 'export:help.sourceLink', code: { url: 'url' } },
  { name: '{{tags}}', what: 'export:help.tags', code: { join: '{{join tags ", "}}' } },
  { name: '{{notebook}}', what: 'export:help.notebook' },
  { name: '{{articleBody}}', what: 'export:help.articleBody', code: { marks: '==…==' } },
  { name: '{{dossierUrl}}', what: 'export:help.dossierUrl', code: { scheme: 'dossier://' } },
  { name: '{{#each highlights}}', what: 'export:help.highlights' },
  { name: '{{quote}} {{label}} {{note}}', what: 'export:help.quote' },
  { name: '{{blockId}}', what: 'export:help.blockId', code: { id: 'h-<id>', ref: '^{{blockId}}', link: '[[file#^h-…]]' } },
  { name: '{{inArticle}}', what: 'export:help.inArticle', code: { body: 'articleBody', ref: '^{{blockId}}', unless: '{{#unless inArticle}}' } },
  { name: '{{tags}} {{created}} {{orphaned}} {{color}}', what: 'export:help.highlightFields' },
  { name: '{{raw.title}} {{raw.quote}} …', what: 'export:help.raw' },
  { name: '{{#blockquote}}…{{/blockquote}}', what: 'export:help.blockquote', code: { prefix: '"> "' } },
  { name: '{{escape value}} {{yaml value}} {{join list ", "}}', what: 'export:help.escape' },
  { name: '{{#if}} {{#unless}} {{#each}} {{#with}}', what: 'export:help.blocks' }
]
