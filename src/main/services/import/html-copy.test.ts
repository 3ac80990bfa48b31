import fc from 'fast-check'
import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { isProbablyVisibleInCopy, readableCopy } from './html-copy'
import { parseHtml } from './html-document'

const parser = new new JSDOM('').window.DOMParser()

/** The tree under `node` as nested arrays (tag, attributes but style, children), in either DOM. */
function shape(node: Node): unknown {
  if (node.nodeType === 3) return (node as Text).data
  if (node.nodeType === 8) return ['#comment', (node as Comment).data]
  const el = node as Element
  const attrs = Array.from(el.attributes)
    .filter((a) => a.name !== 'style')
    .map((a) => [a.name, a.value])
    // linkedom lists attributes in another order, which nothing reads.
    .sort(([a], [b]) => a!.localeCompare(b!))
  return [el.localName, attrs, Array.from(el.childNodes).map(shape)]
}

describe('readableCopy', () => {
  // Markup the HTML standard's parser rearranges (tables, unclosed and misnested tags): the copy
  // must be the tree jsdom built, not what another parser would make of the same text.
  const TAGS = ['p', 'div', 'span', 'b', 'i', 'a', 'ul', 'li', 'table', 'tr', 'td', 'h2', 'section', 'font', 'custom-box']
  const OPEN = TAGS.map((t) => `<${t} class="c" data-dossier-i="1">`)
  const CLOSE = TAGS.map((t) => `</${t}>`)
  const TEXT = ['Port talks resume.', ' ', '\n', '&amp;', '<', '😀', '<!-- note -->', '<br>', '<hr>']

  it('copies the tree jsdom built, element for element and numbered alike, whatever the markup', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...OPEN, ...CLOSE, ...TEXT), { maxLength: 40 }), (tokens) => {
        const page = parser.parseFromString(`<!doctype html><html lang="en"><head><title> A  title </title></head><body>${tokens.join('')}</body></html>`, 'text/html')
        const copy = readableCopy(page)
        expect(shape(copy.documentElement)).toEqual(shape(page.documentElement))
        expect(copy.title).toBe('A title')
        // The body and everything in it numbered in document order, the page's own numbers overwritten.
        const body = [page.body, ...Array.from(page.body.querySelectorAll('*'))]
        expect(body.map((el) => el.getAttribute('data-dossier-i'))).toEqual(body.map((_, k) => String(k)))
      }),
      { numRuns: 200 }
    )
  })

  it('carries what hides an element as jsdom reads the style, !important and comments included', () => {
    const page = parser.parseFromString(
      '<body><p style="display: none !important">a</p><p style="/* x */visibility:hidden">b</p><p style="color: red">c</p><p style="display:none;display:block">d</p></body>',
      'text/html'
    )
    const styles = Array.from(readableCopy(page).body.children).map((el) => [(el as HTMLElement).style.display, (el as HTMLElement).style.visibility])
    expect(styles).toEqual([
      ['none', ''],
      ['', 'hidden'],
      ['', ''],
      ['', '']
    ])
  })

  it('answers Readability\'s visibility question from the style it carries, as Readability would', () => {
    const page = parser.parseFromString(
      '<body><p style="display:none !important">a</p><p style="visibility: hidden">b</p><p hidden>c</p><p aria-hidden="true">d</p><p aria-hidden="true" class="mwe-math-fallback-image-inline">e</p><p style="color: red" aria-hidden="false">f</p></body>',
      'text/html'
    )
    expect(Array.from(readableCopy(page).body.children).map((el) => isProbablyVisibleInCopy(el))).toEqual([false, false, false, false, true, true])
  })
})

describe('parseHtml with the copy', () => {
  it('leaves a paragraph hidden with !important out of the article', () => {
    const story = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i} of the harbour story, with enough words in it, commas, and sentences to be scored as the article text by Readability.</p>`).join('')
    const html = `<html><head><title>Harbour</title></head><body><article>${story}<p style="display:none !important">Hidden promotion code HIDDEN-42, which no reader of the page sees at all.</p></article></body></html>`
    const doc = parseHtml(html, 'hidden.html')
    expect(doc.text).toContain('Paragraph 5 of the harbour story')
    expect(doc.text).not.toContain('HIDDEN-42')
  })
})
