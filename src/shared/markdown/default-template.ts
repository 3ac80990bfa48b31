/**
 * The export template Dossier ships with (Handlebars). Each highlight is a blockquote holding
 * its label, the quote and a link back to the passage; the block id follows on its own line,
 * which is where Obsidian wants the id of a quote, so `[[file#^h-…]]` embeds the whole quote.
 * docs/export-template.md documents every field.
 */
export const DEFAULT_EXPORT_TEMPLATE = `{{frontMatter}}

# {{title}}
{{#if sourceLink}}

Source: {{sourceLink}}
{{/if}}
{{#if notebook}}

{{notebook}}
{{/if}}

## Highlights
{{#each highlights}}

{{#blockquote}}
{{#if label}}
**{{label}}**{{#if orphaned}} · _passage no longer found in the article_{{/if}}

{{/if}}
{{quote}}

[Open in Dossier]({{dossierUrl}})
{{/blockquote}}

^{{blockId}}
{{#if note}}

{{note}}
{{/if}}
{{else}}

_No highlights yet._
{{/each}}
`
