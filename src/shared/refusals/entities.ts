import { refusal } from './refusal'

/** How each precision of a timeline date is written (ISO 8601). */
export type Precision = 'day' | 'month' | 'year'
const FORMAT: Record<Precision, string> = { day: 'YYYY-MM-DD', month: 'YYYY-MM', year: 'YYYY' }

/** Entities, the watch list and the timeline. */
export const ENTITY_REFUSALS = {
  'entity.merge_into_itself': refusal('invalid_input', 'refusals:entity.merge_into_itself', () => 'An entity cannot be merged into itself.'),
  'entity.alias_is_origin': refusal(
    'invalid_input',
    'refusals:entity.alias_is_origin',
    (v: { alias: string; name: string }) => `“${v.alias}” is the name ${v.name} was found under, not an alias that can be split off; rename the entity instead.`
  ),
  'entity.name_missing': refusal('invalid_input', 'refusals:entity.name_missing', () => 'An entity needs a name.'),
  'entity.passage_outside': refusal('invalid_input', 'refusals:entity.passage_outside', (v: { start: number; end: number }) => `The passage ${v.start}–${v.end} is outside the article's text.`),
  'watch.empty': refusal('invalid_input', 'refusals:watch.empty', () => 'pattern: a watch-list entry needs a name or a pattern.'),
  'watch.bad_pattern': refusal(
    'invalid_input',
    'refusals:watch.bad_pattern',
    (v: { pattern: string; detail: string }) => `pattern: “${v.pattern}” is not a valid regular expression for the watch list (${v.detail}).`
  ),
  'watch.unsupported_pattern': refusal(
    'invalid_input',
    'refusals:watch.unsupported_pattern',
    (v: { pattern: string; detail: string }) =>
      `pattern: “${v.pattern}” is not a valid regular expression for the watch list (${v.detail}). Back-references and look-around are not supported: they are what lets a pattern run for hours.`
  ),
  'watch.matches_empty': refusal(
    'invalid_input',
    'refusals:watch.matches_empty',
    (v: { pattern: string }) => `pattern: “${v.pattern}” matches an empty text, so it would match everywhere; make some part of it required.`
  ),
  'timeline.bad_date': refusal(
    'invalid_input',
    'refusals:timeline.bad_date',
    (v: { date: string; precision: Precision }) => `date: “${v.date}” is not a ${v.precision} (expected ${FORMAT[v.precision]}).`
  ),
  'timeline.bad_end': refusal(
    'invalid_input',
    'refusals:timeline.bad_end',
    (v: { dateEnd: string; precision: Precision; date: string }) => `dateEnd: “${v.dateEnd}” must be a ${v.precision} (${FORMAT[v.precision]}) on or after ${v.date}.`
  ),
  'timeline.no_date': refusal('invalid_input', 'refusals:timeline.no_date', () => 'The passage has no date: give one (YYYY-MM-DD, YYYY-MM or YYYY).')
}
