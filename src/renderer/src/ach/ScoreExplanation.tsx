import { memo } from 'react'
import type { AchHypothesis } from '../../../shared/ach/ach-types'
import { formatScore } from '../../../shared/ach/matrix-markdown'
import { scoreTerms, type MatrixScores, type ScoreTerm, type ScoringRow } from '../../../shared/ach/scoring'
import { WEIGHT_MESSAGES } from '../../../shared/ach/weights'
import { useT } from '../i18n/use-t'

const WEIGHT_FIGURE = { low: '1/√2', medium: '1', high: '√2' } as const

/** How the focused hypothesis's two scores are made, cell by cell: the arithmetic shown. */
export function ScoreExplanation({ hypotheses, h, rows, scores }: { hypotheses: readonly AchHypothesis[]; h: number; rows: readonly ScoringRow[]; scores: MatrixScores }) {
  const t = useT()
  const hypothesis = hypotheses[h]
  if (!hypothesis) return null
  const terms = scoreTerms(rows, h)
  const least = scores.leastInconsistent.includes(h)
  return (
    <section className="ach-explain" aria-label={t('ach:explain.label')} data-testid="ach-explain">
      <h4>
        H{h + 1} <span translate="no">{hypothesis.text}</span>
      </h4>
      <p>
        {t(least ? 'ach:explain.scoresLeast' : 'ach:explain.scores', {
          inconsistency: scores.inconsistency[h]!,
          weighted: formatScore(scores.weighted[h]!),
          rank: scores.rank[h]!,
          count: hypotheses.length
        })}
      </p>
      {terms.length === 0 ? (
        <p className="ach-muted">{t('ach:explain.nothingAgainst')}</p>
      ) : (
        <ul className="ach-terms">
          {terms.map((term) => (
            <TermLine key={term.row} {...term} />
          ))}
        </ul>
      )}
      <p className="ach-muted">
        {t('ach:explain.method')}
      </p>
    </section>
  )
}

/**
 * One cell's part in the score. Memoized by its values: a rating changes one term, and the other
 * lines of a long explanation (one per I or II in the column) are neither rendered nor compared.
 */
const TermLine = memo(function TermLine(term: ScoreTerm) {
  const t = useT()
  return (
    <li>
      <span translate="no">
        E{term.row + 1} {term.cell}
      </span>
      : {term.count} × {t(WEIGHT_MESSAGES[term.credibility])} {WEIGHT_FIGURE[term.credibility]} × {t(WEIGHT_MESSAGES[term.relevance])}{' '}
      {WEIGHT_FIGURE[term.relevance]} = {formatScore(term.weighted)}
    </li>
  )
})
