import { describe, expect, it } from 'vitest'
import { createI18n, translator } from '.'
import { importNote, updatedParts } from './import-text'

describe('the import report’s words from main', () => {
  it('translates what an office document left out, with the count in the language’s plural', async () => {
    const fr = translator(await createI18n('fr'))
    expect(importNote('3 comments not imported', fr)).toBe('3 commentaires non importés')
    expect(importNote('1 image left out', fr)).toBe('1 image écartée')
    const ar = translator(await createI18n('ar'))
    expect(importNote('2 tracked changes (insertions kept, deletions left out)', ar)).toMatch(/^تغييران/)
    // A note this version does not know is shown as main wrote it.
    expect(importNote('5 footnotes moved', fr)).toBeNull()
  })

  it('reads the counts out of main’s line for an updated article', () => {
    expect(updatedParts('a.html: a newer version of “A”; the previous text is kept, 2 highlights to review, 1 needs attention.')).toEqual({ toReview: 2, needAttention: 1, previousTitle: 'A' })
    expect(updatedParts('a.html: a newer version of “A”; the previous text is kept.')).toEqual({ toReview: 0, needAttention: 0, previousTitle: 'A' })
    // A title may hold the quote marks itself.
    expect(updatedParts('a.html: a newer version of “The “grain” deal”; the previous text is kept.').previousTitle).toBe('The “grain” deal')
    expect(updatedParts('something else').previousTitle).toBeNull()
  })
})
