import { Readability } from '@mozilla/readability'
import { MAX_ELEMENTS_TO_EXTRACT, withinExtractionBounds } from './html-bounds'
import { isProbablyVisibleInCopy, readableCopy, type ReadableCopy } from './html-copy'
import type { ExtractedHints } from './html-metadata'

export interface Extraction {
  /**
   * The article's root element: in the copy Readability read (html-copy.ts), whose elements
   * carry the page's numbers, or the page's own body when nothing was extracted. Not sanitized.
   */
  root: Element
  hints: ExtractedHints
  /** False when Readability found nothing and the root is the whole body. */
  extracted: boolean
  /** The page's elements by the numbers the copy's carry (html-copy.ts); empty when not extracted. */
  numbered: readonly Element[]
}

/**
 * The article, as Mozilla Readability (Firefox Reader View) finds it. It hands back its element
 * rather than serialized HTML, which we would only parse again; it keeps class names, which the
 * block builder reads to spot chrome. JSON-LD is read by html-metadata.ts already. When it finds
 * nothing (it threw, or returned no text) the page's whole body stands in. It reads a copy of the
 * page made by readableCopy (html-copy.ts), whose inline styles it reads.
 */
function extractArticle({ document: copy, numbered }: ReadableCopy): Extraction {
  let parsed: ReturnType<Readability<Element>['parse']> = null
  try {
    const reader = new Readability<Element>(copy, {
      keepClasses: true,
      disableJSONLD: true,
      // Past this Readability throws, and the whole body is read below: its time grows faster than the page.
      maxElemsToParse: MAX_ELEMENTS_TO_EXTRACT,
      serializer: (node) => node as Element
    })
    const internals = reader as unknown as {
      _getAllNodesWithTag: typeof elementsWithTag
      _isProbablyVisible: typeof isProbablyVisibleInCopy
      _isValidByline: typeof isValidByline
      REGEXPS: { byline: RegExp }
    }
    internals._getAllNodesWithTag = elementsWithTag
    internals._isProbablyVisible = isProbablyVisibleInCopy
    internals._isValidByline = (node, matchString) => isValidByline(node, matchString, internals.REGEXPS.byline)
    parsed = reader.parse()
  } catch {
    parsed = null
  }
  const hints: ExtractedHints = {
    title: parsed?.title,
    byline: parsed?.byline,
    siteName: parsed?.siteName,
    publishedTime: parsed?.publishedTime,
    lang: parsed?.lang
  }
  const root = parsed?.content
  if (root && root.textContent?.trim()) return { root, hints, extracted: true, numbered }
  // Readability restores the body when its attempts fail, so the body is the page as copied.
  return { root: copy.body, hints, extracted: false, numbered: [] }
}

/**
 * The article of a page, found in a light copy of it (html-copy.ts), or its whole body when the
 * page is past what Readability can read in reasonable time (html-bounds.ts): then the page is
 * neither copied nor scored.
 */
export function extractWithinBounds(doc: Document): Extraction {
  if (!withinExtractionBounds(doc.body)) return { root: doc.body, hints: {}, extracted: false, numbered: [] }
  return extractArticle(readableCopy(doc))
}

/**
 * Readability's `_isValidByline`, asking what is cheap first. Readability reads the element's
 * whole text before it looks at its attributes and names, and asks for every element of the
 * page until it has a byline: the text of the body, of each wrapper, of each section, the page
 * read over and over. The same answer, the text read only for an element that may be a byline.
 */
export function isValidByline(node: Element, matchString: string, byline: RegExp): boolean {
  const itemprop = node.getAttribute('itemprop')
  if (!(node.getAttribute('rel') === 'author' || itemprop?.includes('author') || byline.test(matchString))) return false
  const length = (node.textContent ?? '').trim().length
  return length > 0 && length < 100
}

/**
 * Readability's `_getAllNodesWithTag`, without a selector engine: it asks with querySelectorAll,
 * which jsdom answers through nwsapi at several microseconds an element, and it asks once per
 * paragraph too ("does this <p> hold an image?"): on a page of 10,000 paragraphs that was a third
 * of Readability's time. The same elements in the same (document) order, as a plain array, which
 * Readability reads as it reads a static NodeList.
 */
export function elementsWithTag(node: ParentNode, tagNames: readonly string[]): Element[] {
  const names = new Set(tagNames.map((t) => t.toLowerCase()))
  const out: Element[] = []
  let el: Element | null = node.firstElementChild
  while (el) {
    if (names.has(el.localName)) out.push(el)
    let next: Element | null = el.firstElementChild
    while (!next && el) {
      next = el.nextElementSibling
      if (!next) {
        const up: Element | null = el.parentElement
        el = up && up !== node ? up : null
      }
    }
    el = next
  }
  return out
}
