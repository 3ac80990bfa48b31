import { FIELD_WORDS } from '../contract/field-words'
import { englishNumber, refusal } from './refusal'

/** A request the contract refused, when its one fault is a text over its length. */
export const CONTRACT_REFUSALS = {
  'input.too_long': refusal('invalid_input', 'refusals:input.too_long', (v: { field: string; max: number }) => {
    const what = FIELD_WORDS[v.field === 'fileName' ? 'files.name' : v.field] ?? 'the value'
    return `${what.charAt(0).toUpperCase() + what.slice(1)} is too long: at most ${englishNumber(v.max)} ${v.max === 1 ? 'character' : 'characters'}.`
  })
}
