import { Readability } from '@mozilla/readability'
import { MAX_ELEMENTS_TO_EXTRACT, withinExtractionBounds } from './html-bounds'
import type { ExtractedHints } from './html-metadata'

export interface Extraction {
  /** The article's root element, in the page's own document, not yet sanitized. */
  root: Element
  hints: ExtractedHints
  /** False when Readability found nothing and the root is the whole body. */
  extracted: boolean
}

/**
 * The article, as Mozilla Readability (Firefox Reader View) finds it. It hands back its element
 * rather than serialized HTML, which we would only parse again; it keeps class names, which the
 * block builder reads to spot chrome. JSON-LD is read by html-metadata.ts already. When it finds
 * nothing (it threw, or returned no text) the page's whole body stands in.
 */
export function extractArticle(doc: Document): Extraction {
  let parsed: ReturnType<Readability<Element>['parse']> = null
  try {
    parsed = new Readability<Element>(doc, {
      keepClasses: true,
      disableJSONLD: true,
      // Past this Readability throws, and the whole body is read below: its time grows faster than the page.
      maxElemsToParse: MAX_ELEMENTS_TO_EXTRACT,
      serializer: (node) => node as Element
    }).parse()
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
  if (root && root.textContent?.trim()) return { root, hints, extracted: true }
  // Readability restores the body when its attempts fail, so the body is the page as parsed.
  return { root: doc.body, hints, extracted: false }
}

/**
 * The article of a page, or its whole body when the page is past what Readability can read in
 * reasonable time (html-bounds.ts): then the page is neither copied nor scored.
 */
export function extractWithinBounds(doc: Document): Extraction {
  if (!withinExtractionBounds(doc.body)) return { root: doc.body, hints: {}, extracted: false }
  return extractArticle(doc.cloneNode(true) as Document)
}
