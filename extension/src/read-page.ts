/**
 * The one function the extension injects into a page, on the analyst's click only (activeTab).
 * It runs in the extension's isolated world, reads, and returns plain data: the page's scripts
 * never run in the extension, and nothing of the extension runs in the page's own world.
 * Self-contained, because it is serialized into the page: no imports, no closures.
 */
export interface PageSnapshot {
  html: string
  url: string
  title: string
  selection: { exact: string; prefix: string; suffix: string } | null
}

export function readPage(): PageSnapshot {
  const CONTEXT = 100
  let selection: PageSnapshot['selection'] = null
  const sel = window.getSelection()
  if (sel && sel.rangeCount > 0 && !sel.isCollapsed) {
    const range = sel.getRangeAt(0)
    const exact = sel.toString()
    if (exact.trim()) {
      const before = document.createRange()
      before.selectNodeContents(document.body ?? document.documentElement)
      before.setEnd(range.startContainer, range.startOffset)
      const after = document.createRange()
      after.selectNodeContents(document.body ?? document.documentElement)
      after.setStart(range.endContainer, range.endOffset)
      selection = { exact: exact.slice(0, 100_000), prefix: before.toString().slice(-CONTEXT), suffix: after.toString().slice(0, CONTEXT) }
    }
  }
  // The doctype is not part of outerHTML; without it the page would be parsed in quirks mode.
  const doctype = document.doctype ? `<!DOCTYPE ${document.doctype.name}>` : ''
  return { html: doctype + document.documentElement.outerHTML, url: location.href, title: document.title, selection }
}
