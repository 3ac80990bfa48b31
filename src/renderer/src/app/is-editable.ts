/**
 * True where typing belongs to a field or editor, so app shortcuts must stay out of the way.
 * Inside a note editor that includes its embedded views (a quote node's button is not itself
 * contenteditable, but keys pressed there belong to the note).
 */
export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.closest('[data-lexical-editor], .note-editor') !== null
}
