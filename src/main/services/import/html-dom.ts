import createDOMPurify, { type DOMPurify } from 'dompurify'
import { JSDOM, type DOMWindow } from 'jsdom'
import { DossierError } from '../../../shared/errors'
import { boundNesting, MAX_ELEMENTS } from './html-bounds'
import './jsdom-collections'
import './jsdom-named-properties'
import { PURIFY_CONFIG } from './html-sanitize'

/**
 * How many pages one jsdom window parses before it is replaced. A window costs ~10 ms to build
 * (more than parsing a page) and leaves the next pages to run on cold code, so it is shared.
 * jsdom 28 kept every page with an id, and every page a selector ran on (DOMPurify's), reachable
 * from the window that parsed it: through its named-property tracker (now limited to the
 * window's own document, jsdom-named-properties.ts) and through the listeners the selector
 * engine adds to the window for each document (refused: openSession). With neither, a worker's
 * heap stays flat page after page; the window is still replaced now and then, in case another
 * path holds on.
 */
const PAGES_PER_WINDOW = 1024

interface Session {
  window: DOMWindow
  parser: DOMParser
  purify: DOMPurify
  pages: number
}

let session: Session | null = null

function openSession(): Session {
  // No url, no `resources`, no `runScripts`: the window loads nothing and runs nothing, and the
  // documents its DOMParser makes have scripting disabled, as the HTML spec has it.
  const { window } = new JSDOM('')
  // The selector engine (@asamuzakjp/dom-selector) adds focus, key and mouse listeners to the
  // window for every document it queries, which keep that document alive as long as the window.
  // Nothing runs in this window and no event is ever dispatched to it: it needs no listeners.
  window.addEventListener = () => {}
  const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0])
  // Set once: sanitize() would otherwise re-read the whole configuration for every page.
  purify.setConfig(PURIFY_CONFIG)
  return { window, parser: new window.DOMParser(), purify, pages: 0 }
}

/**
 * Parses a page into a fresh, inert document and hands it over with the shared sanitizer. Tags
 * nested past MAX_NESTING are flattened first (html-bounds.ts): depth is what makes parsing
 * and extraction slow, and what overflows the stack. A page of more than MAX_ELEMENTS elements
 * is refused, naming `name`, before anything is built: the same scan counts them.
 */
export function withPage<T>(html: string, name: string, use: (doc: Document, purify: DOMPurify) => T): T {
  const bounded = boundNesting(html)
  if (bounded.elements > MAX_ELEMENTS) {
    throw new DossierError(
      'too_complex',
      `${name}: too complex to import (about ${bounded.elements.toLocaleString('en')} elements; Dossier reads pages of up to ${MAX_ELEMENTS.toLocaleString('en')}).`,
      { id: 'import.too_many_elements', values: { file: name, elements: bounded.elements, limit: MAX_ELEMENTS } }
    )
  }
  if (!session || session.pages >= PAGES_PER_WINDOW) {
    session?.window.close()
    session = openSession()
  }
  session.pages++
  const doc = session.parser.parseFromString(bounded.html, 'text/html')
  return use(doc, session.purify)
}
