import { useVirtualizer } from '@tanstack/react-virtual'
import type { PDFDocumentProxy } from 'pdfjs-dist'
import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type FormEvent, type Ref, type RefObject } from 'react'
import { pageAt } from '../../../shared/document/article-document'
import type { Article, Highlight, Label } from '../../../shared/domain-types'
import { pageSpans, pageToCanonical } from '../../../shared/pdf/page-text-map'
import { keyHint } from '../../../shared/shortcuts'
import { useClient } from '../api/client-context'
import { useShortcuts } from '../shortcuts/use-shortcuts'
import { layerOffsets, type PageLayer } from './page-layer'
import { openPdf, PdfPasswordNeeded } from './pdf-js'
import { PdfPage, type PageHighlight } from './PdfPage'
import type { MessageKey, MessageValues } from '../../../shared/i18n'
import { useT } from '../i18n/use-t'
import { useErrorText } from '../api/use-error-text'

/** What went wrong, as a message drawn in the language of the moment. */
type Problem = { key: MessageKey; values?: MessageValues } | { error: unknown }
const reasonOf = (err: unknown) => (err instanceof Error ? err.message : String(err))

export interface PageViewHandle {
  /** The canonical offsets of the words selected on the pages, or null when none of the article's text is selected. */
  selectedOffsets(): { start: number; end: number } | null
}

interface Props {
  article: Article
  highlights: readonly Highlight[]
  labels: readonly Label[]
  selectedHighlightId: string | null
  /** The element that scrolls the pages (the reader). */
  scrollRoot: RefObject<HTMLElement | null>
  /** The page to show; changing `request` scrolls there again. */
  page: number
  request: number
  onPageChange(page: number): void
  /** A highlight drawn on a page was clicked: it opens in the panel, selected. */
  onSelectHighlight(id: string): void
  handle: Ref<PageViewHandle>
}

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3]
type Zoom = number | 'fit'
/** The longest the pages beside the one asked for wait for it to be painted before drawing anyway. */
const FIRST_PAGE_WAIT_MS = 1000
/** The space between two pages, in CSS pixels. */
const PAGE_GAP = 12

/**
 * The page asked for is drawn first: its neighbours (mounted either side by the virtualizer) wait
 * until its canvas is painted, so pdf.js's worker and the canvas are not shared between two or
 * three pages while the analyst waits for one. The wait ends when that page is painted, fails or
 * leaves the view, and at the latest after FIRST_PAGE_WAIT_MS.
 */
interface LeadingPage {
  page: number
  painted: Promise<void>
  done(): void
}
function leadingPage(page: number): LeadingPage {
  let done = () => {}
  const painted = new Promise<void>((resolve) => {
    done = resolve
    setTimeout(resolve, FIRST_PAGE_WAIT_MS)
  })
  return { page, painted, done }
}

/**
 * A PDF in its own layout: every page painted by pdf.js with its text selectable over it, the
 * article's highlights drawn where their words are, and a selection on the page highlighted as
 * the same words of the canonical text (src/shared/pdf/page-text-map.ts). Only the pages in view
 * and one on either side exist in the document (virtualized): a 500-page report does not build,
 * lay out and observe 500 page boxes before its first page can paint.
 */
export function PageView({ article, highlights, labels, selectedHighlightId, scrollRoot, page, request, onPageChange, onSelectHighlight, handle }: Props) {
  const client = useClient()
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null)
  const [leading, setLeading] = useState<LeadingPage | null>(null)
  const asked = useRef(page)
  useEffect(() => {
    asked.current = page
  }, [page])
  const t = useT()
  const errorText = useErrorText()
  const [problem, setProblem] = useState<Problem | null>(null)
  const [password, setPassword] = useState<{ wrong: boolean } | null>(null)
  const [bytes, setBytes] = useState<Uint8Array | null>(null)
  const [sizes, setSizes] = useState<Map<number, { width: number; height: number }>>(new Map())
  const [zoom, setZoom] = useState<Zoom>('fit')
  const [rootWidth, setRootWidth] = useState(800)
  const [current, setCurrent] = useState(page)
  const layers = useRef(new Map<number, PageLayer>())
  const pagesRef = useRef<HTMLDivElement>(null)
  const pageInput = useRef<HTMLInputElement>(null)

  const open = useCallback(async (data: Uint8Array, pass?: string) => {
    try {
      // pdf.js takes the buffer over: give it a copy, so a retry with a password still has the bytes.
      const opened = await openPdf(data.slice(), pass)
      // Every page is sized like the first until it is drawn, so the scroll height is right at once.
      const firstPage = (await opened.getPage(1)).getViewport({ scale: 1 })
      setSizes(new Map([[1, { width: firstPage.width, height: firstPage.height }]]))
      setPassword(null)
      setLeading(leadingPage(Math.min(Math.max(1, asked.current), opened.numPages)))
      setDoc(opened)
    } catch (err) {
      if (err instanceof PdfPasswordNeeded) setPassword({ wrong: err.wrong })
      else setProblem({ key: 'reader:pages.cannotShow', values: { reason: reasonOf(err) } })
    }
  }, [])
  // The original bytes, through the contract (as bytes, not base64), then pdf.js in its worker. The reader mounts a new
  // Page view for each article, so this runs once per document.
  useEffect(() => {
    let gone = false
    client.call('article.originalPdf', { id: article.id }).then(
      (r) => {
        if (gone) return
        setBytes(r.bytes)
        return open(r.bytes)
      },
      (err: unknown) => !gone && setProblem({ error: err ?? new Error(String(err)) })
    )
    return () => {
      gone = true
    }
  }, [client, article.id, open])
  useEffect(() => () => void doc?.destroy(), [doc])

  const pageCount = doc?.numPages ?? article.document.pageCount ?? 0
  const first = sizes.get(1) ?? { width: 612, height: 792 }
  const scale = zoom === 'fit' ? Math.max(0.25, Math.min(4, (rootWidth - 16) / first.width)) : zoom

  // Fit width follows the reader's width.
  useEffect(() => {
    const root = scrollRoot.current
    if (!root) return
    const observer = new ResizeObserver(() => setRootWidth(pagesRef.current?.clientWidth ?? root.clientWidth))
    observer.observe(root)
    return () => observer.disconnect()
  }, [scrollRoot])

  // Where the pages start in the reader's scrolling content, below its header and the toolbar:
  // the virtualizer's positions count from there. Read after each render (the header can grow).
  const [pagesTop, setPagesTop] = useState(0)
  // eslint-disable-next-line react-hooks/exhaustive-deps -- after every render on purpose; it sets state only when the top moved
  useLayoutEffect(() => {
    const root = scrollRoot.current
    const container = pagesRef.current
    if (!root || !container) return
    const top = container.getBoundingClientRect().top - root.getBoundingClientRect().top - root.clientTop + root.scrollTop
    setPagesTop((old) => (Math.abs(old - top) < 1 ? old : top))
  })

  // Only the pages in view, and one either side, are mounted; each mounted page is drawn.
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions change every render; nothing here memoizes them
  const virtualizer = useVirtualizer({
    count: doc ? doc.numPages : 0,
    getScrollElement: () => scrollRoot.current,
    estimateSize: (i) => (sizes.get(i + 1) ?? first).height * scale,
    gap: PAGE_GAP,
    paddingEnd: 24,
    overscan: 1,
    scrollMargin: pagesTop
  })
  // Sizes are known, not measured: a page drawn at another size, or a new zoom, moves the pages after it.
  useLayoutEffect(() => virtualizer.measure(), [virtualizer, sizes, scale])
  const virtualRef = useRef(virtualizer)
  virtualRef.current = virtualizer

  function scrollToPage(n: number) {
    const root = scrollRoot.current
    const at = virtualRef.current.getOffsetForIndex(n - 1, 'start')
    if (!root || !at) return
    root.scrollTo({ top: at[0] - 8 })
    setCurrent(n)
  }
  const scrollRef = useRef(scrollToPage)

  // Opening, and every request for a page (a search result, a highlight's page, Go to page).
  useEffect(() => {
    if (doc) requestAnimationFrame(() => scrollRef.current(Math.min(Math.max(1, page), doc.numPages)))
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when asked, not on every page change
  }, [doc, request])

  // The page being read: the last whose top is above a third of the view.
  useEffect(() => {
    const root = scrollRoot.current
    if (!root || !doc) return
    let frame = 0
    const onScroll = () => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => {
        // The last page whose top is above the line.
        const at = virtualRef.current.getVirtualItemForOffset(root.scrollTop + root.clientHeight / 3)
        if (at) setCurrent(at.index + 1)
      })
    }
    root.addEventListener('scroll', onScroll, { passive: true })
    return () => {
      cancelAnimationFrame(frame)
      root.removeEventListener('scroll', onScroll)
    }
  }, [scrollRoot, doc])
  useEffect(() => onPageChange(current), [current, onPageChange])

  // A highlight chosen in the panel: its page comes into view.
  const highlightsRef = useRef(highlights)
  const currentRef = useRef(current)
  const selectRef = useRef(onSelectHighlight)
  useEffect(() => {
    selectRef.current = onSelectHighlight
    highlightsRef.current = highlights
    currentRef.current = current
    scrollRef.current = scrollToPage
  })
  useEffect(() => {
    const h = highlightsRef.current.find((x) => x.id === selectedHighlightId)
    if (!h || h.orphaned || !doc) return
    const at = h.page ?? pageAt(article.document, h.start)?.page
    if (at && at !== currentRef.current) scrollRef.current(at)
  }, [selectedHighlightId, doc, article.document])

  const canonical = article.text
  const spans = useMemo(() => pageSpans(article.document), [article.document])
  const pageHighlights = useMemo<PageHighlight[]>(() => {
    const color = new Map(labels.map((l) => [l.id, l.color]))
    const name = new Map(labels.map((l) => [l.id, l.name]))
    return highlights
      .filter((h) => !h.orphaned)
      .map((h) => ({ id: h.id, start: h.start, end: h.end, color: (h.labelId && color.get(h.labelId)) || 'gray', label: (h.labelId && name.get(h.labelId)) || t('reader:noLabel') }))
  }, [highlights, labels, t])

  useImperativeHandle(handle, () => ({
    selectedOffsets() {
      const selection = window.getSelection()
      if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null
      const range = selection.getRangeAt(0)
      if (!pagesRef.current?.contains(range.commonAncestorContainer)) return null
      const found: { start: number; end: number }[] = []
      for (const layer of [...layers.current.values()].sort((a, b) => a.page - b.page)) {
        const at = layerOffsets(layer, range)
        const span = spans.get(layer.page)
        const mapped = at && span ? pageToCanonical(canonical, span, layer.text, at.start, at.end) : null
        if (mapped) found.push(mapped)
      }
      if (found.length === 0) return null
      return { start: Math.min(...found.map((f) => f.start)), end: Math.max(...found.map((f) => f.end)) }
    }
  }))

  const goTo = (n: number) => {
    if (doc && Number.isInteger(n)) scrollToPage(Math.min(Math.max(1, n), doc.numPages))
  }
  const zoomBy = (step: 1 | -1) =>
    setZoom(step > 0 ? (ZOOMS.find((z) => z > scale + 0.001) ?? ZOOMS.at(-1)!) : (ZOOMS.findLast((z) => z < scale - 0.001) ?? ZOOMS[0]!))
  useShortcuts({
    'pages.next': (key) => (doc ? goTo(current + (key === 'PageUp' ? -1 : 1)) : false),
    'pages.goTo': () => (doc ? pageInput.current?.select() : false),
    'pages.zoom': (key) => (doc ? zoomBy(key === '-' ? -1 : 1) : false),
    'pages.fitWidth': () => (doc ? setZoom('fit') : false)
  })

  const onSubmitPassword = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const value = new FormData(event.currentTarget).get('password')
    if (bytes && typeof value === 'string') void open(bytes, value)
  }

  const onLayer = useCallback((n: number, layer: PageLayer | null) => {
    if (layer) layers.current.set(n, layer)
    else layers.current.delete(n)
  }, [])
  // Stable, so the memoised pages are not all drawn again when the reader re-renders.
  const onMarkClick = useCallback((id: string) => selectRef.current(id), [])
  const onPageError = useCallback((n: number, err: unknown) => setProblem({ key: 'reader:pages.cannotDraw', values: { page: n, reason: reasonOf(err) } }), [])
  const onSize = useCallback((n: number, size: { width: number; height: number }) => {
    setSizes((prev) => {
      const old = prev.get(n)
      if (old && old.width === size.width && old.height === size.height) return prev
      return new Map(prev).set(n, size)
    })
  }, [])

  return (
    <div className="page-view" data-testid="page-view">
      <div className="page-toolbar" role="toolbar" aria-label={t('reader:pages.toolbar')}>
        <form
          className="page-goto"
          onSubmit={(e) => {
            e.preventDefault()
            goTo(Number(pageInput.current?.value))
          }}
        >
          <label>
            {t('reader:pages.page')}{' '}
            <input
              ref={pageInput}
              key={current}
              name="page"
              type="number"
              min={1}
              max={pageCount || 1}
              defaultValue={current}
              title={t('reader:pages.goToTitle', { goTo: keyHint('pages.goTo', t), next: keyHint('pages.next', t) })}
              data-testid="page-number"
            />
          </label>{' '}
          <span data-testid="page-count">{t('reader:pages.of', { count: pageCount })}</span>
        </form>
        <button type="button" onClick={() => zoomBy(-1)} title={t('reader:pages.zoomOutTitle')} aria-label={t('reader:pages.zoomOut')}>
          −
        </button>
        <span className="page-zoom" data-testid="page-zoom">
          {t('reader:pages.zoom', { zoom: Math.round(scale * 100) / 100 })}
        </span>
        <button type="button" onClick={() => zoomBy(1)} title={t('reader:pages.zoomInTitle')} aria-label={t('reader:pages.zoomIn')}>
          +
        </button>
        <button type="button" onClick={() => setZoom('fit')} aria-pressed={zoom === 'fit'} title={t('reader:pages.fitWidthTitle')}>
          {t('reader:pages.fitWidth')}
        </button>
      </div>
      {problem && (
        <p className="page-problem" role="alert">
          {'key' in problem ? t(problem.key, problem.values) : errorText(problem.error)}
        </p>
      )}
      {password && (
        <form className="page-password" onSubmit={onSubmitPassword} data-testid="page-password">
          <label>
            {password.wrong ? t('reader:pages.passwordWrong') : t('reader:pages.passwordAsk')}{' '}
            <input name="password" type="password" autoComplete="off" autoFocus />
          </label>{' '}
          <button type="submit">{t('reader:pages.showPages')}</button>
        </form>
      )}
      {!doc && !problem && !password && <p className="page-loading">{t('reader:pages.opening')}</p>}
      <div className="pdf-pages" ref={pagesRef} style={{ height: doc ? virtualizer.getTotalSize() : undefined }}>
        {doc &&
          virtualizer.getVirtualItems().map((item) => {
            const n = item.index + 1
            return (
              <div key={n} className="pdf-page-slot" style={{ transform: `translateY(${item.start - pagesTop}px)` }}>
                <PdfPage
                  doc={doc}
                  number={n}
                  after={!leading || n === leading.page ? null : leading.painted}
                  onPainted={n === leading?.page ? leading.done : undefined}
                  scale={scale}
                  size={sizes.get(n) ?? first}
                  canonical={canonical}
                  span={spans.get(n) ?? null}
                  highlights={pageHighlights}
                  selectedHighlightId={selectedHighlightId}
                  onMarkClick={onMarkClick}
                  onLayer={onLayer}
                  onSize={onSize}
                  onError={onPageError}
                />
              </div>
            )
          })}
      </div>
    </div>
  )
}
