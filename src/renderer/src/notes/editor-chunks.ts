/**
 * The note editors' code, split off the shell's first paint with Lexical (decision 0030): loaded
 * by the first note or notebook shown, or ahead of it once the window is idle.
 */
export const loadNoteEditor = () => import('./NoteEditor')
export const loadNotebookSection = () => import('./NotebookSection')
/** History brings the notes' schemas (zod, the domain types): opened from an editor, never at start. */
export const loadHistoryDialog = () => import('./HistoryDialog')

export function preloadEditors(): void {
  void loadNoteEditor()
  void loadNotebookSection()
  void loadHistoryDialog()
}
