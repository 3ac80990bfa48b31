import { describe, expect, it } from 'vitest'
import { gradeDescription, gradeLabel, parseCredibilityRange, parseReliabilityRange } from './admiralty'

describe('Admiralty grades', () => {
  it('reads reliability ranges in either order, with a hyphen or an en dash, in any case', () => {
    expect(parseReliabilityRange('A-B')).toEqual(['A', 'B'])
    expect(parseReliabilityRange('c–a')).toEqual(['A', 'B', 'C'])
    expect(parseReliabilityRange('F')).toEqual(['F'])
    expect(parseReliabilityRange('A-G')).toBeNull()
    expect(parseReliabilityRange('1-2')).toBeNull()
  })

  it('reads credibility ranges', () => {
    expect(parseCredibilityRange('1-2')).toEqual([1, 2])
    expect(parseCredibilityRange('6-4')).toEqual([4, 5, 6])
    expect(parseCredibilityRange('3')).toEqual([3])
    expect(parseCredibilityRange('0-2')).toBeNull()
    expect(parseCredibilityRange('7')).toBeNull()
  })

  it('shows ungraded as ungraded, never as a default grade', () => {
    expect(gradeLabel(null, null)).toBe('ungraded')
    expect(gradeLabel('B', 2)).toBe('B2')
    expect(gradeLabel('B', null)).toBe('B?')
    expect(gradeLabel(null, 3)).toBe('?3')
  })

  it('explains both scales and says they are independent', () => {
    expect(gradeDescription('B', 2)).toBe('Source reliability B: usually reliable; information credibility 2: probably true (graded independently).')
    expect(gradeDescription(null, 6)).toContain('Source reliability not graded')
  })
})
