import { DOMParser } from 'linkedom'
import { OUTLINE_ATTR } from './html-sanitize'

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
 * The same walk numbers the body's elements, in document order, in the page and in the copy
 * alike (OUTLINE_ATTR), so what extraction kept can be found in the page.
 */
export function readableCopy(page: Document): Document {
  const copy = PARSER.parseFromString('<html></html>', 'text/html') as unknown as Document
  const root = copy.documentElement
  root.replaceChildren()
  copyAttributes(page.documentElement, root)
  copyTree(page.documentElement, root, copy, page.body)
  // Readability reads the title as jsdom gives it, its white space collapsed.
  Object.defineProperty(copy, 'title', { value: page.title })
  return copy
}

const PARSER = new DOMParser()

/**
 * Copies the children of `from` under `to`, in document order, without recursion, numbering
 * `numbered` and the elements under it.
 */
function copyTree(from: Node, to: Element, copy: Document, numbered: Element): void {
  let src: Node | null = from.firstChild
  let dst: Node = to
  let numbering = false
  let n = 0
  while (src) {
    let made: Element | null = null
    if (src.nodeType === ELEMENT) {
      const el = src as Element
      made = copy.createElement(el.localName)
      copyAttributes(el, made)
      if (el === numbered) numbering = true
      if (numbering) {
        const number = String(n++)
        el.setAttribute(OUTLINE_ATTR, number)
        made.setAttribute(OUTLINE_ATTR, number)
      }
      dst.appendChild(made)
    } else if (src.nodeType === TEXT) dst.appendChild(copy.createTextNode((src as Text).data))
    else if (src.nodeType === COMMENT) dst.appendChild(copy.createComment((src as Comment).data))
    if (made && src.firstChild) {
      src = src.firstChild
      dst = made
      continue
    }
    if (src === numbered) numbering = false
    while (src && src !== from && !src.nextSibling) {
      src = src.parentNode
      dst = dst.parentNode!
      if (src === numbered) numbering = false
    }
    src = src && src !== from ? src.nextSibling : null
  }
}

function copyAttributes(from: Element, to: Element): void {
  // Names and values as strings: jsdom's `attributes` makes an Attr wrapper for each.
  for (const name of from.getAttributeNames()) {
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
