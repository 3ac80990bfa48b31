/** The drag type a highlight carries from the highlights panel into a notebook. */
export const HIGHLIGHT_DRAG_TYPE = 'application/x-dossier-highlight'

export function isHighlightDrag(data: DataTransfer | null): boolean {
  return data?.types.includes(HIGHLIGHT_DRAG_TYPE) ?? false
}
