import { isoDate } from '../text/iso-date'
import { rtlScriptLanguage, textDirection } from '../text/direction'
import BRIEF_CSS from './brief.css?raw'
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
<body class="brief-doc">
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


function blockHtml(block: BriefBlock): string {
  switch (block.kind) {
    case 'heading': {
      const level = Math.min(6, block.level + 1)
      return `<h${level}${dir(plain(block.text))}>${inline(block.text)}</h${level}>`
    }
    case 'paragraph':
      return plain(block.text).trim() ? `<p${dir(plain(block.text))}>${inline(block.text)}</p>` : ''
    case 'keyJudgement':
      if (!plain(block.text).trim()) return ''
      return `<p class="key-judgement"${dir(plain(block.text))}><span class="kj">Key judgement</span>${inline(block.text)}</p>`
    case 'blockquote':
      return `<blockquote${dir(plain(block.text))}><p>${inline(block.text)}</p></blockquote>`
    case 'quote': {
      const n = block.cite + 1
      const label = block.label ? `<span class="label">${esc(block.label)}</span>` : ''
      return `<blockquote class="cited"${dir(block.quote)}>${label}<p>${esc(block.quote).replace(/\n/g, '<br>')}<sup><a href="#fn${n}" id="fnref${n}" aria-label="Note ${n}">${n}</a></sup></p></blockquote>`
    }
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul'
      return `<${tag}>${block.items.map((item) => `<li${dir(plain(item))}>${inline(item)}</li>`).join('')}</${tag}>`
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

/**
 * A right-to-left block says so, with the language its letters suggest, so the printed PDF lays it
 * out and shapes it right to left (decision 0028); left-to-right blocks inherit the page's.
 */
function dir(text: string): string {
  if (textDirection(text) !== 'rtl') return ''
  const lang = rtlScriptLanguage(text)
  return ` dir="rtl"${lang ? ` lang="${lang}"` : ''}`
}

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
