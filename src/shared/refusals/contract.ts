import { englishNumber, refusal } from './refusal'

/** The fields the `input.too_long` refusal names in words (issue-sentence.ts says the same). */
const FIELDS: Readonly<Record<string, string>> = {
  query: 'the search',
  title: 'the title',
  author: 'the author',
  source: 'the source',
  dateline: 'the dateline',
  content: 'the note',
  text: 'the text',
  tag: 'the tag',
  name: 'the name',
  url: 'the address',
  outDir: 'the export folder',
  defaultExportDir: 'the export folder',
  template: 'the template',
  quote: 'the quote',
  fileName: 'the file name'
}

/** A request the contract refused, when its one fault is a text over its length. */
export const CONTRACT_REFUSALS = {
  'input.too_long': refusal('invalid_input', 'refusals:input.too_long', (v: { field: string; max: number }) => {
    const what = FIELDS[v.field] ?? 'the value'
    return `${what.charAt(0).toUpperCase() + what.slice(1)} is too long: at most ${englishNumber(v.max)} ${v.max === 1 ? 'character' : 'characters'}.`
  })
}
