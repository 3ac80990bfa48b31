/**
 * The reader's keyboard cursor: a caret and a selection in canonical-text offsets, moved by
 * paragraph, sentence and word, in the manner of caret browsing or Readwise Reader's paragraph
 * focus. Pure, so it is tested without a browser; the reader mirrors it into the DOM selection,
 * where H and 1–9 pick it up as they do a mouse selection.
 */

/** One kept block of the article: its text and where it starts in the canonical text. */
export interface TextBlock {
  start: number
  text: string
}

export interface ReadingCursor {
  /** Where the selection began; equal to `focus` when nothing is selected. */
  anchor: number
  /** The moving end: the caret. */
  focus: number
}

export type Direction = 1 | -1

const sentences = new Intl.Segmenter(undefined, { granularity: 'sentence' })
const words = new Intl.Segmenter(undefined, { granularity: 'word' })

const caret = (at: number): ReadingCursor => ({ anchor: at, focus: at })

/** The block holding an offset (the last one starting at or before it). */
export function blockIndexAt(blocks: readonly TextBlock[], offset: number): number {
  let found = 0
  for (let i = 0; i < blocks.length; i++) if (blocks[i]!.start <= offset) found = i
  return found
}

const blockEnd = (b: TextBlock) => b.start + b.text.length

/** Each sentence of a block as [start, end] offsets, without its surrounding spaces. */
function sentenceSpans(block: TextBlock): [number, number][] {
  const spans: [number, number][] = []
  for (const s of sentences.segment(block.text)) {
    const lead = s.segment.length - s.segment.trimStart().length
    const trimmed = s.segment.trim()
    if (!trimmed) continue
    const start = block.start + s.index + lead
    spans.push([start, start + trimmed.length])
  }
  return spans.length ? spans : [[block.start, blockEnd(block)]]
}

/** Each word of a block as [start, end] offsets (punctuation and spaces are not words). */
function wordSpans(block: TextBlock): [number, number][] {
  const spans: [number, number][] = []
  for (const w of words.segment(block.text)) {
    if (w.isWordLike) spans.push([block.start + w.index, block.start + w.index + w.segment.length])
  }
  return spans
}

/** The caret at the start of the next or previous block; from nowhere, the first block. */
export function moveParagraph(blocks: readonly TextBlock[], cursor: ReadingCursor | null, dir: Direction): ReadingCursor | null {
  if (blocks.length === 0) return null
  if (!cursor) return caret(blocks[0]!.start)
  const i = blockIndexAt(blocks, cursor.focus)
  const next = Math.min(Math.max(i + dir, 0), blocks.length - 1)
  return caret(blocks[next]!.start)
}

/** The caret at the start of the next or previous sentence, across paragraphs. */
export function moveSentence(blocks: readonly TextBlock[], cursor: ReadingCursor | null, dir: Direction): ReadingCursor | null {
  if (blocks.length === 0) return null
  if (!cursor) return caret(blocks[0]!.start)
  const starts = blocks.flatMap((b) => sentenceSpans(b).map(([s]) => s))
  const at = cursor.focus
  const target = dir === 1 ? starts.find((s) => s > at) : starts.filter((s) => s < at).at(-1)
  return caret(target ?? at)
}

/** The selection's moving end one word further (to the word's end) or back (to its start). */
export function extendWord(blocks: readonly TextBlock[], cursor: ReadingCursor | null, dir: Direction): ReadingCursor | null {
  return extend(blocks, cursor, dir, wordSpans)
}

/** The selection's moving end one sentence further (to its end) or back (to its start). */
export function extendSentence(blocks: readonly TextBlock[], cursor: ReadingCursor | null, dir: Direction): ReadingCursor | null {
  return extend(blocks, cursor, dir, sentenceSpans)
}

/** The selection's moving end at the end (or start) of the paragraph it is in. */
export function extendParagraph(blocks: readonly TextBlock[], cursor: ReadingCursor | null, dir: Direction): ReadingCursor | null {
  if (blocks.length === 0) return null
  const from = cursor ?? caret(blocks[0]!.start)
  const block = blocks[blockIndexAt(blocks, from.focus)]!
  return { anchor: from.anchor, focus: dir === 1 ? blockEnd(block) : block.start }
}

/** The whole paragraph at the caret, selected. */
export function selectParagraph(blocks: readonly TextBlock[], cursor: ReadingCursor | null): ReadingCursor | null {
  if (blocks.length === 0) return null
  const block = blocks[blockIndexAt(blocks, cursor?.focus ?? blocks[0]!.start)]!
  return { anchor: block.start, focus: blockEnd(block) }
}

function extend(blocks: readonly TextBlock[], cursor: ReadingCursor | null, dir: Direction, units: (b: TextBlock) => [number, number][]): ReadingCursor | null {
  if (blocks.length === 0) return null
  const from = cursor ?? caret(blocks[0]!.start)
  const spans = blocks.flatMap(units)
  const at = from.focus
  const target = dir === 1 ? spans.find(([, end]) => end > at)?.[1] : spans.filter(([start]) => start < at).at(-1)?.[0]
  return { anchor: from.anchor, focus: target ?? at }
}

/**
 * Which way a key moves through the text. ← and → move in visual order, as a caret does: in a
 * right-to-left paragraph → goes back to the previous sentence or word and ← forward. The
 * paragraph's own direction decides (not the letters under the caret), so the keys keep their
 * meaning over an English name quoted in Arabic. ↓ ↑, End and Home are logical everywhere.
 */
export function keyDirection(key: string, paragraph: 'ltr' | 'rtl'): Direction {
  const forward = /Right|Down|End/.test(key)
  const flipped = paragraph === 'rtl' && /Left|Right/.test(key)
  return forward !== flipped ? 1 : -1
}

/** The selected range, start before end, or null when the cursor is only a caret. */
export function selectedRange(cursor: ReadingCursor | null): { start: number; end: number } | null {
  if (!cursor || cursor.anchor === cursor.focus) return null
  return { start: Math.min(cursor.anchor, cursor.focus), end: Math.max(cursor.anchor, cursor.focus) }
}
