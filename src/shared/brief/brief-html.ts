import { isoDate } from '../text/iso-date'
import { plain, safeHref, type BriefBlock, type Inline } from './brief-document'
import type { BriefRenderInput } from './brief-render-input'

/**
 * The brief as one self-contained HTML file: styles inline, no scripts, no outside resources,
 * footnotes as links down to the notes and back. The same file, printed, is the PDF (the print
 * styles below drop the link colours and keep a quote and its note reference together).
 */
export function briefHtml(input: BriefRenderInput): string {
  const { brief, notes } = input
  const body = brief.blocks.map(blockHtml).join('\n')
  const footnotes = notes
    .map((note, i) => `<li id="fn${i + 1}">${esc(note)} <a href="#fnref${i + 1}" class="back" aria-label="Back to quote ${i + 1}">↩</a></li>`)
    .join('\n')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="Dossier">
<title>${esc(brief.title)}</title>
<style>
${BRIEF_CSS}
</style>
</head>
<body>
<main>
<header><h1>${esc(brief.title)}</h1>
<p class="meta">Case ${esc(input.caseName)} · ${esc(isoDate(input.generatedAt) ?? input.generatedAt)}${brief.draft ? ' · draft' : ''} · citations: ${esc(input.styleTitle)}</p></header>
${body}
<section class="footnotes" aria-label="Notes"><h2>Notes</h2>
<ol>
${footnotes}
</ol></section>
${appendixHtml(input)}
</main>
</body>
</html>
`
}

const BRIEF_CSS = `body { font: 11pt/1.5 Georgia, "Times New Roman", serif; color: #1a1a1a; background: #fff; margin: 0; }
main { max-width: 42rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3, h4 { font-family: system-ui, sans-serif; line-height: 1.2; }
.meta { color: #555; font-size: 0.9em; }
blockquote { margin: 1em 0; padding-left: 1em; border-left: 3px solid #888; }
blockquote .label { display: block; font: 0.8em system-ui, sans-serif; color: #555; }
.key-judgement { border: 2px solid #1f4e79; background: #eef4fa; padding: 0.6em 0.8em; font-weight: bold; }
.key-judgement .kj { text-transform: uppercase; font-size: 0.8em; letter-spacing: 0.05em; display: block; color: #1f4e79; }
sup a { text-decoration: none; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; margin: 1em 0; }
th, td { border: 1px solid #999; padding: 0.25em 0.4em; text-align: left; vertical-align: top; }
caption { caption-side: bottom; font-style: italic; color: #555; text-align: left; }
.footnotes { font-size: 0.9em; border-top: 1px solid #999; margin-top: 2em; }
.appendix td:last-child { font-family: ui-monospace, monospace; font-size: 0.8em; word-break: break-all; }
@media print {
  main { max-width: none; margin: 0; }
  a { color: inherit; text-decoration: none; }
  a.back { display: none; }
  blockquote, .key-judgement, tr { break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; }
  .appendix { break-before: page; }
}`

function blockHtml(block: BriefBlock): string {
  switch (block.kind) {
    case 'heading': {
      const level = Math.min(6, block.level + 1)
      return `<h${level}>${inline(block.text)}</h${level}>`
    }
    case 'paragraph':
      return plain(block.text).trim() ? `<p>${inline(block.text)}</p>` : ''
    case 'keyJudgement':
      if (!plain(block.text).trim()) return ''
      return `<p class="key-judgement"><span class="kj">Key judgement</span>${inline(block.text)}</p>`
    case 'blockquote':
      return `<blockquote><p>${inline(block.text)}</p></blockquote>`
    case 'quote': {
      const n = block.cite + 1
      const label = block.label ? `<span class="label">${esc(block.label)}</span>` : ''
      return `<blockquote class="cited">${label}<p>${esc(block.quote).replace(/\n/g, '<br>')}<sup><a href="#fn${n}" id="fnref${n}" aria-label="Note ${n}">${n}</a></sup></p></blockquote>`
    }
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul'
      return `<${tag}>${block.items.map((item) => `<li>${inline(item)}</li>`).join('')}</${tag}>`
    }
    case 'table':
      return tableHtml(block.table.title, block.table.columns, block.table.rows, block.table.caption)
    case 'rule':
      return '<hr>'
  }
}

function appendixHtml(input: BriefRenderInput): string {
  const m = input.manifest
  const head = m.logHead ? `Activity log head at export: entry ${m.logHead.seq}, SHA-256 ${m.logHead.hash}.` : 'The activity log is empty.'
  const rows = m.articles.map((a) => [a.title, a.source ?? '', a.reliability ?? '', a.url ?? '', isoDate(a.importedAt) ?? a.importedAt, a.originalSha256 ?? ''])
  return `<section class="appendix" aria-label="Evidence appendix"><h2>Evidence appendix</h2>
<p>The case’s evidence manifest (${m.articles.length} article${m.articles.length === 1 ? '' : 's'}). ${esc(head)}</p>
${tableHtml('', ['Title', 'Source', 'Reliability', 'URL', 'Imported', 'Original SHA-256'], rows, '')}</section>`
}

function tableHtml(title: string, columns: readonly string[], rows: readonly (readonly string[])[], caption: string): string {
  const head = `<tr>${columns.map((c) => `<th scope="col">${esc(c)}</th>`).join('')}</tr>`
  const body = rows.map((r) => `<tr>${columns.map((_, i) => `<td>${esc(r[i] ?? '')}</td>`).join('')}</tr>`).join('\n')
  const titleHtml = title ? `<p><strong>${esc(title)}</strong></p>\n` : ''
  return `${titleHtml}<table>${caption ? `<caption>${esc(caption)}</caption>` : ''}<thead>${head}</thead><tbody>${body}</tbody></table>`
}

function inline(text: readonly Inline[]): string {
  return text
    .map((run) => {
      if (run.text === '\n') return '<br>'
      let s = esc(run.text)
      if (run.bold) s = `<strong>${s}</strong>`
      if (run.italic) s = `<em>${s}</em>`
      const href = safeHref(run.href)
      return href ? `<a href="${esc(href)}">${s}</a>` : s
    })
    .join('')
}

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
