/**
 * The export template's fields and helpers as the template editor shows them, so the analyst reads
 * the help inside Dossier. docs/export-template.md has the same list at length; a test checks
 * that every name here is documented there.
 */
export const TEMPLATE_HELP: readonly { name: string; what: string }[] = [
  { name: '{{frontMatter}}', what: 'YAML front matter with every known field, dossier_id and dossier_url.' },
  { name: '{{title}}', what: 'The title, escaped for Markdown.' },
  { name: '{{author}} {{source}} {{url}} {{published}} {{imported}}', what: 'Escaped text; empty when unknown.' },
  { name: '{{sourceLink}}', what: 'The url as a link when it is a plain web address.' },
  { name: '{{tags}}', what: 'The article’s tags (a list: use {{join tags ", "}}).' },
  { name: '{{notebook}}', what: 'The notebook as Markdown.' },
  { name: '{{articleBody}}', what: 'The article’s text as Markdown, passages ==marked==, when the export includes it; else empty.' },
  { name: '{{dossierUrl}}', what: 'A dossier:// link that opens the article.' },
  { name: '{{#each highlights}}', what: 'Each highlight in reading order, with:' },
  { name: '{{quote}} {{label}} {{note}}', what: 'The passage, its label and its note as Markdown.' },
  { name: '{{blockId}}', what: 'h-<id>: write ^{{blockId}} after the quote for [[file#^h-…]] links.' },
  { name: '{{inArticle}}', what: 'articleBody holds this highlight’s ^{{blockId}} already: write it only {{#unless inArticle}}.' },
  { name: '{{tags}} {{created}} {{orphaned}} {{color}}', what: 'The highlight’s tags, date, lost-passage flag and colour.' },
  { name: '{{raw.title}} {{raw.quote}} …', what: 'The same values, unescaped.' },
  { name: '{{#blockquote}}…{{/blockquote}}', what: 'Prefixes every line inside with "> ".' },
  { name: '{{escape value}} {{yaml value}} {{join list ", "}}', what: 'Escape as Markdown, write as YAML, join a list.' },
  { name: '{{#if}} {{#unless}} {{#each}} {{#with}}', what: 'Handlebars’ blocks, each with exactly one value.' }
]
