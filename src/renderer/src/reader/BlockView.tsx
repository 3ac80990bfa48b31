import { memo } from 'react'
import type { Block } from '../../../shared/document/article-document'
import { textDirection, type Direction } from '../../../shared/text/direction'
import { InlineText } from './InlineText'
import type { MarkSpan, Span } from './segments'

interface Props {
  block: Block
  /** Offset of the block's text in the canonical text. */
  start: number
  /** For numbered list items: the item's number. */
  number: number | null
  spans: readonly Span[]
  selectedHighlightId: string | null
  colorOf(highlightId: string): string
  /** A mark's accessible name, in the interface language: its label and the words it covers. */
  markLabel(highlightId: string, words: string): string
  tabStopId: string | null
  onMarkClick(ids: string[]): void
  /** Entity mentions to mark, in canonical offsets (empty while the toggle is off). */
  entityMarks?: readonly MarkSpan[]
  /** The block's direction, from its own letters (src/shared/text/direction.ts). */
  dir: Direction
}

/**
 * One kept block of the article, drawn as what it is: heading, list item, quote, table, caption…
 * Memoized: the reader draws a long article in steps, and a step must not redraw what is drawn.
 */
export const BlockView = memo(function BlockView({ block, start, number, spans, selectedHighlightId, colorOf, markLabel, tabStopId, onMarkClick, entityMarks = NO_MARKS, dir }: Props) {
  const end = start + block.text.length
  // Entity marks last, so they wrap outermost: a mention is one underline over any formatting.
  const marks: MarkSpan[] = [
    ...(block.marks ?? []).map((m) => ({ ...m, start: m.start + start, end: m.end + start })),
    ...entityMarks.filter((m) => m.start >= start && m.end <= end)
  ]
  const inline = (text: string, at: number) => (
    <InlineText text={text} start={at} spans={spans} marks={marks} selectedHighlightId={selectedHighlightId} colorOf={colorOf} markLabel={markLabel} tabStopId={tabStopId} onMarkClick={onMarkClick} />
  )
  switch (block.kind) {
    case 'heading': {
      const level = Math.min(Math.max(block.level ?? 2, 2), 4)
      const Tag = `h${level}` as 'h2' | 'h3' | 'h4'
      return <Tag className="block heading" dir={dir}>{inline(block.text, start)}</Tag>
    }
    case 'list-item':
      return (
        <p
          className={`block list-item${block.ordered ? ' ordered' : ''}`}
          dir={dir}
          style={{ marginInlineStart: `${1.4 + (block.level ?? 0) * 1.4}em` }}
          data-marker={block.ordered ? `${number ?? 1}.` : '•'}
        >
          {inline(block.text, start)}
        </p>
      )
    case 'blockquote':
      return <blockquote className="block quote" dir={dir}>{inline(block.text, start)}</blockquote>
    case 'code':
      return <pre className="block code" dir="ltr">{inline(block.text, start)}</pre>
    case 'caption':
      return (
        <p className="block caption" data-kind="caption" dir={dir}>
          {inline(block.text, start)}
        </p>
      )
    case 'editorial':
      return (
        <aside className="block editorial" data-kind="editorial" dir={dir}>
          {inline(block.text, start)}
        </aside>
      )
    case 'footnote':
      return (
        <p className="block footnote" data-kind="footnote" dir={dir}>
          {inline(block.text, start)}
        </p>
      )
    case 'table':
      return <TableBlock text={block.text} start={start} inline={inline} dir={dir} />
    default:
      return (
        <p className="block" dir={dir}>
          {inline(block.text, start)}
        </p>
      )
  }
})

const NO_MARKS: readonly MarkSpan[] = []

/** Rows are lines and cells are tab-separated in the canonical text; each cell keeps its offsets. */
function TableBlock({ text, start, inline, dir }: { text: string; start: number; inline: (text: string, at: number) => React.ReactNode; dir: Direction }) {
  const rows = tableCells(text, start)
  // The table's columns run in the table's direction; each cell's text in its own.
  return (
    <div className="block table-wrap" dir={dir}>
      <table>
        <tbody>
          {rows.map((cells, r) => (
            <tr key={r}>
              {cells.map(({ cell, at }) => {
                const Cell = r === 0 ? 'th' : 'td'
                return (
                  <Cell key={at} dir={textDirection(cell, dir) ?? dir}>
                    {inline(cell, at)}
                  </Cell>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** Each row's cells with their offsets: rows are separated by one newline, cells by one tab. */
function tableCells(text: string, start: number): { cell: string; at: number }[][] {
  const rows: { cell: string; at: number }[][] = []
  let at = start
  for (const row of text.split('\n')) {
    const cells: { cell: string; at: number }[] = []
    for (const cell of row.split('\t')) {
      cells.push({ cell, at })
      at += cell.length + 1
    }
    rows.push(cells)
  }
  return rows
}
