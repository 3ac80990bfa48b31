/**
 * Maps a DOM selection in the reader back to offsets in the canonical text. Every rendered
 * piece of text sits in an element carrying `data-start`, its offset in that text, and holds a
 * single text node; block separators are not rendered, so they are counted from the offsets.
 */
export function rangeToOffsets(root: HTMLElement, range: Range): { start: number; end: number } | null {
  if (!root.contains(range.commonAncestorContainer)) return null
  const start = boundaryOffset(root, range.startContainer, range.startOffset, 'start')
  const end = boundaryOffset(root, range.endContainer, range.endOffset, 'end')
  if (start === null || end === null || end <= start) return null
  return { start, end }
}

function pieceStart(node: Node): number | null {
  const el = node.parentElement?.closest<HTMLElement>('[data-start]')
  const value = el?.dataset.start
  return value === undefined ? null : Number(value)
}

function textNodes(root: Node): Text[] {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  const nodes: Text[] = []
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (pieceStart(n) !== null) nodes.push(n as Text)
  }
  return nodes
}

function boundaryOffset(root: HTMLElement, container: Node, offset: number, edge: 'start' | 'end'): number | null {
  if (container.nodeType === Node.TEXT_NODE) {
    const base = pieceStart(container)
    if (base !== null) return base + offset
  }
  // The boundary sits between nodes (a triple click, or a selection ending on an element):
  // snap to the nearest text piece in the direction that keeps the selected text inside.
  const all = textNodes(root)
  const position = (node: Text) => {
    const probe = root.ownerDocument!.createRange()
    probe.setStart(container, offset)
    probe.collapse(true)
    return probe.comparePoint(node, 0)
  }
  if (edge === 'start') {
    const next = all.find((node) => position(node) >= 0)
    return next ? pieceStart(next) : null
  }
  const before = all.filter((node) => position(node) < 0).at(-1)
  return before ? pieceStart(before)! + before.data.length : null
}

/**
 * The DOM range of canonical offsets [start, end), the inverse of rangeToOffsets: how the
 * keyboard's reading cursor becomes a selection that H, 1–9 and the selection toolbar see.
 */
export function offsetsToRange(root: HTMLElement, start: number, end: number): Range | null {
  const nodes = textNodes(root)
  const locate = (offset: number, edge: 'start' | 'end'): [Text, number] | null => {
    for (const node of nodes) {
      const base = pieceStart(node)!
      const inside = edge === 'start' ? offset >= base && offset < base + node.data.length : offset > base && offset <= base + node.data.length
      if (inside) return [node, offset - base]
    }
    return null
  }
  const from = locate(start, 'start')
  const to = locate(end, 'end')
  if (!from || !to) return null
  const range = root.ownerDocument.createRange()
  range.setStart(from[0], from[1])
  range.setEnd(to[0], to[1])
  return range
}
