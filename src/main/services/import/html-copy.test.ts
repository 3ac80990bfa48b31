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

  /** The tree as `shape` gives it, without the numbers, which only the copy carries. */
  const unnumbered = (node: Node): unknown => JSON.parse(JSON.stringify(shape(node)), (key, value) => (Array.isArray(value) ? value.filter((v) => !(Array.isArray(v) && v[0] === 'data-dossier-i')) : value))

  it('copies the tree jsdom built, element for element, and numbers the copy and lists the page alike, whatever the markup', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...OPEN, ...CLOSE, ...TEXT), { maxLength: 40 }), (tokens) => {
        const page = parser.parseFromString(`<!doctype html><html lang="en"><head><title> A  title </title></head><body>${tokens.join('')}</body></html>`, 'text/html')
        const before = shape(page.documentElement)
        const { document: copy, numbered } = readableCopy(page)
        expect(unnumbered(copy.documentElement)).toEqual(unnumbered(page.documentElement))
        expect(copy.title).toBe('A title')
        // The page is left as the site wrote it, its own "numbers" included.
        expect(shape(page.documentElement)).toEqual(before)
        // The body and everything in it numbered in document order, in the copy and in the list of the page's elements.
        const pageBody = [page.body, ...Array.from(page.body.querySelectorAll('*'))]
        const copyBody = [copy.body, ...Array.from(copy.body.querySelectorAll('*'))]
        expect(copyBody.map((el) => el.getAttribute('data-dossier-i'))).toEqual(pageBody.map((_, k) => String(k)))
        expect(numbered).toEqual(pageBody)
      }),
      { numRuns: 200 }
    )
  })

  it('puts the body back as the page has it, numbers and all, when Readability restores it for another attempt', () => {
    const page = parser.parseFromString('<body><div class="a"><p>One <b>two</b></p><table><tr><td>cell<p>in cell</td></tr></table></div><!-- c --><p>three</body>', 'text/html')
    const { document: copy, numbered } = readableCopy(page)
    const first = shape(copy.body)
    const kept = copy.body.innerHTML
    copy.body.querySelector('div')!.remove()
    copy.body.append(copy.createElement('span'))
    copy.body.innerHTML = kept
    expect(shape(copy.body)).toEqual(first)
    expect(numbered).toEqual([page.body, ...Array.from(page.body.querySelectorAll('*'))])
    expect(() => {
      copy.body.innerHTML = '<p>other</p>'
    }).toThrow()
  })

  it('carries what hides an element as jsdom reads the style, !important and comments included', () => {
    const page = parser.parseFromString(
      '<body><p style="display: none !important">a</p><p style="/* x */visibility:hidden">b</p><p style="color: red">c</p><p style="display:none;display:block">d</p></body>',
      'text/html'
    )
    const styles = Array.from(readableCopy(page).document.body.children).map((el) => [(el as HTMLElement).style.display, (el as HTMLElement).style.visibility])
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
    expect(Array.from(readableCopy(page).document.body.children).map((el) => isProbablyVisibleInCopy(el))).toEqual([false, false, false, false, true, true])
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
