import { describe, expect, it } from 'vitest'
import { isFullSentence, isHeadingShaped, isHeadlineLike, isNavigationLike, sentenceCount } from './line-shape'

describe('line shapes', () => {
  it('tells headlines from sentences', () => {
    expect(isHeadlineLike('US warms to Russia, but the Kremlin’s agenda isn’t bending')).toBe(true)
    expect(isHeadlineLike('Is the port ready?')).toBe(true)
    expect(isHeadlineLike('函館の朝市、観光客が戻る')).toBe(true)
    expect(isHeadlineLike('The talks failed.')).toBe(false)
    expect(isHeadlineLike('and the ministry said')).toBe(false)
    expect(isHeadlineLike('Will the new ferry link survive the coming winter storms at sea?')).toBe(false)
  })

  it('knows a full sentence, closing quote included', () => {
    expect(isFullSentence('He said the port was “never designed for anything like this.”')).toBe(true)
    expect(isFullSentence('He called the delays “unacceptable and avoidable” in the meeting”')).toBe(true)
    expect(isFullSentence('Short one.')).toBe(false)
  })

  it('knows headings and link text', () => {
    expect(isHeadingShaped('A whole new harbour economy')).toBe(true)
    expect(isHeadingShaped('a whole new harbour economy')).toBe(false)
    expect(isHeadingShaped('What next?')).toBe(false)
    expect(isNavigationLike('Tallinn tram strike ends')).toBe(true)
    expect(isNavigationLike('Читайте также')).toBe(false)
    expect(isNavigationLike('The strike ended.')).toBe(false)
  })

  it('counts sentences past abbreviations and initials', () => {
    expect(sentenceCount('Mr. Doe met U.S. officials in Riga, Feb. 13, 2025.')).toBe(1)
    expect(sentenceCount('The talks began. They ended in Riga.')).toBe(2)
  })
})
