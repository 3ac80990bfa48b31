import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { revisionChange } from './revision-change'

describe('revisionChange', () => {
  it('names the words added, removed or replaced, in whole words', () => {
    expect(revisionChange('The pact holds.', 'The pact holds if insurers agree.')).toEqual({ at: 9, before: 'The pact ', removed: 'holds.', added: 'holds if insurers agree.' })
    expect(revisionChange('Who pays for the pool?', 'Who pays?')).toMatchObject({ removed: 'pays for the pool?', added: 'pays?' })
    expect(revisionChange('', 'First thought.')).toEqual({ at: 0, before: '', removed: '', added: 'First thought.' })
    expect(revisionChange('Same.', 'Same.')).toMatchObject({ removed: '', added: '' })
  })

  it('shows only a little of the text before a change far into a long note', () => {
    const long = `${'word '.repeat(200)}end`
    const change = revisionChange(long, `${long} and more`)
    expect(change.before.length).toBeLessThanOrEqual(42)
    expect(change.before.startsWith('…')).toBe(true)
    expect(change.added).toBe('end and more')
  })

  it('puts the added text where the removed text was, for any two texts', () => {
    const text = fc.string({ maxLength: 60, unit: fc.constantFrom('a', 'b', ' ', '.', 'é') })
    fc.assert(
      fc.property(text, text, text, text, (head, a, b, tail) => {
        const older = head + a + tail
        const newer = head + b + tail
        const change = revisionChange(older, newer)
        // Short enough never to be clipped, so the change is exact.
        expect(older.slice(0, change.at) + change.added + older.slice(change.at + change.removed.length)).toBe(newer)
        expect(change.removed.length).toBeLessThanOrEqual(older.length)
      })
    )
  })
})
