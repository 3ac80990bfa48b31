import { DOMParser } from 'linkedom'

/**
 * The number each element of the page's body gets in the copy made for extraction, so what
 * Readability kept (it works on the copy) can be told apart from what it left out, in the page
 * itself. Never set on the page: a site's own attribute of that name is not copied, and
 * sanitizing removes it.
 */
export const OUTLINE_ATTR = 'data-dossier-i'

export interface ReadableCopy {
  /** The copy Readability reads; the body and every element under it carry their number. */
  document: Document
  /**
   * The page's own elements by number: the body is 0, the elements under it follow in document
   * order. The page is not marked: its attributes stay what the site wrote.
   */
  numbered: Element[]
}

/**
 * The copy of a page that Readability scores and rewrites, built in linkedom rather than
 * cloned in jsdom (decision 0058). Readability walks, measures and moves every node, and each of
 * those steps costs jsdom several wrapper and tree-bookkeeping calls: on the same copy it ran
 * 2.5× faster in linkedom, with the same result on every page compared. The page itself stays
 * in jsdom, where DOMPurify sanitizes it; only the numbers of the elements Readability kept come
 * back from the copy (html-outline.ts), never its markup. linkedom runs no script and loads
 * nothing.
 *
 * The copy is made from jsdom's tree, not by parsing the HTML again: linkedom's parser
 * (htmlparser2) does not build the tree the HTML standard's algorithm builds, so elements and
 * their numbers would not line up. Elements, text and comments are copied, with their
 * attributes; inline styles are reduced to what Readability reads of them, as jsdom computes it.
 * The same walk numbers the body's elements in document order: the copy's carry the number as an
 * attribute (OUTLINE_ATTR: Readability moves elements and remakes some under another tag, copying
 * their attributes), the page's are listed by number, so what extraction kept can be found in
 * the page.
 */
export function readableCopy(page: Document): ReadableCopy {
  const copy = PARSER.parseFromString('<html></html>', 'text/html') as unknown as Document
  const root = copy.documentElement
  root.replaceChildren()
  copyAttributes(page.documentElement, root)
  const numbered: Element[] = []
  copyTree(page.documentElement, root, copy, { from: page.body, to: numbered })
  // Readability reads the title as jsdom gives it, its white space collapsed.
  Object.defineProperty(copy, 'title', { value: page.title })
  keepBodyForRetries(page.body, copy, numbered)
  return { document: copy, numbered }
}

const PARSER = new DOMParser()

/**
 * Readability keeps the body's HTML before its first attempt (`page.innerHTML`), to put the page
 * back when an attempt finds too little text and it tries again with looser rules. Serializing
 * the copy for that is a fifth of its work on a news page, and most pages need no second
 * attempt. The copy's body hands out a token instead, and is made again from the page's tree
 * when that token is written back: the same tree and numbers, which parsing the HTML again would
 * not always give (linkedom's parser does not build the HTML standard's tree).
 */
function keepBodyForRetries(pageBody: HTMLElement, copy: Document, numbered: Element[]): void {
  const body = copy.body
  // Every page has a body by now (removeInert gives one to a frameset page); a copy without one
  // would leave Readability nothing to read, and nothing to keep.
  if (!body) return
  Object.defineProperty(body, 'innerHTML', {
    configurable: true,
    get: () => BODY_KEPT,
    set(html: string) {
      if (html !== BODY_KEPT) throw new Error('the copy of the page is only ever restored, never written')
      body.replaceChildren()
      // The same walk as the first: the same elements get the same numbers again.
      copyTree(pageBody, body, copy, { from: pageBody, to: numbered, next: 1 })
    }
  })
}

const BODY_KEPT = '<!-- dossier: the page as copied -->'

interface Numbering {
  /** The element whose subtree is numbered (the page's body). */
  from: Element
  /** The page's elements by number, filled as they are met. */
  to: Element[]
  /** The next number; starts at 0 with `from` itself, or past it when `from` is not walked. */
  next?: number
}

/**
 * Copies the children of `from` under `to`, in document order, without recursion, numbering
 * `numbering.from` and the elements under it.
 */
function copyTree(from: Node, to: Element, copy: Document, numbering: Numbering): void {
  let src: Node | null = from.firstChild
  let dst: Node = to
  // Walking the numbered element's own children: numbering from the start.
  let inside = from === numbering.from
  let n = numbering.next ?? 0
  while (src) {
    let made: Element | null = null
    if (src.nodeType === ELEMENT) {
      const el = src as Element
      made = copy.createElement(el.localName)
      copyAttributes(el, made)
      if (el === numbering.from) inside = true
      if (inside) {
        numbering.to[n] = el
        made.setAttribute(OUTLINE_ATTR, String(n++))
      }
      dst.appendChild(made)
    } else if (src.nodeType === TEXT) dst.appendChild(copy.createTextNode((src as Text).data))
    else if (src.nodeType === COMMENT) dst.appendChild(copy.createComment((src as Comment).data))
    if (made && src.firstChild) {
      src = src.firstChild
      dst = made
      continue
    }
    if (src === numbering.from) inside = false
    while (src && src !== from && !src.nextSibling) {
      src = src.parentNode
      dst = dst.parentNode!
      if (src === numbering.from) inside = false
    }
    src = src && src !== from ? src.nextSibling : null
  }
}

function copyAttributes(from: Element, to: Element): void {
  // Names and values as strings: jsdom's `attributes` makes an Attr wrapper for each.
  for (const name of from.getAttributeNames()) {
    // A number the site wrote itself is not one of ours.
    if (name === OUTLINE_ATTR) continue
    if (name === 'style') {
      const style = visibility(from as HTMLElement)
      if (style) to.setAttribute('style', style)
    } else to.setAttribute(name, from.getAttribute(name)!)
  }
}

/**
 * Readability reads `style.display` and `style.visibility` only (hidden parts are not the
 * story). linkedom splits a style attribute naively ("display: none !important" would read as
 * shown), so the copy carries the two values as jsdom's CSS parser reads them, and nothing else.
 */
function visibility(el: HTMLElement): string {
  const parts: string[] = []
  if (el.style.display === 'none') parts.push(HIDDEN_DISPLAY)
  if (el.style.visibility === 'hidden') parts.push(HIDDEN_VISIBILITY)
  return parts.join('; ')
}

const HIDDEN_DISPLAY = 'display: none'
const HIDDEN_VISIBILITY = 'visibility: hidden'

/**
 * Readability's `_isProbablyVisible` for an element of the copy, reading the style the copy
 * carries as a string: linkedom answers `el.style` through a proxy that splits the attribute
 * again at every read, and Readability asks for every element it walks. The other conditions
 * are Readability 0.6's own.
 */
export function isProbablyVisibleInCopy(node: Element): boolean {
  const style = node.getAttribute('style')
  if (style !== null && (style.includes(HIDDEN_DISPLAY) || style.includes(HIDDEN_VISIBILITY))) return false
  if (node.hasAttribute('hidden')) return false
  return node.getAttribute('aria-hidden') !== 'true' || (node.getAttribute('class') ?? '').includes('fallback-image')
}

const ELEMENT = 1
const TEXT = 3
const COMMENT = 8
