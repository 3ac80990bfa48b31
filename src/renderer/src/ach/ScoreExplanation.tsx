import type { AchHypothesis } from '../../../shared/ach/ach-types'
import { formatScore } from '../../../shared/ach/matrix-markdown'
import { scoreTerms, type MatrixScores, type ScoringRow } from '../../../shared/ach/scoring'
import { WEIGHT_LABEL } from '../../../shared/ach/weights'

const WEIGHT_FIGURE = { low: '1/√2', medium: '1', high: '√2' } as const

/** How the focused hypothesis's two scores are made, cell by cell: the arithmetic shown. */
export function ScoreExplanation({ hypotheses, h, rows, scores }: { hypotheses: readonly AchHypothesis[]; h: number; rows: readonly ScoringRow[]; scores: MatrixScores }) {
  const hypothesis = hypotheses[h]
  if (!hypothesis) return null
  const terms = scoreTerms(rows, h)
  const least = scores.leastInconsistent.includes(h)
  return (
    <section className="ach-explain" aria-label="How the scores are made" data-testid="ach-explain">
      <h4>
        H{h + 1} {hypothesis.text}
      </h4>
      <p>
        Inconsistency <strong>{scores.inconsistency[h]}</strong>, weighted <strong>{formatScore(scores.weighted[h]!)}</strong>, rank {scores.rank[h]} of {hypotheses.length}
        {least ? ' (least inconsistent)' : ''}.
      </p>
      {terms.length === 0 ? (
        <p className="ach-muted">No enabled row rates it I or II, so nothing counts against it yet.</p>
      ) : (
        <ul className="ach-terms">
          {terms.map((t) => (
            <li key={t.row}>
              E{t.row + 1} {t.cell}: {t.count} × {WEIGHT_LABEL[t.credibility]} {WEIGHT_FIGURE[t.credibility]} × {WEIGHT_LABEL[t.relevance]} {WEIGHT_FIGURE[t.relevance]} = {formatScore(t.weighted)}
            </li>
          ))}
        </ul>
      )}
      <p className="ach-muted">
        Heuer ranks hypotheses by the evidence against them: I counts 1, II counts 2, consistent and neutral ratings count nothing. The weighted score multiplies each by the row&apos;s
        credibility × relevance (Low 1/√2, Medium 1, High √2). The least inconsistent hypothesis is the strongest; rows switched off count nowhere.
      </p>
    </section>
  )
}
