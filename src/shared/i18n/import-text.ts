import type { Translate } from './messages'

/**
 * What an import left out, in the analyst's language. Main writes it in English for the report
 * and the CLI (office-documents: docx-document.ts); the report and the CLI translate the ones they know and
 * show any other as written.
 */
const NOTES: readonly [RegExp, (t: Translate, count: number) => string][] = [
  [/^(\d+) comments? not imported$/, (t, count) => t('library:import.note.comments', { count })],
  [/^(\d+) tracked changes? \(insertions kept, deletions left out\)$/, (t, count) => t('library:import.note.changes', { count })],
  [/^(\d+) images? left out$/, (t, count) => t('library:import.note.images', { count })]
]

export function importNote(note: string, t: Translate): string | null {
  for (const [pattern, word] of NOTES) {
    const match = pattern.exec(note)
    if (match) return word(t, Number(match[1]))
  }
  return null
}

/**
 * The counts in main's line for an updated article ("…; the previous text is kept, 2 highlights to
 * review, 1 needs attention."), for the report to word in the interface language, and the title
 * the earlier version had (the result's own title is the new version's), when the line names it.
 */
export function updatedParts(message: string): { toReview: number; needAttention: number; previousTitle: string | null } {
  return {
    toReview: Number(/(\d+) highlights? to review/.exec(message)?.[1] ?? 0),
    needAttention: Number(/(\d+) needs? attention/.exec(message)?.[1] ?? 0),
    previousTitle: /a newer version of “([\s\S]*)”; the previous text is kept/.exec(message)?.[1] ?? null
  }
}
