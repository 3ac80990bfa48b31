import type { Highlight } from '../../../shared/domain-types'
import { runCommand } from '../commands/command-registry'
import { useShortcuts } from '../shortcuts/use-shortcuts'
import { centre } from '../reader/centre-in-view'
import { readerStillDrawing } from '../reader/progressive-blocks'

interface Actions {
  highlights: readonly Highlight[]
  selectedId: string | null
  select(id: string): void
  openNote(id: string): void
  remove(id: string): void
  undo(): void
  /** Sets the selected highlight's credibility, 1–6, or null for ungraded. */
  grade(id: string, credibility: number | null): void
}

/**
 * The reader's keyboard (keys in src/shared/shortcuts.ts): `[` and `]` move between highlights
 * in reading order, `N` opens the note of the selected highlight, Delete removes it,
 * Ctrl/Cmd+Z brings it back, and Alt 1–6 (Alt 0) grade its credibility (or clear it). Typing in an editor or a field is never intercepted.
 */
export function useHighlightShortcuts(actions: Actions): void {
  const { highlights, selectedId, select, openNote, remove, undo, grade } = actions
  const placed = highlights.filter((h) => !h.orphaned)
  const step = (forward: boolean) => {
    if (placed.length === 0) return false
    const index = placed.findIndex((h) => h.id === selectedId)
    const next = forward ? (index + 1) % placed.length : (index <= 0 ? placed.length : index) - 1
    select(placed[next]!.id)
  }
  useShortcuts({
    'highlight.next': () => step(true),
    'highlight.previous': () => step(false),
    'highlight.openNote': () => (selectedId ? openNote(selectedId) : false),
    // Its handler lives with the window's commands (it brings the Note tab forward first).
    'highlight.addToTimeline': () => (selectedId ? runCommand('highlight.addToTimeline') : false),
    'highlight.delete': () => (selectedId ? remove(selectedId) : false),
    'highlight.undoDelete': () => undo(),
    // The key is `Alt+3`: its digit is the grade.
    'highlight.credibility': (key) => (selectedId ? grade(selectedId, Number(key.slice(-1))) : false),
    'highlight.clearCredibility': () => (selectedId ? grade(selectedId, null) : false),
    // Carried out where the case is known (the case switcher): a picker of the case's claims.
    'highlight.addToClaim': () => (selectedId ? runCommand('highlight.addToClaim') : false),
    // Also carried out by the case switcher: the case's open matrix.
    'highlight.addToMatrix': () => (selectedId ? runCommand('highlight.addToMatrix') : false)
  })
}

/** Brings a highlight's mark into view and flashes it; false when the mark is not drawn. */
export function revealHighlight(id: string): boolean {
  const mark = document.querySelector<HTMLElement>(`mark[data-highlight-ids~="${CSS.escape(id)}"]`)
  if (!mark) return false
  centre(mark)
  // A keyboard reader in the text follows the highlight, so a screen reader says its label and quote.
  if (document.activeElement?.closest('[data-testid="reader-text"]')) mark.focus({ preventScroll: true })
  // An attribute React does not manage, so a re-render (selection, new highlight list) keeps it.
  mark.removeAttribute('data-flash')
  // Restart the animation even when the same mark flashes twice in a row.
  void mark.offsetWidth
  mark.setAttribute('data-flash', '')
  return true
}

/** Reveals a highlight once its article has been drawn (after opening it from a link; a long one is drawn in steps). */
export function revealWhenDrawn(id: string, framesLeft = 120): void {
  requestAnimationFrame(() => {
    if (!revealHighlight(id) && (framesLeft > 0 || readerStillDrawing())) revealWhenDrawn(id, framesLeft - 1)
  })
}
