/**
 * One page's text layer as pdf.js drew it: a span per text item, in the order of the page's
 * content, and the items' text joined without separators (the text the mapping in
 * src/shared/pdf/page-text-map.ts matches against the article).
 */
export interface PageLayer {
  page: number
  text: string
  /** The item spans, with where each item's text starts in `text`. */
  spans: { el: HTMLElement; start: number }[]
}

/**
 * `order`: the items' reading order (right-to-left.ts, readingOrder), so that an Arabic or
 * Hebrew line drawn glyph by glyph reads as the article does; drawing order without it.
 */
export function pageLayer(page: number, items: readonly string[], divs: readonly HTMLElement[], order?: readonly number[]): PageLayer {
  const read = order && order.length === items.length ? order : items.map((_, i) => i)
  let at = 0
  const spans = read.map((i) => {
    const span = { el: divs[i]!, start: at }
    at += items[i]!.length
    return span
  })
  return { page, text: read.map((i) => items[i]!).join(''), spans }
}

/** The part of a DOM range that lies in this page's layer, as offsets in its text, or null when none does. */
export function layerOffsets(layer: PageLayer, range: Range): { start: number; end: number } | null {
  let start = Infinity
  let end = -Infinity
  for (const { el, start: base } of layer.spans) {
    const node = el.firstChild
    if (!(node instanceof Text) || !el.isConnected || !range.intersectsNode(node)) continue
    const from = node === range.startContainer ? range.startOffset : 0
    const to = node === range.endContainer ? range.endOffset : node.length
    if (to <= from) continue
    start = Math.min(start, base + from)
    end = Math.max(end, base + to)
  }
  return end > start ? { start, end } : null
}

/** The DOM range of [start, end) of the layer's text, to measure where a highlight is drawn. */
export function layerRange(layer: PageLayer, start: number, end: number): Range | null {
  const at = (offset: number, edge: 'start' | 'end'): [Text, number] | null => {
    for (const { el, start: base } of layer.spans) {
      const node = el.firstChild
      if (!(node instanceof Text)) continue
      const inside = edge === 'start' ? offset >= base && offset < base + node.length : offset > base && offset <= base + node.length
      if (inside) return [node, offset - base]
    }
    return null
  }
  const from = at(start, 'start')
  const to = at(end, 'end')
  if (!from || !to) return null
  const range = document.createRange()
  // Read right to left, a highlight's first words stand after its last ones in the page: the
  // range then runs from its last item to its first, each taken whole (most are one glyph).
  const reversed = from[0] !== to[0] && Boolean(from[0].compareDocumentPosition(to[0]) & Node.DOCUMENT_POSITION_PRECEDING)
  if (reversed) {
    range.setStart(to[0], 0)
    range.setEnd(from[0], from[0].length)
  } else {
    range.setStart(from[0], from[1])
    range.setEnd(to[0], to[1])
  }
  return range
}
