import { CREDIBILITY_MESSAGES, gradeLabel, isCredibility, RELIABILITY_MESSAGES, type Reliability } from '../../../shared/analysis/admiralty'
import type { Translate } from '../../../shared/i18n'

/** "usually reliable": the scale's wording inside a sentence. */
function inSentence(text: string, intl: string): string {
  return text.toLocaleLowerCase(intl)
}

/** "Source reliability B: usually reliable." for an article or a source. */
export function reliabilityDescription(t: Translate, intl: string, reliability: Reliability | null): string {
  return reliability
    ? t('claims:grade.reliabilityOf', { grade: reliability, meaning: inSentence(t(RELIABILITY_MESSAGES[reliability]), intl) })
    : t('claims:grade.reliabilityNone')
}

/** Both definitions, for a highlight's chip: the two scales are independent. */
export function gradeDescription(t: Translate, intl: string, reliability: Reliability | null, credibility: number | null): string {
  const source = reliability
    ? t('claims:grade.reliabilityPart', { grade: reliability, meaning: inSentence(t(RELIABILITY_MESSAGES[reliability]), intl) })
    : t('claims:grade.reliabilityPartNone')
  const info = isCredibility(credibility)
    ? t('claims:grade.credibilityPart', { grade: credibility, meaning: inSentence(t(CREDIBILITY_MESSAGES[credibility]), intl) })
    : t('claims:grade.credibilityPartNone')
  return t('claims:grade.both', { source, info })
}

/** "B2", "B", or "ungraded" in the interface's language. */
export function gradeText(t: Translate, reliability: Reliability | string | null, credibility?: number | null): string {
  const label = credibility === undefined ? (reliability ?? 'ungraded') : gradeLabel(reliability as Reliability | null, credibility)
  return label === 'ungraded' ? t('claims:grade.ungradedLabel') : label
}
