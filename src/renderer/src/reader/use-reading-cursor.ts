import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react'
import type { Block } from '../../../shared/document/article-document'
import { useShortcuts } from '../shortcuts/use-shortcuts'
import {
  blockIndexAt,
  extendParagraph,
  extendSentence,
  extendWord,
  keyDirection,
  moveParagraph,
  moveSentence,
  selectParagraph,
  selectedRange,
  type ReadingCursor,
  type TextBlock
} from './reading-cursor'
import { offsetsToRange, rangeToOffsets } from './selection-offsets'

interface Placed {
  index: number
  start: number | null
  block: Block
}

/**
 * The keyboard reading cursor of the reader (keys in src/shared/shortcuts.ts, group Reader). It
 * acts only while the article's text has the focus, and mirrors itself into the page's selection,
 * so H, 1–9 and the selection toolbar treat it as they treat a mouse selection.
 */
export function useReadingCursor(textRef: RefObject<HTMLElement | null>, placed: readonly Placed[], directions: readonly ('ltr' | 'rtl')[]): { blockIndex: number | null } {
  const blocks = useMemo(() => placed.filter((p) => p.start !== null).map((p) => ({ start: p.start!, text: p.block.text, index: p.index })), [placed])
  // The cursor belongs to the text it was placed in: another article, or a block removed or
  // restored, starts again from the top.
  const [placedCursor, setPlacedCursor] = useState<{ blocks: readonly TextBlock[]; cursor: ReadingCursor } | null>(null)
  const cursor = placedCursor?.blocks === blocks ? placedCursor.cursor : null
  const setCursor = useCallback((next: ReadingCursor) => setPlacedCursor({ blocks, cursor: next }), [blocks])
  const cursorRef = useRef(cursor)
  useEffect(() => {
    cursorRef.current = cursor
  })

  // The page's selection follows the cursor.
  useEffect(() => {
    const root = textRef.current
    const selection = window.getSelection()
    if (!root || !selection || !cursor) return
    const range = selectedRange(cursor)
    const current = selection.rangeCount ? rangeToOffsets(root, selection.getRangeAt(0)) : null
    if (range && current && current.start === range.start && current.end === range.end) return
    selection.removeAllRanges()
    const dom = range ? offsetsToRange(root, range.start, range.end) : null
    if (dom) selection.addRange(dom)
    pieceAt(root, cursor.focus)?.scrollIntoView({ block: 'nearest' })
  }, [cursor, textRef])

  // ...and the cursor follows a selection made with the mouse, or dropped after highlighting.
  useEffect(() => {
    function onSelectionChange() {
      const root = textRef.current
      const selection = window.getSelection()
      const current = cursorRef.current
      // Hidden under a PDF's Page view: a selection there is the page's, not the text's.
      if (!root || root.hidden || !selection) return
      const offsets = selection.rangeCount && !selection.isCollapsed ? rangeToOffsets(root, selection.getRangeAt(0)) : null
      if (offsets) {
        const mine = selectedRange(current)
        if (!mine || mine.start !== offsets.start || mine.end !== offsets.end) setCursor({ anchor: offsets.start, focus: offsets.end })
      } else if (current && current.anchor !== current.focus) {
        setCursor({ anchor: current.focus, focus: current.focus })
      }
    }
    document.addEventListener('selectionchange', onSelectionChange)
    return () => document.removeEventListener('selectionchange', onSelectionChange)
  }, [textRef, setCursor])

  const act = (move: (blocks: readonly TextBlock[], c: ReadingCursor | null) => ReadingCursor | null) => {
    const root = textRef.current
    if (!root || !root.contains(document.activeElement)) return false
    const next = move(blocks, cursorRef.current ?? caretFromClick(root))
    if (next) setCursor(next)
  }
  // ← → in visual order: the paragraph under the caret says which way is forward.
  const dir = (key: string, c: ReadingCursor | null) => keyDirection(key, blocks.length ? (directions[blocks[blockIndexAt(blocks, c?.focus ?? 0)]!.index] ?? 'ltr') : 'ltr')
  useShortcuts({
    'reader.nextParagraph': (key) => act((b, c) => moveParagraph(b, c, dir(key, c))),
    'reader.nextSentence': (key) => act((b, c) => moveSentence(b, c, dir(key, c))),
    'reader.extendWord': (key) => act((b, c) => extendWord(b, c, dir(key, c))),
    'reader.extendSentence': (key) => act((b, c) => extendSentence(b, c, dir(key, c))),
    'reader.extendParagraph': (key) => act((b, c) => extendParagraph(b, c, dir(key, c))),
    'reader.selectParagraph': () => act(selectParagraph)
  })

  const blockIndex = cursor ? (blocks[blockIndexAt(blocks, cursor.focus)]?.index ?? null) : null
  return { blockIndex }
}

/** Where a click left the caret in the text, so the keyboard carries on from there. */
function caretFromClick(root: HTMLElement): ReadingCursor | null {
  const selection = window.getSelection()
  if (!selection?.rangeCount) return null
  const range = selection.getRangeAt(0)
  const node = range.startContainer
  if (node.nodeType !== Node.TEXT_NODE || !root.contains(node)) return null
  const start = node.parentElement?.closest<HTMLElement>('[data-start]')?.dataset.start
  if (start === undefined) return null
  const at = Number(start) + range.startOffset
  return { anchor: at, focus: at }
}

/** The rendered piece of text holding an offset. */
function pieceAt(root: HTMLElement, offset: number): HTMLElement | null {
  let found: HTMLElement | null = null
  for (const el of root.querySelectorAll<HTMLElement>('[data-start]')) {
    if (Number(el.dataset.start) <= offset) found = el
    else break
  }
  return found
}
