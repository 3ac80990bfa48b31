import createDOMPurify from 'dompurify'
import { JSDOM } from 'jsdom'
import { canonicalText } from '../../../shared/text/canonical-text'
import { httpUrl } from '../../../shared/import/http-url'
import { clampTitle, titleFromFileName, type ParsedDocument } from '../../../shared/import/parsed-document'

const BLOCKS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'BLOCKQUOTE', 'PRE',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD', 'TABLE', 'TR', 'FIGURE',
  'FIGCAPTION', 'HR', 'ADDRESS'
])

/** Site chrome whose text is never part of the story. */
const CHROME_TAGS = ['nav', 'form', 'button', 'select', 'textarea']

/**
 * An HTML page becomes sanitized text. jsdom never runs scripts or fetches resources unless asked,
 * and DOMPurify strips what could run if the markup were ever rendered. Only text leaves here.
 */
export function parseHtml(html: string, fileName: string): ParsedDocument {
  const { window } = new JSDOM('')
  try {
    const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0])
    const doc = new window.DOMParser().parseFromString(html, 'text/html')
    const meta = readMetadata(doc)
    unwrapNoscript(doc)
    const body = purify.sanitize(doc.body, {
      RETURN_DOM: true,
      FORBID_TAGS: [...CHROME_TAGS, 'style', 'input', 'img', 'svg', 'math'],
      // DOMPurify keeps the text of a forbidden element unless told otherwise; menus and forms
      // would otherwise open every article with "Home World Subscribe".
      ADD_FORBID_CONTENTS: CHROME_TAGS,
      FORBID_ATTR: ['style']
    }) as unknown as HTMLElement
    const text = canonicalText(blockText(body))
    let title = meta.title
    const h1 = body.querySelector('h1')?.textContent?.trim()
    if (!title && h1) title = h1
    return {
      title: clampTitle(title || titleFromFileName(fileName)),
      text: stripLeadingTitle(text, title),
      author: meta.author,
      source: meta.source,
      url: meta.url,
      publishedAt: meta.publishedAt,
      tags: []
    }
  } finally {
    window.close()
  }
}

/**
 * jsdom parses without scripting, so `noscript` holds ordinary elements, and a `</noscript>`
 * hidden in an attribute leaves it open to the end of the page. DOMPurify removes such a
 * `noscript` with everything inside, which would silently drop the article's body: unwrap it
 * first and let its children be sanitized like any others.
 */
function unwrapNoscript(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll('noscript'))) el.replaceWith(...Array.from(el.childNodes))
}

function readMetadata(doc: Document) {
  const metaContent = (...names: string[]) => {
    for (const name of names) {
      const el = doc.querySelector(`meta[property="${name}"], meta[name="${name}"]`)
      const value = el?.getAttribute('content')?.trim()
      if (value) return value
    }
    return null
  }
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() ?? null
  return {
    title: metaContent('og:title', 'twitter:title') ?? (doc.title.trim() || null),
    author: metaContent('author', 'article:author'),
    source: metaContent('og:site_name', 'application-name'),
    url: httpUrl(canonical ?? metaContent('og:url')),
    publishedAt:
      metaContent('article:published_time', 'date', 'dc.date') ??
      doc.querySelector('time[datetime]')?.getAttribute('datetime') ??
      null
  }
}

/** Text with a blank line between blocks, so paragraphs stay paragraphs. */
function blockText(root: Node): string {
  const out: string[] = []
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      out.push((node.nodeValue ?? '').replace(/\s+/g, ' '))
      return
    }
    if (node.nodeType !== 1 && node.nodeType !== 11) return
    const el = node as Element
    const block = node.nodeType === 1 && BLOCKS.has(el.tagName)
    if (el.tagName === 'BR') out.push('\n')
    if (block) out.push('\n\n')
    for (const child of Array.from(node.childNodes)) walk(child)
    if (block) out.push('\n\n')
  }
  walk(root)
  // Trimmed too: the white space before the first block is markup layout, not text.
  return out.join('').replace(/[ \t]*\n[ \t]*/g, '\n').trim()
}

function stripLeadingTitle(text: string, title: string | null): string {
  if (!title) return text
  const first = text.split('\n\n', 1)[0]
  return first === title.trim() ? canonicalText(text.slice(first.length)) : text
}
