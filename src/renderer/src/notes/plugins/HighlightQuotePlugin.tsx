import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $insertNodeToNearestRoot, mergeRegister } from '@lexical/utils'
import {
  $createRangeSelection,
  $getRoot,
  $isParagraphNode,
  $getSelection,
  $setSelection,
  COMMAND_PRIORITY_HIGH,
  DRAGOVER_COMMAND,
  DROP_COMMAND,
  createCommand
} from 'lexical'
import { useEffect } from 'react'
import { $createHighlightQuoteNode, type HighlightQuoteSnapshot } from '../../../../shared/notes/nodes/HighlightQuoteNode'
import { HIGHLIGHT_DRAG_TYPE, isHighlightDrag } from '../highlight-drag'

/** Inserts a quote of a highlight where the caret is (or at the end when there is none). */
export const INSERT_HIGHLIGHT_QUOTE_COMMAND = createCommand<HighlightQuoteSnapshot>('INSERT_HIGHLIGHT_QUOTE_COMMAND')

/**
 * Inserts a quote block at the selection. Inserting into an empty paragraph splits it around the
 * quote; the empty half before it (in an empty notebook, a blank first line) is removed, so the
 * quote takes the empty line's place, as a block typed there would.
 */
function $insertQuote(snapshot: HighlightQuoteSnapshot): void {
  const quote = $insertNodeToNearestRoot($createHighlightQuoteNode(snapshot))
  const before = quote.getPreviousSibling()
  if ($isParagraphNode(before) && before.isEmpty()) before.remove()
}

interface Props {
  /** The snapshot of a highlight of this article, or null for an id it does not know. */
  snapshotOf(highlightId: string): HighlightQuoteSnapshot | null
}

/** Quote nodes come in by command (Insert quote) or by dragging a highlight from the panel. */
export function HighlightQuotePlugin({ snapshotOf }: Props) {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          INSERT_HIGHLIGHT_QUOTE_COMMAND,
          (snapshot) => {
            if ($getSelection() === null) $getRoot().selectEnd()
            $insertQuote(snapshot)
            return true
          },
          COMMAND_PRIORITY_HIGH
        ),
        editor.registerCommand(
          DRAGOVER_COMMAND,
          (event) => {
            if (!isHighlightDrag(event.dataTransfer)) return false
            event.preventDefault()
            event.dataTransfer!.dropEffect = 'copy'
            return true
          },
          COMMAND_PRIORITY_HIGH
        ),
        editor.registerCommand(
          DROP_COMMAND,
          (event) => {
            if (!isHighlightDrag(event.dataTransfer)) return false
            event.preventDefault()
            // Not a file drop: the app's import-on-drop must not see it.
            event.stopPropagation()
            const snapshot = snapshotOf(event.dataTransfer!.getData(HIGHLIGHT_DRAG_TYPE))
            if (!snapshot) return true
            const range = document.caretRangeFromPoint?.(event.clientX, event.clientY)
            const selection = $createRangeSelection()
            try {
              if (!range) throw new Error('no caret at the drop point')
              selection.applyDOMRange(range)
              $setSelection(selection)
            } catch {
              $getRoot().selectEnd()
            }
            $insertQuote(snapshot)
            return true
          },
          COMMAND_PRIORITY_HIGH
        )
      ),
    [editor, snapshotOf]
  )
  return null
}
