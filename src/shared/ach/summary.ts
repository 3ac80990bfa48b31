import type { MatrixScores } from './scoring'

export interface HypothesisStanding {
  /** The hypothesis's place in the matrix's own order. */
  index: number
  text: string
  /** 1 for the least inconsistent; ties share a rank. */
  rank: number
  inconsistency: number
  weighted: number
}

/**
 * The hypotheses from least to most inconsistent (weighted), matrix order within a tie: what a
 * brief or a CLI line shows of a matrix.
 */
export function rankedHypotheses(texts: readonly string[], scores: MatrixScores): HypothesisStanding[] {
  return texts
    .map((text, index) => ({ index, text, rank: scores.rank[index]!, inconsistency: scores.inconsistency[index]!, weighted: scores.weighted[index]! }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
}
