import {
  CREDIBILITY_GRADES,
  CREDIBILITY_MESSAGES,
  RELIABILITY_GRADES,
  RELIABILITY_MESSAGES,
  gradeLabel,
  type Credibility,
  type Reliability
} from '../../../shared/analysis/admiralty'
import { useLocale, useT } from '../i18n/use-t'
import { Tooltip } from '../ui/Tooltip'
import { gradeDescription, gradeText, reliabilityDescription } from './grade-text'

interface ChipProps {
  reliability: Reliability | null
  /** Absent for an article or a source, which carry reliability only. */
  credibility?: number | null
  /**
   * Inside a button (a list row) the chip cannot take the focus itself: it says its meaning to
   * screen readers in hidden text and on hover by its title, and the row carries the focus.
   */
  inert?: boolean
}

/**
 * The Admiralty grade as a chip: "B2" for a highlight (reliability of its source, credibility of
 * the passage), "B" for an article or a source. Ungraded is shown as ungraded, never as a default
 * grade; both definitions show on hover or focus.
 */
export function GradeChip({ reliability, credibility, inert }: ChipProps) {
  const t = useT()
  const { intl } = useLocale()
  const forHighlight = credibility !== undefined
  const grade = forHighlight ? gradeLabel(reliability, credibility) : (reliability ?? 'ungraded')
  const label = gradeText(t, reliability, credibility)
  const description = forHighlight ? gradeDescription(t, intl, reliability, credibility) : reliabilityDescription(t, intl, reliability)
  const className = `grade-chip${grade === 'ungraded' ? ' ungraded' : ''}`
  const name = t('claims:grade.chipName', { grade: label, description })
  if (inert) {
    return (
      <span className={className} title={description} data-testid="grade-chip" data-grade={grade}>
        <span aria-hidden>{label}</span>
        <span className="visually-hidden">{name}</span>
      </span>
    )
  }
  return (
    <Tooltip content={description}>
      <span className={className} tabIndex={0} role="img" aria-label={name} data-testid="grade-chip" data-grade={grade}>
        {label}
      </span>
    </Tooltip>
  )
}

interface PickerProps<G> {
  label: string
  value: G | null
  onChange(grade: G | null): void
  disabled?: boolean
}

/** A–F and Ungraded as a row of toggle buttons, each with its meaning. */
export function ReliabilityPicker({ label, value, onChange, disabled }: PickerProps<Reliability>) {
  const t = useT()
  return (
    <div className="grade-picker" role="group" aria-label={label} data-testid="reliability-picker">
      {RELIABILITY_GRADES.map((g) => (
        <button
          key={g}
          type="button"
          aria-pressed={value === g}
          disabled={disabled}
          title={t(RELIABILITY_MESSAGES[g])}
          aria-label={t('claims:grade.option', { grade: g, meaning: t(RELIABILITY_MESSAGES[g]) })}
          onClick={() => onChange(g)}
        >
          {g}
        </button>
      ))}
      <button type="button" aria-pressed={value === null} disabled={disabled} onClick={() => onChange(null)}>
        {t('claims:grade.ungraded')}
      </button>
    </div>
  )
}

/** 1–6 and Ungraded; the keys Alt 1–6 and Alt 0 do the same on the selected highlight. */
export function CredibilityPicker({ label, value, onChange, disabled }: PickerProps<Credibility>) {
  const t = useT()
  return (
    <div className="grade-picker" role="group" aria-label={label} data-testid="credibility-picker">
      {CREDIBILITY_GRADES.map((g) => (
        <button
          key={g}
          type="button"
          aria-pressed={value === g}
          disabled={disabled}
          title={t('claims:grade.withShortcut', { meaning: t(CREDIBILITY_MESSAGES[g]), shortcut: `Alt ${g}` })}
          aria-label={t('claims:grade.option', { grade: g, meaning: t(CREDIBILITY_MESSAGES[g]) })}
          onClick={() => onChange(g)}
        >
          {g}
        </button>
      ))}
      <button type="button" aria-pressed={value === null} disabled={disabled} onClick={() => onChange(null)} title={t('claims:grade.withShortcut', { meaning: t('claims:grade.ungraded'), shortcut: 'Alt 0' })}>
        {t('claims:grade.ungraded')}
      </button>
    </div>
  )
}
