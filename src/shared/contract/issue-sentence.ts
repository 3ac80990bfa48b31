import type { z } from 'zod'
import type { Reason } from '../reasons'
import { REFUSALS } from '../refusals'
import { FIELD_WORDS } from './field-words'

/**
 * Contract (zod) failures as sentences for people. The analyst meets these when the app or the
 * CLI passes on something too long, too short or malformed (a 12,000-character search, a
 * 70-character tag): the sentence names the thing in words and says what is allowed, never
 * "Too big: expected string to have <=10000 characters".
 */

const UNIT: Record<string, [one: string, many: string]> = {
  string: ['character', 'characters'],
  array: ['item', 'items'],
  set: ['item', 'items'],
  file: ['byte', 'bytes']
}

export function describeIssues(error: z.ZodError): string {
  const sentences = error.issues.slice(0, 5).map(issueSentence)
  return [...new Set(sentences)].join(' ')
}

/**
 * The same refusal as a reason the catalogs word (`input.too_long`), when its one fault is a text
 * over its length in a field named in words; undefined otherwise (the code's message is shown).
 * Given only when the reason's English is the sentence above, word for word.
 */
export function issuesReason(error: z.ZodError): Reason | undefined {
  const [issue, ...more] = error.issues
  if (!issue || more.length > 0 || issue.code !== 'too_big' || issue.origin !== 'string') return undefined
  if (issue.path.some((p) => typeof p !== 'string')) return undefined
  const names = issue.path as string[]
  const field = names.slice(-2).join('.') === 'files.name' ? 'fileName' : names.at(-1)
  if (field === undefined) return undefined
  const values = { field, max: Number(issue.maximum) }
  return REFUSALS['input.too_long'].english(values) === describeIssues(error) ? { id: 'input.too_long', values } : undefined
}

/** One issue as a sentence that starts with a capital and ends with a full stop. */
export function issueSentence(issue: z.core.$ZodIssue): string {
  const what = fieldWords(issue.path)
  // A message the contract wrote itself is kept; zod's defaults are replaced.
  if (!ZOD_DEFAULT.test(issue.message)) {
    return /^[A-Z“].*[.!?]$/s.test(issue.message) ? issue.message : `${capitalise(custom(issue, what))}.`
  }
  const sentence = ((): string => {
    switch (issue.code) {
      case 'too_big': {
        const max = Number(issue.maximum)
        const unit = UNIT[issue.origin]
        if (unit) return `${what} is too long: at most ${count(max, unit)}`
        return `${what} is too large: at most ${number(max)}`
      }
      case 'too_small': {
        const min = Number(issue.minimum)
        const unit = UNIT[issue.origin]
        if (unit) return min <= 1 ? `nothing was given for ${what}: at least ${count(min, unit)}` : `${what} is too short: at least ${count(min, unit)}`
        return `${what} is too small: at least ${number(min)}`
      }
      case 'invalid_type':
        if (/received undefined/.test(issue.message)) return `${what} is missing`
        return `${what} should be ${TYPE_WORDS[issue.expected] ?? issue.expected}`
      case 'invalid_format':
        if (issue.format === 'regex' && !issue.message.startsWith('Invalid')) return custom(issue, what)
        return `${what} is not ${FORMAT_WORDS[issue.format] ?? `in the expected form (${issue.format})`}`
      case 'invalid_value':
        return `${what} should be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
      case 'unrecognized_keys':
        return `${capitalise(issue.keys.length === 1 ? 'the field' : 'the fields')} ${issue.keys.map((k) => `“${k}”`).join(', ')} ${issue.keys.length === 1 ? 'is' : 'are'} not known here`
      case 'invalid_union': {
        // The branch that came closest says best what was wrong.
        const closest = [...issue.errors].sort((x, y) => x.length - y.length)[0]?.[0]
        if (closest) return issueSentence({ ...closest, path: [...issue.path, ...closest.path] }).slice(0, -1)
        return `${what} is not in a form Dossier accepts`
      }
      case 'not_multiple_of':
        return `${what} should be a multiple of ${String(issue.divisor)}`
      default:
        return custom(issue, what)
    }
  })()
  return `${capitalise(sentence)}.`
}

/** Custom checks in the contract already carry words ("a tag is words without commas"). */
function custom(issue: z.core.$ZodIssue, what: string): string {
  if (/^Invalid\b/.test(issue.message)) return `${what} is not in a form Dossier accepts`
  const field = issue.path.filter((p) => typeof p === 'string').at(-1)
  if (typeof field === 'string' && issue.message.toLowerCase().startsWith(field.toLowerCase())) return issue.message
  return `${what}: ${issue.message}`
}

const ZOD_DEFAULT = /^(Too big|Too small|Invalid|Unrecognized)\b/

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'yes or no (true or false)',
  object: 'an object with named fields',
  array: 'a list'
}

const FORMAT_WORDS: Record<string, string> = {
  uuid: 'a valid id',
  guid: 'a valid id',
  url: 'a valid address',
  email: 'a valid e-mail address',
  datetime: 'a date and time (ISO 8601)',
  date: 'a date (YYYY-MM-DD)',
  regex: 'in the expected form'
}

function fieldWords(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the request'
  const names = path.filter((p): p is string => typeof p === 'string')
  const last = names.at(-1)
  const words = last ? (FIELD_WORDS[names.slice(-2).join('.')] ?? FIELD_WORDS[last]) : undefined
  const index = path.findLast((p) => typeof p === 'number')
  if (words) return index === undefined ? words : `${words} (item ${index + 1})`
  return `“${path.map(String).join('.')}”`
}

function count(n: number, [one, many]: [string, string]): string {
  return `${number(n)} ${n === 1 ? one : many}`
}

function number(n: number): string {
  return Number.isFinite(n) ? n.toLocaleString('en-US') : String(n)
}

function capitalise(s: string): string {
  return s.startsWith('“') ? s : s.charAt(0).toUpperCase() + s.slice(1)
}
