import { DossierError } from '../errors'
import { ACH_REFUSALS } from './ach'
import { ANALYSIS_REFUSALS } from './analysis'
import { CONTRACT_REFUSALS } from './contract'
import { ENTITY_REFUSALS } from './entities'
import { LIBRARY_REFUSALS } from './library'
import { RECORD_REFUSALS } from './records'
import type { Refusal } from './refusal'
import { SYSTEM_REFUSALS } from './system'
import { WORK_REFUSALS } from './work'

/**
 * Every way main refuses a request outside the import pipeline, by reason id (decision 0043's
 * reasons, issue 21): the catalog message in the `refusals` namespace words it in the analyst's
 * language, the English sentence stays main's message.
 */
export const REFUSALS = {
  ...RECORD_REFUSALS,
  ...ANALYSIS_REFUSALS,
  ...ACH_REFUSALS,
  ...ENTITY_REFUSALS,
  ...LIBRARY_REFUSALS,
  ...SYSTEM_REFUSALS,
  ...WORK_REFUSALS,
  ...CONTRACT_REFUSALS
}

export type RefusalId = keyof typeof REFUSALS
export type RefusalValuesOf<K extends RefusalId> = (typeof REFUSALS)[K] extends Refusal<infer V> ? V : never

export const REFUSAL_IDS = Object.keys(REFUSALS) as RefusalId[]

/** Main's failure for `id`: its code, its English sentence and its reason, from one set of values. */
export function refuse<K extends RefusalId>(id: K, ...values: keyof RefusalValuesOf<K> extends never ? [] : [RefusalValuesOf<K>]): DossierError {
  const spec = REFUSALS[id] as Refusal<RefusalValuesOf<K>>
  const v = (values[0] ?? {}) as RefusalValuesOf<K>
  return new DossierError(spec.code, spec.english(v), { id, values: v })
}
