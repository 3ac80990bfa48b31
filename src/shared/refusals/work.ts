import { englishNumber, refusal } from './refusal'

/** The worker pools main runs, by the key a message's select names them with. */
export const WORKER_NAMES: Readonly<Record<string, string>> = {
  compute: 'compute worker',
  export: 'export writer',
  import: 'import worker',
  search: 'search worker'
}

type Worker = {
  /** `compute`, `export`, `import` or `search`; any other pool is named by `name` as it is. */
  worker: string
  name: string
}

const the = (v: Worker) => `the ${WORKER_NAMES[v.worker] ?? v.name}`

/** The two ways a template's line may be unknown to Handlebars. */
type Line = { line: string | number }

const TOKENS: Readonly<Record<string, string>> = {
  EOF: 'end of template',
  INVALID: 'character',
  CLOSE: '}}',
  OPEN: '{{',
  OPEN_BLOCK: 'open block',
  OPEN_ENDBLOCK: 'open endblock',
  ID: 'id',
  STRING: 'string',
  NUMBER: 'number'
}

/** Handlebars' name for a token, as the template refusal shows it. */
export function templateToken(token: string): string {
  return TOKENS[token] ?? token.toLowerCase().replace(/_/g, ' ')
}

const CHECK_BRACES = 'check that every {{ has its }} and every {{#block}} its {{/block}}'
const KNOWN_HELPERS = 'blockquote, escape, yaml, join, if, unless, each, with'

/** Background workers, export templates, notes and the call gate itself. */
export const WORK_REFUSALS = {
  'worker.gave_up': refusal('too_complex', 'refusals:worker.gave_up', (v: Worker & { seconds: number }) => `${the(v)} gave up after ${v.seconds} s`),
  'worker.cannot_start': refusal('internal', 'refusals:worker.cannot_start', (v: Worker & { detail: string }) => `${the(v)} could not start: ${v.detail}`),
  'worker.failed': refusal('internal', 'refusals:worker.failed', (v: Worker & { detail: string }) => `${the(v)} failed: ${v.detail}`),
  'worker.stopped': refusal('internal', 'refusals:worker.stopped', (v: Worker & { exit: number }) => `${the(v)} stopped (exit ${v.exit})`),
  'worker.cancelled': refusal('cancelled', 'refusals:worker.cancelled', (v: Worker) => `${the(v)}'s task was cancelled`),
  'worker.closed': refusal('internal', 'refusals:worker.closed', (v: Worker) => `${the(v)} was closed`),
  'worker.busy': refusal('busy', 'refusals:worker.busy', (v: Worker & { waiting: number }) => `${the(v)} has ${v.waiting} tasks waiting; try again when they finish`),
  'template.too_long': refusal('invalid_input', 'refusals:template.too_long', (v: { limit: number }) => `template: longer than ${englishNumber(v.limit)} characters.`),
  'template.output_too_large': refusal(
    'too_large',
    'refusals:template.output_too_large',
    (v: { sizeMb: number; title: string }) =>
      `template: it writes more than ${v.sizeMb.toLocaleString('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB for "${v.title}", more than eight times the article; check for loops inside loops.`
  ),
  'template.partials': refusal('invalid_input', 'refusals:template.partials', (v: Line) => `template: line ${v.line}: partials and {{#*inline}} blocks are not available in export templates.`),
  'template.block_value': refusal(
    'invalid_input',
    'refusals:template.block_value',
    (v: Line & { block: string }) => `template: line ${v.line}: {{#${v.block}}} needs exactly one value, as in {{#${v.block} notebook}}.`
  ),
  'template.unexpected': refusal(
    'invalid_input',
    'refusals:template.unexpected',
    (v: Line & { token: string; shown: string }) => `template: line ${v.line}: the template does not parse here (unexpected ${TOKENS[v.token] ?? v.shown}); ${CHECK_BRACES}.`
  ),
  'template.unbalanced': refusal('invalid_input', 'refusals:template.unbalanced', (v: Line) => `template: line ${v.line}: the template does not parse here; ${CHECK_BRACES}.`),
  'template.no_parse': refusal('invalid_input', 'refusals:template.no_parse', (v: Line) => `template: line ${v.line}: the template does not parse here.`),
  'template.unknown_helper': refusal('invalid_input', 'refusals:template.unknown_helper', (v: Line & { helper: string }) => `template: line ${v.line}: unknown helper "${v.helper}" (known: ${KNOWN_HELPERS}).`),
  'template.compile': refusal('invalid_input', 'refusals:template.compile', (v: { detail: string }) => `template: ${v.detail}.`),
  'template.compile_at': refusal('invalid_input', 'refusals:template.compile_at', (v: Line & { detail: string }) => `template: line ${v.line}: ${v.detail}.`),
  'note.unreadable': refusal('invalid_input', 'refusals:note.unreadable', (v: { detail: string }) => `content: not a note this version of Dossier can read (${v.detail}).`),
  'clipboard.empty': refusal('empty_file', 'refusals:clipboard.empty', () => 'The clipboard holds no text to import.'),
  'call.unknown_channel': refusal('unknown_channel', 'refusals:call.unknown_channel', (v: { name: string }) => `Unknown channel ${v.name}.`),
  'call.bad_output': refusal('internal', 'refusals:call.bad_output', (v: { channel: string }) => `${v.channel} failed: Dossier produced data it cannot send (a bug; details are in the log).`),
  'call.unexpected': refusal('internal', 'refusals:call.unexpected', (v: { channel: string; detail: string }) => `${v.channel} failed unexpectedly: ${v.detail}`)
}
