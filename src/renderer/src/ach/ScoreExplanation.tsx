import { memo, useId } from 'react'
import type { AchHypothesis } from '../../../shared/ach/ach-types'
import { formatScore } from '../../../shared/ach/matrix-markdown'
import { scoreTerms, type MatrixScores, type ScoreTerm, type ScoringRow } from '../../../shared/ach/scoring'
import { WEIGHT_MESSAGES } from '../../../shared/ach/weights'
import { useT } from '../i18n/use-t'

const WEIGHT_FIGURE = { low: '1/√2', medium: '1', high: '√2' } as const

export interface Explained {
  hypotheses: readonly AchHypothesis[]
  /** The hypothesis explained. */
  h: number
  rows: readonly ScoringRow[]
  scores: MatrixScores
}

/**
 * How the focused hypothesis's two scores are made, cell by cell: the arithmetic shown. Memoized
 * on one object, which the matrix hands over after a rating's frame is painted (`useAfterPaint`):
 * a rating adds or removes a line here, which moves everything below it, and that layout and
 * paint (more than the rest of the rating's frame together) need not delay the cell and scores.
 */
export const ScoreExplanation = memo(function ScoreExplanation({ explained }: { explained: Explained }) {
  const { hypotheses, h, rows, scores } = explained
  const headingId = useId()
  const t = useT()
  const hypothesis = hypotheses[h]
  if (!hypothesis) return null
  const terms = scoreTerms(rows, h)
  const least = scores.leastInconsistent.includes(h)
  return (
    <section className="ach-explain" aria-label={t('ach:explain.label')} data-testid="ach-explain">
      <h4 id={headingId}>
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
        // A box of its own height, scrolled: a rating adds or removes a line here, and a list that
        // grew with it moved everything below and made the panel's layer draw again. A scrolled
        // region is a Tab stop, named by the heading, so the keyboard can scroll it (axe).
        <ul className="ach-terms" tabIndex={0} aria-labelledby={headingId}>
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
})

/**
 * One cell's part in the score. Memoized by its values: a rating changes one term, and the other
 * lines of a long explanation (one per I or II in the column) are neither rendered nor compared.
 * Two text nodes a line, not one per value: each is laid out and painted again when a line above
 * it comes or goes.
 */
const TermLine = memo(function TermLine(term: ScoreTerm) {
  const t = useT()
  const credibility = `${t(WEIGHT_MESSAGES[term.credibility])} ${WEIGHT_FIGURE[term.credibility]}`
  const relevance = `${t(WEIGHT_MESSAGES[term.relevance])} ${WEIGHT_FIGURE[term.relevance]}`
  return (
    <li>
      <span translate="no">{`E${term.row + 1} ${term.cell}`}</span>
      {`: ${term.count} × ${credibility} × ${relevance} = ${formatScore(term.weighted)}`}
    </li>
  )
})
