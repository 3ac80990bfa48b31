import { rtlScriptLanguage, textDirection } from '../text/direction'
import BRIEF_CSS from './brief.css?raw'
import { plain, safeHref, type BriefBlock, type Inline } from './brief-document'
import type { BriefRenderInput } from './brief-render-input'
import { appendixColumns, appendixIntro, appendixRows, metaLine, quoteLabel, tableOf } from './brief-words'
import type { Translate } from '../i18n/messages'

/**
 * The brief as one self-contained HTML file: styles inline, no scripts, no outside resources,
 * footnotes as links down to the notes and back. The same file, printed, is the PDF (the print
 * styles below drop the link colours and keep a quote and its note reference together).
 */
export function briefHtml(input: BriefRenderInput): string {
  const { brief, notes } = input
  const { t } = input
  const body = brief.blocks.map((b) => blockHtml(b, t)).join('\n')
  const footnotes = notes
    .map((note, i) => `<li id="fn${i + 1}">${esc(note)} <a href="#fnref${i + 1}" class="back" aria-label="${esc(t('brief:export.backToQuote', { n: i + 1 }))}">↩</a></li>`)
    .join('\n')
  const notesHeading = esc(t('brief:export.notes'))
  return `<!doctype html>
<html lang="${esc(input.lang)}">
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
<p class="meta">${esc(metaLine(input))}</p></header>
${body}
<section class="footnotes" aria-label="${notesHeading}"><h2>${notesHeading}</h2>
<ol>
${footnotes}
</ol></section>
${appendixHtml(input)}
</main>
</body>
</html>
`
}


function blockHtml(block: BriefBlock, t: Translate): string {
  switch (block.kind) {
    case 'heading': {
      const level = Math.min(6, block.level + 1)
      return `<h${level}${dir(plain(block.text))}>${inline(block.text)}</h${level}>`
    }
    case 'paragraph':
      return plain(block.text).trim() ? `<p${dir(plain(block.text))}>${inline(block.text)}</p>` : ''
    case 'keyJudgement':
      if (!plain(block.text).trim()) return ''
      return `<p class="key-judgement"${dir(plain(block.text))}><span class="kj">${esc(t('brief:export.keyJudgement'))}</span>${inline(block.text)}</p>`
    case 'blockquote':
      return `<blockquote${dir(plain(block.text))}><p>${inline(block.text)}</p></blockquote>`
    case 'quote': {
      const n = block.cite + 1
      const said = quoteLabel(block, t)
      const label = said ? `<span class="label">${esc(said)}</span>` : ''
      return `<blockquote class="cited"${dir(block.quote)}>${label}<p>${esc(block.quote).replace(/\n/g, '<br>')}<sup><a href="#fn${n}" id="fnref${n}" aria-label="${esc(t('brief:export.noteRef', { n }))}">${n}</a></sup></p></blockquote>`
    }
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul'
      return `<${tag}>${block.items.map((item) => `<li${dir(plain(item))}>${inline(item)}</li>`).join('')}</${tag}>`
    }
    case 'table': {
      const { title, columns, rows, caption } = tableOf(block, t)
      return tableHtml(title, columns, rows, caption)
    }
    case 'rule':
      return '<hr>'
  }
}

function appendixHtml(input: BriefRenderInput): string {
  const heading = esc(input.t('brief:export.appendix'))
  return `<section class="appendix" aria-label="${heading}"><h2>${heading}</h2>
<p>${esc(appendixIntro(input))}</p>
${tableHtml('', appendixColumns(input.t), appendixRows(input), '')}</section>`
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
