import { blockquote } from './escape-markdown'
import type { ExportContext } from './export-context'

/**
 * The export template Dossier ships with (Handlebars). Each highlight is a blockquote holding
 * its label, the quote, a link back to the passage and its note (a quote inside the quote); the block id follows on its own line,
 * which is where Obsidian wants the id of a quote, so `[[file#^h-…]]` embeds the whole quote.
 * With the article's text included, it comes before the highlights under "## Article", and a
 * highlight whose id is on its paragraph there is not given it again after its quote.
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
{{#if articleBody}}

## Article

{{articleBody}}
{{/if}}

## Highlights
{{#each highlights}}

{{#blockquote}}
{{#if label}}
**{{label}}**{{#if orphaned}} · _passage no longer found in the article_{{/if}}

{{/if}}
{{quote}}
{{#if grade}}

Grade: **{{grade}}** ({{gradeMeaning}})
{{/if}}

{{#if page}}{{page}} · {{/if}}[Open in Dossier]({{dossierUrl}})
{{#if note}}

{{#blockquote}}
{{note}}
{{/blockquote}}
{{/if}}
{{/blockquote}}
{{#unless inArticle}}

^{{blockId}}
{{/unless}}
{{else}}

_No highlights yet._
{{/each}}
`

/**
 * DEFAULT_EXPORT_TEMPLATE written out as code: the same output byte for byte (a property test
 * compares the two on random articles), without Handlebars' per-call overhead, which at 100,000
 * highlights was the larger part of an export's time. A custom template goes through Handlebars.
 */
export function renderDefaultTemplate(c: ExportContext): string {
  let out = `${c.frontMatter}\n\n# ${c.title}\n`
  if (c.sourceLink) out += `\nSource: ${c.sourceLink}\n`
  if (c.notebook) out += `\n${c.notebook}\n`
  if (c.articleBody) out += `\n## Article\n\n${c.articleBody}\n`
  out += '\n## Highlights\n'
  if (c.highlights.length === 0) return `${out}\n_No highlights yet._\n`
  for (const h of c.highlights) {
    const label = h.label ? `**${h.label}**${h.orphaned ? ' · _passage no longer found in the article_' : ''}\n\n` : ''
    const grade = h.grade ? `\n\nGrade: **${h.grade}** (${h.gradeMeaning})` : ''
    // The note is a quote inside the highlight's quote: Obsidian, Pandoc and GitHub all show it
    // under the passage, and the block id after the quote takes both.
    const note = h.note ? `\n\n${blockquote(h.note)}` : ''
    const page = h.page ? `${h.page} · ` : ''
    // A highlight whose block id the article's text holds is linked there; one id, one place.
    const id = h.inArticle ? '' : `\n^${h.blockId}\n`
    out += `\n${blockquote(`${label}${h.quote}${grade}\n\n${page}[Open in Dossier](${h.dossierUrl})${note}`)}\n${id}`
  }
  return out
}
