/**
 * The Obsidian block id of a highlight in exported Markdown (`^h-…`). Derived from the
 * highlight's id alone, so links into an export survive every re-export.
 */
export function highlightBlockId(highlightId: string): string {
  return `h-${highlightId}`
}
