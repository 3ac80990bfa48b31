import { useEffect, useRef } from 'react'
import type { Highlight } from '../../../shared/domain-types'
import { isEditable } from './is-editable'

interface Actions {
  highlights: readonly Highlight[]
  selectedId: string | null
  select(id: string): void
  openNote(id: string): void
  remove(id: string): void
  undo(): void
}

/**
 * The reader's keyboard: `[` and `]` move between highlights in reading order, `N` opens the
 * note of the selected highlight, Delete removes it, and Ctrl/Cmd+Z brings it back. Typing in
 * an editor or a field is never intercepted.
 */
export function useHighlightShortcuts(actions: Actions): void {
  const ref = useRef(actions)
  useEffect(() => {
    ref.current = actions
  })
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (isEditable(event.target) || event.altKey) return
      const { highlights, selectedId, select, openNote, remove, undo } = ref.current
      const placed = highlights.filter((h) => !h.orphaned)
      const mod = event.ctrlKey || event.metaKey
      if (mod && !event.shiftKey && event.key.toLowerCase() === 'z') {
        event.preventDefault()
        undo()
        return
      }
      if (mod) return
      const index = placed.findIndex((h) => h.id === selectedId)
      if (event.key === ']' || event.key === '[') {
        if (placed.length === 0) return
        event.preventDefault()
        const next = event.key === ']' ? (index + 1) % placed.length : (index <= 0 ? placed.length : index) - 1
        select(placed[next]!.id)
      } else if (event.key.toLowerCase() === 'n' && selectedId) {
        event.preventDefault()
        openNote(selectedId)
      } else if ((event.key === 'Delete' || event.key === 'Backspace') && selectedId) {
        event.preventDefault()
        remove(selectedId)
      }
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])
}

/** Brings a highlight's mark into view and flashes it. */
export function revealHighlight(id: string): void {
  const mark = document.querySelector<HTMLElement>(`mark[data-highlight-ids~="${CSS.escape(id)}"]`)
  if (!mark) return
  mark.scrollIntoView({ block: 'center', behavior: 'smooth' })
  mark.classList.remove('flash')
  // Restart the animation even when the same mark flashes twice in a row.
  void mark.offsetWidth
  mark.classList.add('flash')
}
