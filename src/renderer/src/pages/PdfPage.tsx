import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist'
import { memo, useEffect, useLayoutEffect, useRef, useState, type MouseEvent } from 'react'
import { useT } from '../i18n/use-t'
import { canonicalToPage, type Span } from '../../../shared/pdf/page-text-map'
import { readingOrder } from '../../../shared/pdf/right-to-left'
import { loadPdfJs } from './pdf-js'
import { layerRange, pageLayer, type PageLayer } from './page-layer'

export interface PageHighlight {
  id: string
  start: number
  end: number
  color: string
  label: string
}

interface Props {
  doc: PDFDocumentProxy
  number: number
  /** Drawn only once this settles (the page asked for is painted first), or at once when null. */
  after: Promise<void> | null
  /** Told when the canvas is painted, when drawing fails, or when the page leaves before either. */
  onPainted?: () => void
  scale: number
  /** The page's size at scale 1, as far as known (every page is sized like the first until drawn). */
  size: { width: number; height: number }
  canonical: string
  /** Where this page's text sits in the canonical text, or null when none of the article is on it. */
  span: Span | null
  highlights: readonly PageHighlight[]
  selectedHighlightId: string | null
  /** A highlight drawn on the page was clicked (or pressed with Enter or Space): select it. */
  onMarkClick(id: string): void
  onLayer(number: number, layer: PageLayer | null): void
  onSize(number: number, size: { width: number; height: number }): void
  onError(number: number, err: unknown): void
}

interface Mark {
  id: string
  color: string
  label: string
  quote: string
  rects: { left: number; top: number; width: number; height: number }[]
}

/** One page: pdf.js paints it on a canvas and lays its text over it, selectable; highlights are drawn between. */
// Memoised: the Page view re-renders on every scroll, size and reader change; the pages it
// keeps mounted are drawn again only when their own props change.
export const PdfPage = memo(function PdfPage({ doc, number, after, onPainted, scale, size, canonical, span, highlights, selectedHighlightId, onMarkClick, onLayer, onSize, onError }: Props) {
  const t = useT()
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const textRef = useRef<HTMLDivElement>(null)
  const pageRef = useRef<HTMLDivElement>(null)
  const [layer, setLayer] = useState<PageLayer | null>(null)
  const [marks, setMarks] = useState<Mark[]>([])
  const callbacks = useRef({ onLayer, onSize, onError, onPainted })
  useEffect(() => {
    callbacks.current = { onLayer, onSize, onError, onPainted }
  })

  // Mounted only near the view (the Page view is virtualized): drawn as soon as it mounts.
  useEffect(() => {
    let cancelled = false
    let renderTask: RenderTask | null = null
    let textLayer: { cancel(): void } | null = null
    const canvas = canvasRef.current!
    const container = textRef.current!
    void (async () => {
      if (after) await after
      if (cancelled) return
      const lib = await loadPdfJs()
      const page = await doc.getPage(number)
      if (cancelled) return
      const viewport = page.getViewport({ scale })
      const base = page.getViewport({ scale: 1 })
      callbacks.current.onSize(number, { width: base.width, height: base.height })
      const ratio = window.devicePixelRatio || 1
      canvas.width = Math.floor(viewport.width * ratio)
      canvas.height = Math.floor(viewport.height * ratio)
      renderTask = page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] })
      await renderTask.promise
      if (cancelled) return
      canvas.dataset.painted = ''
      callbacks.current.onPainted?.()
      const content = await page.getTextContent()
      if (cancelled) return
      container.replaceChildren()
      container.style.setProperty('--total-scale-factor', String(scale))
      const layerTask = new lib.TextLayer({ textContentSource: content, container, viewport })
      textLayer = layerTask
      await layerTask.render()
      if (cancelled) return
      const placed = content.items.flatMap((item) => ('str' in item ? [{ str: item.str, y: item.transform[5] as number, hasEOL: item.hasEOL }] : []))
      const drawn = pageLayer(number, layerTask.textContentItemsStr, layerTask.textDivs, readingOrder(placed))
      setLayer(drawn)
      callbacks.current.onLayer(number, drawn)
    })().catch((err: unknown) => {
      callbacks.current.onPainted?.()
      if (!cancelled && !(err instanceof Error && err.name === 'RenderingCancelledException')) callbacks.current.onError(number, err)
    })
    return () => {
      cancelled = true
      callbacks.current.onPainted?.()
      renderTask?.cancel()
      textLayer?.cancel()
      // A page scrolled away gives its pixels back: a 500-page report must not hold 500 canvases.
      canvas.width = 0
      canvas.height = 0
      delete canvas.dataset.painted
      container.replaceChildren()
      setLayer(null)
      callbacks.current.onLayer(number, null)
    }
  }, [doc, number, scale, after])

  // Where each highlight falls on the drawn text: measured from the text layer's spans.
  useLayoutEffect(() => {
    const pageEl = pageRef.current
    // The same empty list when there was none: a page without marks must not render again for nothing.
    if (!layer || !span || !pageEl || highlights.length === 0) return setMarks((m) => (m.length ? [] : m))
    const origin = pageEl.getBoundingClientRect()
    const next: Mark[] = []
    for (const h of highlights) {
      const at = canonicalToPage(canonical, span, layer.text, h.start, h.end)
      const range = at && layerRange(layer, at.start, at.end)
      if (!range) continue
      const rects = [...range.getClientRects()]
        .filter((r) => r.width > 0.5 && r.height > 0.5)
        .map((r) => ({ left: r.left - origin.left, top: r.top - origin.top, width: r.width, height: r.height }))
      if (rects.length) next.push({ id: h.id, color: h.color, label: h.label, quote: canonical.slice(h.start, h.end), rects })
    }
    setMarks(next)
  }, [layer, span, highlights, canonical])

  /**
   * The text layer lies over the marks so that words stay selectable; a click that selects
   * nothing is matched to the marks under it by position, the latest highlight winning, as the
   * innermost mark does in the Text view.
   */
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    if (!window.getSelection()?.isCollapsed || !pageRef.current) return
    const origin = pageRef.current.getBoundingClientRect()
    const x = e.clientX - origin.left
    const y = e.clientY - origin.top
    const hit = marks.findLast((m) => m.rects.some((r) => x >= r.left && x <= r.left + r.width && y >= r.top && y <= r.top + r.height))
    if (hit) onMarkClick(hit.id)
  }

  const width = size.width * scale
  const height = size.height * scale
  return (
    <div className="pdf-page" ref={pageRef} data-page={number} data-testid="pdf-page" style={{ width, height }} role="group" aria-label={t('reader:pages.pageLabel', { page: number })} onClick={onClick}>
      <canvas ref={canvasRef} className="pdf-canvas" style={{ width, height }} aria-hidden="true" />
      <div className="pdf-marks">
        {marks.map((m) =>
          m.rects.map((r, i) => {
            const selected = m.id === selectedHighlightId
            const style = { left: r.left, top: r.top, width: r.width, height: r.height }
            const className = `pdf-mark c-${m.color}${selected ? ' selected' : ''}`
            // The first piece of each highlight is its keyboard stop, like a mark in the Text view.
            return i === 0 ? (
              <div
                key={`${m.id}-${i}`}
                role="button"
                tabIndex={0}
                aria-pressed={selected}
                aria-label={t('reader:markLabel', { label: m.label, words: m.quote })}
                className={className}
                data-highlight-ids={m.id}
                title={m.label}
                style={style}
                onKeyDown={(e) => {
                  if (e.key !== 'Enter' && e.key !== ' ') return
                  e.preventDefault()
                  onMarkClick(m.id)
                }}
              />
            ) : (
              <div key={`${m.id}-${i}`} aria-hidden="true" className={className} data-highlight-ids={m.id} title={m.label} style={style} />
            )
          })
        )}
      </div>
      <div className="pdf-text-layer" ref={textRef} />
    </div>
  )
})
