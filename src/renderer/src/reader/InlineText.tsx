import type { ReactNode } from 'react'
import { EntityMention } from '../entities/EntityMention'
import { segmentBlock, type MarkSpan, type Span } from './segments'

interface Props {
  text: string
  /** Offset of `text` in the canonical text. */
  start: number
  spans: readonly Span[]
  /** Formatting, in canonical-text offsets. */
  marks: readonly MarkSpan[]
  selectedHighlightId: string | null
  /** The label colour a highlight is drawn in. */
  colorOf(highlightId: string): string
  /** The label's name, which a screen reader says with the quote: colour alone tells it nothing. */
  /** A mark's accessible name, in the interface language: its label and the words it covers. */
  markLabel(highlightId: string, words: string): string
  /** The highlight whose first mark is the reader's one tab stop among marks. */
  tabStopId: string | null
  onMarkClick(ids: string[]): void
}

/**
 * A run of canonical text with its formatting and highlights. Each piece carries `data-start`,
 * its offset in the canonical text, which is how a selection maps back to offsets.
 */
export function InlineText({ text, start, spans, marks, selectedHighlightId, colorOf, markLabel, tabStopId, onMarkClick }: Props) {
  return (
    <>
      {segmentBlock(start, start + text.length, spans, marks).map((seg) => {
        let content: ReactNode = text.slice(seg.start - start, seg.end - start)
        if (seg.highlightIds.length === 0) {
          content = (
            <span key={seg.start} data-start={seg.start}>
              {content}
            </span>
          )
        } else {
          const selected = selectedHighlightId !== null && seg.highlightIds.includes(selectedHighlightId)
          const innermost = seg.highlightIds.at(-1)!
          const tabStop = tabStopId !== null && innermost === tabStopId && spans.find((s) => s.id === tabStopId)?.start === seg.start
          const words = text.slice(seg.start - start, seg.end - start)
          content = (
            <mark
              role="button"
              tabIndex={tabStop ? 0 : -1}
              aria-label={markLabel(innermost, words)}
              aria-pressed={selected}
              onKeyDown={(e) => {
                if (e.key !== 'Enter' && e.key !== ' ') return
                e.preventDefault()
                onMarkClick(seg.highlightIds)
              }}
              key={seg.start}
              data-start={seg.start}
              data-highlight-ids={seg.highlightIds.join(' ')}
              // The innermost highlight gives the colour; depth shows that others lie underneath.
              className={`hl c-${colorOf(seg.highlightIds.at(-1)!)} depth-${Math.min(seg.highlightIds.length, 3)}${selected ? ' selected' : ''}`}
              onClick={(e) => {
                // A drag that ends on a mark is a selection, not a click.
                if (!window.getSelection()?.isCollapsed) return
                e.stopPropagation()
                e.preventDefault()
                onMarkClick(seg.highlightIds)
              }}
            >
              {content}
            </mark>
          )
        }
        // Formatting wraps the piece; the piece itself keeps data-start and its single text node.
        for (const mark of seg.marks) content = wrap(mark, content, seg.start, seg.start === mark.start)
        return content
      })}
    </>
  )
}

function wrap(mark: MarkSpan, child: ReactNode, key: number, first: boolean): ReactNode {
  switch (mark.type) {
    case 'entity':
      return (
        <EntityMention key={key} entity={mark.entity!} first={first}>
          {child}
        </EntityMention>
      )
    case 'em':
      return <em key={key}>{child}</em>
    case 'strong':
      return <strong key={key}>{child}</strong>
    case 'code':
      return <code key={key}>{child}</code>
    case 'link':
      return (
        <a key={key} href={mark.href} target="_blank" rel="noreferrer noopener" title={mark.href}>
          {child}
        </a>
      )
  }
}
