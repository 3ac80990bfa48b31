import {
  CREDIBILITY_GRADES,
  CREDIBILITY_MEANING,
  RELIABILITY_GRADES,
  RELIABILITY_MEANING,
  gradeDescription,
  gradeLabel,
  type Credibility,
  type Reliability
} from '../../../shared/analysis/admiralty'
import { Tooltip } from '../ui/Tooltip'

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

/** "Source reliability B: usually reliable." for an article or a source. */
export function reliabilityDescription(reliability: Reliability | null): string {
  return reliability ? `Source reliability ${reliability}: ${RELIABILITY_MEANING[reliability].toLowerCase()}.` : 'Source reliability not graded.'
}

/**
 * The Admiralty grade as a chip: "B2" for a highlight (reliability of its source, credibility of
 * the passage), "B" for an article or a source. Ungraded is shown as ungraded, never as a default
 * grade; both definitions show on hover or focus.
 */
export function GradeChip({ reliability, credibility, inert }: ChipProps) {
  const forHighlight = credibility !== undefined
  const label = forHighlight ? gradeLabel(reliability, credibility) : (reliability ?? 'ungraded')
  const description = forHighlight ? gradeDescription(reliability, credibility) : reliabilityDescription(reliability)
  const className = `grade-chip${label === 'ungraded' ? ' ungraded' : ''}`
  if (inert) {
    return (
      <span className={className} title={description} data-testid="grade-chip" data-grade={label}>
        <span aria-hidden>{label}</span>
        <span className="visually-hidden">Grade {label}. {description}</span>
      </span>
    )
  }
  return (
    <Tooltip content={description}>
      <span className={className} tabIndex={0} role="img" aria-label={`Grade ${label}. ${description}`} data-testid="grade-chip" data-grade={label}>
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
  return (
    <div className="grade-picker" role="group" aria-label={label} data-testid="reliability-picker">
      {RELIABILITY_GRADES.map((g) => (
        <button key={g} type="button" aria-pressed={value === g} disabled={disabled} title={RELIABILITY_MEANING[g]} aria-label={`${g}: ${RELIABILITY_MEANING[g]}`} onClick={() => onChange(g)}>
          {g}
        </button>
      ))}
      <button type="button" aria-pressed={value === null} disabled={disabled} onClick={() => onChange(null)}>
        Ungraded
      </button>
    </div>
  )
}

/** 1–6 and Ungraded; the keys Alt 1–6 and Alt 0 do the same on the selected highlight. */
export function CredibilityPicker({ label, value, onChange, disabled }: PickerProps<Credibility>) {
  return (
    <div className="grade-picker" role="group" aria-label={label} data-testid="credibility-picker">
      {CREDIBILITY_GRADES.map((g) => (
        <button
          key={g}
          type="button"
          aria-pressed={value === g}
          disabled={disabled}
          title={`${CREDIBILITY_MEANING[g]} (Alt ${g})`}
          aria-label={`${g}: ${CREDIBILITY_MEANING[g]}`}
          onClick={() => onChange(g)}
        >
          {g}
        </button>
      ))}
      <button type="button" aria-pressed={value === null} disabled={disabled} onClick={() => onChange(null)} title="Alt 0">
        Ungraded
      </button>
    </div>
  )
}
