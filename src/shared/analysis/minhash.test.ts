import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ARTICLE_PAIRS, PASSAGE_PAIRS } from './fixtures/labelled-pairs'
import { ARTICLE_SHINGLE, bandKeys, estimatedJaccard, minhashSignature, NEAR_COPY_THRESHOLD, signatureOfShingles } from './minhash'
import { passageOverlap, PASSAGE_COPY_THRESHOLD, wordShingles } from './shingles'

/** The exact Jaccard similarity of the two texts' article shingles, for checking the estimate. */
function jaccard(a: string, b: string): number {
  const x = wordShingles(a, 4)
  const y = wordShingles(b, 4)
  let shared = 0
  for (const s of x) if (y.has(s)) shared++
  return shared / (x.size + y.size - shared)
}

describe('near-duplicate articles (MinHash)', () => {
  it.each(ARTICLE_PAIRS)('$name: copy=$copy', ({ a, b, copy }) => {
    const similarity = estimatedJaccard(minhashSignature(a), minhashSignature(b))
    expect(similarity >= NEAR_COPY_THRESHOLD).toBe(copy)
  })

  it('estimates Jaccard similarity within the error its 60 positions allow', () => {
    for (const { a, b } of ARTICLE_PAIRS) {
      // Standard error sqrt(J(1-J)/60) ≤ 0.065; three of them.
      expect(Math.abs(estimatedJaccard(minhashSignature(a), minhashSignature(b)) - jaccard(a, b))).toBeLessThan(0.2)
    }
  })

  it('puts every labelled copy in a shared LSH band, so the index finds it', () => {
    for (const { a, b, copy } of ARTICLE_PAIRS) {
      if (!copy) continue
      const keysA = new Set(bandKeys(minhashSignature(a)))
      expect(bandKeys(minhashSignature(b)).some((k) => keysA.has(k))).toBe(true)
    }
  })

  it('is the signature of the text\'s set of word 4-shingles, whatever the text: repeated shingles, short texts, any script', () => {
    const word = fc.constantFrom('port', 'Port', 'talks', 'résumé', 'harbour', 'déjà', '港湾', 'Ölhafen', 'a', '42', 'x1')
    const gap = fc.constantFrom(' ', ', ', '. ', '\n', ' — ', '’s ')
    fc.assert(
      fc.property(fc.array(fc.tuple(word, gap), { maxLength: 40 }), (parts) => {
        const text = parts.map(([w, g]) => w + g).join('')
        expect(Array.from(minhashSignature(text))).toEqual(Array.from(signatureOfShingles(wordShingles(text, ARTICLE_SHINGLE))))
      }),
      { numRuns: 300 }
    )
  })

  it('ignores case, punctuation and diacritics', () => {
    expect(estimatedJaccard(minhashSignature('Café prices ROSE, sharply; in Kinshasa on Monday'), minhashSignature('cafe prices rose sharply in kinshasa on monday'))).toBe(1)
  })
})

describe('near-copied passages (word trigram overlap)', () => {
  it.each(PASSAGE_PAIRS)('$name: copy=$copy', ({ a, b, copy }) => {
    expect(passageOverlap(a, b) >= PASSAGE_COPY_THRESHOLD).toBe(copy)
  })
})
