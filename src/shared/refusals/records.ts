import { refusal } from './refusal'

type Id = { id: string | number }

/** A request naming something the library no longer has (deleted, or never there). */
export const RECORD_REFUSALS = {
  'missing.article': refusal('not_found', 'refusals:missing.article', (v: Id) => `No article with id ${v.id}.`),
  'missing.highlight': refusal('not_found', 'refusals:missing.highlight', (v: Id) => `No highlight with id ${v.id}.`),
  'missing.highlight_in_trash': refusal('not_found', 'refusals:missing.highlight_in_trash', (v: Id) => `No highlight with id ${v.id} (it is in the Trash).`),
  'missing.highlight_maybe_deleted': refusal('not_found', 'refusals:missing.highlight_maybe_deleted', (v: Id) => `No highlight with id ${v.id}: it may have been deleted.`),
  'missing.case': refusal('not_found', 'refusals:missing.case', (v: Id) => `No case with id ${v.id}.`),
  'missing.label': refusal('not_found', 'refusals:missing.label', (v: Id) => `No label with id ${v.id}.`),
  'missing.source': refusal('not_found', 'refusals:missing.source', (v: Id) => `No source with id ${v.id}.`),
  'missing.claim': refusal('not_found', 'refusals:missing.claim', (v: Id) => `No claim with id ${v.id}.`),
  'missing.entity': refusal('not_found', 'refusals:missing.entity', (v: Id) => `No entity with id ${v.id}.`),
  'missing.entity_decision': refusal('not_found', 'refusals:missing.entity_decision', (v: Id) => `No entity decision with id ${v.id}: it was already taken back.`),
  'missing.timeline_event': refusal('not_found', 'refusals:missing.timeline_event', (v: Id) => `No timeline event with id ${v.id}.`),
  'missing.matrix': refusal('not_found', 'refusals:missing.matrix', (v: Id) => `No hypotheses matrix with id ${v.id}.`),
  'missing.hypothesis': refusal('not_found', 'refusals:missing.hypothesis', (v: Id) => `No hypothesis with id ${v.id}.`),
  'missing.ach_row': refusal('not_found', 'refusals:missing.ach_row', (v: Id) => `No row with id ${v.id}.`),
  'missing.ach_row_or_trashed': refusal('not_found', 'refusals:missing.ach_row_or_trashed', (v: Id) => `No row with id ${v.id} (or its highlight is in the Trash).`),
  'missing.snapshot': refusal('not_found', 'refusals:missing.snapshot', (v: Id) => `No snapshot with id ${v.id}.`),
  'missing.paired_browser': refusal('not_found', 'refusals:missing.paired_browser', (v: Id) => `No paired browser with id ${v.id}.`),
  /** `kind`: the job registry's kind (import, export, verify, entity_extraction), with `_` for `-` as an ICU select key. */
  'missing.job': refusal('not_found', 'refusals:missing.job', (v: { kind: string; id: string }) => `No ${v.kind.replaceAll('_', '-')} job ${v.id}.`)
}
