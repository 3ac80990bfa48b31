import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { inPieces, PIECE_BYTES } from './byte-pieces'

describe('bytes laid out in pieces', () => {
  it('holds the same bytes as one buffer, in pieces of the set size but the last', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 40_000 }), { maxLength: 12 }), (parts) => {
        const pieces = inPieces(parts)
        expect(Buffer.concat(pieces).equals(Buffer.concat(parts))).toBe(true)
        expect(pieces.slice(0, -1).every((p) => p.length === PIECE_BYTES)).toBe(true)
        expect(pieces.every((p) => p.length > 0 && p.length <= PIECE_BYTES)).toBe(true)
      }),
      { numRuns: 200 }
    )
  })
})
