import type { Config, DOMPurify } from 'dompurify'
import { BLOCK_TAGS } from './html-to-blocks'

/**
 * What the block builder reads. Everything else is removed by DOMPurify, keeping its text unless
 * FORBID_CONTENTS says otherwise. Images, media, embeds, SVG, MathML, forms and scripts are not
 * on the list; nothing here is ever rendered as HTML, but a short list keeps the sanitizer's
 * work and our attack surface small.
 */
const ALLOWED_TAGS = [
  'body', 'article', 'section', 'main', 'nav', 'div', 'header', 'footer', 'aside', 'dialog', 'address', 'center', 'hgroup',
  'figure', 'figcaption', 'details', 'summary', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'hr', 'br',
  'a', 'b', 'strong', 'i', 'em', 'cite', 'dfn', 'var', 'code', 'kbd', 'samp', 'tt', 'span', 'small', 'big', 'font',
  'sub', 'sup', 'u', 's', 'strike', 'del', 'ins', 'mark', 'q', 'abbr', 'time', 'data', 'bdi', 'bdo', 'wbr'
]

/**
 * Controls: their words are labels, never the story ("Subscribe", "Search"), so their text goes
 * with them. Navigation (`nav`) is kept, to be listed as removed text with its reason.
 * DOMPurify's own list (script, style, template, svg, math, iframe, noscript, xmp, …) stays in
 * force.
 */
export const CONTROL_TAGS = ['button', 'select', 'option', 'textarea', 'input', 'label', 'menu']

export const PURIFY_CONFIG: Config & { IN_PLACE: true } = {
  IN_PLACE: true,
  ALLOWED_TAGS,
  // Class, id and role let the block builder recognise share bars and comment sections.
  ALLOWED_ATTR: ['href', 'class', 'id', 'role', 'aria-label', 'lang'],
  ALLOW_DATA_ATTR: false,
  // http(s), mailto and relative references only; relative ones are resolved or dropped later.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  ADD_FORBID_CONTENTS: CONTROL_TAGS,
  // Off by default, but said here: SAFE_FOR_TEMPLATES would rewrite "{{" in article text.
  SAFE_FOR_TEMPLATES: false,
  // The page is never serialized, as XML or as HTML: the block builder reads its text and hrefs.
  // SAFE_FOR_XML guards serialized output read as XML (markup in comments and processing
  // instructions, attributes that break out of a value) and costs DOMPurify a walk of the whole
  // tree, a fifth of its time here; the elements it would also remove (raw-text elements holding
  // markup) are removed before it (removeInert) and not allowed anyway. Decision 0062.
  SAFE_FOR_XML: false
}

/** Sanitizes `root` where it stands, so no copy of the page is made. */
export function sanitizeInPlace(purify: DOMPurify, root: Element): void {
  purify.sanitize(root)
}

/**
 * jsdom parses without scripting, so `noscript` holds ordinary elements, and a `</noscript>`
 * hidden in an attribute leaves it open to the end of the page. Readability and DOMPurify both
 * remove a `noscript` with everything inside, which would silently drop the article's body:
 * unwrap it first and let its children be judged like any others.
 */
export function unwrapNoscript(doc: Document): void {
  for (const el of Array.from(doc.getElementsByTagName('noscript'))) el.replaceWith(...Array.from(el.childNodes))
}

/**
 * What never carries article text, removed before extraction so Readability scores less and
 * nothing can resolve links against a `<base>`: scripts, styles, embedded documents and media,
 * graphics, and form controls. A `<form>` itself is unwrapped, not removed: some sites (ASP.NET
 * pages) wrap the whole page in one. The same pass drops the white space between blocks
 * (dropLayoutWhitespace).
 */
const INERT = new Set([
  'script', 'style', 'template', 'base', 'link', 'meta', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'canvas', 'svg', 'math', 'video', 'audio', 'noembed', 'noframes', 'xmp', 'plaintext', ...CONTROL_TAGS
])

/**
 * A wiki's "[edit]" links beside each heading (MediaWiki's `mw-editsection`, on Wikipedia and
 * every wiki built on it): controls, whose words would end every heading ("History[edit]").
 */
const EDIT_SECTION = /(?:^|\s)mw-editsection(?:\s|$)/

export function removeInert(doc: Document): void {
  const hasPre = doc.getElementsByTagName('pre').length > 0
  // One pass over the element list: cheaper in jsdom than its selector engine.
  for (const el of Array.from(doc.getElementsByTagName('*'))) {
    const tag = el.localName
    if (INERT.has(tag) || (tag === 'span' && EDIT_SECTION.test(el.getAttribute('class') ?? ''))) el.remove()
    else if (tag === 'form') el.replaceWith(...Array.from(el.childNodes))
    else if (BLOCK_TAGS.has(tag) && !(hasPre && el.closest('pre'))) dropLayoutWhitespace(el)
  }
  // A frameset page has no body, and has none left once its frames are gone: give it an empty one.
  if (!doc.body) doc.documentElement.append(doc.createElement('body'))
}

/**
 * The white space that only lays out the markup: a text node of nothing but spaces and line
 * breaks between two blocks (or a block and its parent's edge), which the block builder never
 * reads and a browser never shows. Indented markup has one before and after every block, often
 * a third of a page's nodes, and every later step walks them: extraction's copy, Readability,
 * DOMPurify's passes, the block builder. Inside `pre` every space is the author's, and stays.
 */
function dropLayoutWhitespace(block: Element): void {
  for (let node = block.firstChild; node; ) {
    const next = node.nextSibling
    if (node.nodeType === TEXT_NODE && LAYOUT_ONLY.test((node as Text).data) && isBlockOrEdge(node.previousSibling) && isBlockOrEdge(next)) node.remove()
    node = next
  }
}

const TEXT_NODE = 3
/** White space as HTML collapses it (not U+00A0, which a page uses to keep a space). */
const LAYOUT_ONLY = /^[ \t\n\f\r]*$/

function isBlockOrEdge(node: Node | null): boolean {
  return node === null || (node.nodeType === 1 && BLOCK_TAGS.has((node as Element).localName))
}

/**
 * Readability deletes every `<aside>`, but a box labelled "Key points" or "Why we wrote this"
 * is part of what the publisher wrote. Such asides become divs marked for the block builder,
 * which keeps them as editorial blocks; other asides are left for Readability to judge.
 */
export function keepEditorialAsides(doc: Document, isEditorial: (aside: Element) => boolean): void {
  for (const aside of Array.from(doc.getElementsByTagName('aside'))) {
    if (!isEditorial(aside)) continue
    const div = doc.createElement('div')
    div.className = `${aside.getAttribute('class') ?? ''} ${EDITORIAL_CLASS}`.trim()
    div.append(...Array.from(aside.childNodes))
    aside.replaceWith(div)
  }
}

export const EDITORIAL_CLASS = 'dossier-editorial'
