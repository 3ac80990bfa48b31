import { Fragment, useEffect, useMemo, useRef, type MouseEvent } from 'react'
import type { Article, Highlight } from '../../../shared/domain-types'
import { textBlocks } from '../../../shared/text/canonical-text'
import { segmentBlock } from './segments'
import { rangeToOffsets } from './selection-offsets'
import { isEditable } from '../app/is-editable'

interface Props {
  article: Article
  highlights: readonly Highlight[]
  selectedHighlightId: string | null
  onSelectHighlight(id: string): void
  onCreateHighlight(start: number, end: number): void
}

/**
 * The article's canonical text, read-only, with highlights drawn as marks. A plain view rather
 * than a Lexical editor: offsets into one immutable text are the source of truth (decision 0003).
 */
export function ReaderPane({ article, highlights, selectedHighlightId, onSelectHighlight, onCreateHighlight }: Props) {
  const textRef = useRef<HTMLDivElement>(null)
  const blocks = useMemo(() => textBlocks(article.text), [article.text])
  const spans = useMemo(() => highlights.map((h) => ({ id: h.id, start: h.start, end: h.end })), [highlights])

  function highlightSelection(): boolean {
    const selection = window.getSelection()
    const root = textRef.current
    if (!selection || selection.isCollapsed || !root || selection.rangeCount === 0) return false
    const offsets = rangeToOffsets(root, selection.getRangeAt(0))
    if (!offsets) return false
    onCreateHighlight(offsets.start, offsets.end)
    selection.removeAllRanges()
    return true
  }

  // Listen on the document: after a mouse selection the focus may be anywhere outside an editor.
  const highlightRef = useRef(highlightSelection)
  useEffect(() => {
    highlightRef.current = highlightSelection
  })
  useEffect(() => {
    function onKeyDown(event: globalThis.KeyboardEvent) {
      if (event.key.toLowerCase() !== 'h' || event.ctrlKey || event.metaKey || event.altKey) return
      if (isEditable(event.target)) return
      if (highlightRef.current()) event.preventDefault()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])

  function onMarkClick(event: MouseEvent, ids: string[]) {
    // A drag that ends on a mark is a selection, not a click.
    if (!window.getSelection()?.isCollapsed) return
    event.stopPropagation()
    onSelectHighlight(ids.at(-1)!)
  }

  return (
    <article className="reader" aria-label="Reader">
      <header className="reader-header">
        <h1 className="reader-title">{article.title}</h1>
        <p className="reader-meta">
          {[article.author, article.source, article.publishedAt].filter(Boolean).join(' · ') || article.originalName}
        </p>
        <div className="reader-actions">
          <button
            type="button"
            onMouseDown={(e) => e.preventDefault() /* keep the selection */}
            onClick={highlightSelection}
            title="Highlight the selected text (H)"
          >
            Highlight <kbd>H</kbd>
          </button>
        </div>
      </header>
      <div className="reader-text" ref={textRef} tabIndex={0} data-testid="reader-text">
        {blocks.map((block) => (
          <p key={block.start}>
            {segmentBlock(block.start, block.start + block.text.length, spans).map((seg) => {
              const text = article.text.slice(seg.start, seg.end)
              if (seg.highlightIds.length === 0) {
                return (
                  <span key={seg.start} data-start={seg.start}>
                    {text}
                  </span>
                )
              }
              const selected = selectedHighlightId !== null && seg.highlightIds.includes(selectedHighlightId)
              return (
                <Fragment key={seg.start}>
                  <mark
                    data-start={seg.start}
                    data-highlight-ids={seg.highlightIds.join(' ')}
                    className={`hl depth-${Math.min(seg.highlightIds.length, 3)}${selected ? ' selected' : ''}`}
                    onClick={(e) => onMarkClick(e, seg.highlightIds)}
                  >
                    {text}
                  </mark>
                </Fragment>
              )
            })}
          </p>
        ))}
      </div>
    </article>
  )
}
