import type { EntityType } from '../../../shared/entities/types'

export interface Span {
  id: string
  start: number
  end: number
}

export interface MarkSpan {
  type: 'em' | 'strong' | 'code' | 'link' | 'entity'
  start: number
  end: number
  href?: string
  /** For an entity mention: its entity, drawn by type (issue 19). */
  entity?: { id: string; type: EntityType; name: string; words: string }
}

export interface Segment {
  start: number
  end: number
  /** Highlights covering this piece, outermost first (longest range first). */
  highlightIds: string[]
  /** Inline formatting covering this piece (emphasis, links…). */
  marks: MarkSpan[]
}

/**
 * Cuts a run of text at every highlight and formatting boundary inside it, so overlapping and
 * nested highlights render as adjacent pieces that each know everything covering them.
 */
export function segmentBlock(blockStart: number, blockEnd: number, spans: readonly Span[], marks: readonly MarkSpan[] = []): Segment[] {
  const inside = spans.filter((s) => s.start < blockEnd && s.end > blockStart)
  const marksInside = marks.filter((m) => m.start < blockEnd && m.end > blockStart)
  const cuts = new Set<number>([blockStart, blockEnd])
  for (const s of [...inside, ...marksInside]) {
    if (s.start > blockStart) cuts.add(s.start)
    if (s.end < blockEnd) cuts.add(s.end)
  }
  const points = [...cuts].sort((a, b) => a - b)
  const segments: Segment[] = []
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!
    const end = points[i + 1]!
    const covering = inside
      .filter((s) => s.start <= start && s.end >= end)
      .sort((a, b) => b.end - b.start - (a.end - a.start))
    segments.push({
      start,
      end,
      highlightIds: covering.map((s) => s.id),
      marks: marksInside.filter((m) => m.start <= start && m.end >= end)
    })
  }
  return segments
}
