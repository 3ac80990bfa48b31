import { parseArgs, type ParseArgsConfig } from 'node:util'
import { ENTITY_TYPES, type EntityType } from '../shared/entities/types'
import { cliMessage, TranslatableError, type CliMessage } from './cli-message'
import { LOCALES, namedLocale, type Locale } from '../shared/i18n/locales'

/** Options every command accepts. */
export interface CommonOptions {
  /** As given on the command line; undefined means "use DOSSIER_DB or the desktop app's file". */
  db: string | undefined
  json: boolean
}

export type Command =
  | { name: 'help' }
  | { name: 'version' }
  | ({ name: 'import'; paths: string[]; password?: string } & CommonOptions)
  | ({ name: 'export'; outDir: string; articleIds: string[] | undefined; tag: string | undefined; format: ExportFormat; withText: boolean } & CommonOptions)
  | ({ name: 'import-annotations'; file: string } & CommonOptions)
  | ({ name: 'list'; limit: number | undefined } & CommonOptions)
  | ({ name: 'backup'; list: boolean } & CommonOptions)
  | ({ name: 'restore'; backup: string | undefined } & CommonOptions)
  | ({ name: 'search'; query: string; limit: number } & CommonOptions)
  | ({ name: 'trash'; action: 'list' | 'empty' } & CommonOptions)
  | ({ name: 'trash'; action: 'restore'; id: string } & CommonOptions)
  | ({ name: 'case'; action: 'create'; caseName: string; description: string | undefined } & CommonOptions)
  | ({ name: 'case'; action: 'list'; all: boolean } & CommonOptions)
  | ({ name: 'case'; action: 'add'; caseId: string; articleIds: string[] } & CommonOptions)
  | ({
      name: 'highlight'
      articleId: string
      quote: string
      label: string | undefined
      note: string | undefined
      credibility: number | undefined
      occurrence: number | undefined
    } & CommonOptions)
  | ({ name: 'source'; action: 'list' } & CommonOptions)
  | ({ name: 'source'; action: 'grade'; sourceId: string; grade: string; reason: string | undefined } & CommonOptions)
  | ({ name: 'claim'; action: 'add'; caseId: string; text: string; supports: string[]; contradicts: string[]; context: string[] } & CommonOptions)
  | ({ name: 'claim'; action: 'list'; caseId: string } & CommonOptions)
  | ({ name: 'verify' } & CommonOptions)
  | ({ name: 'manifest'; caseId: string; out: string } & CommonOptions)
  | ({ name: 'entities'; type: EntityType | undefined; articleId: string | undefined } & CommonOptions)
  | ({ name: 'timeline'; articleId: string | undefined; caseId: string | undefined; format: 'csv' | 'md' | undefined } & CommonOptions)
  | ({ name: 'ach'; caseId: string; matrixId: string | undefined } & CommonOptions)
  | ({ name: 'report'; caseId: string; format: 'md' | 'docx' | 'html'; out: string; style: string | undefined } & CommonOptions)

export type ExportFormat = 'md' | 'json' | 'csv'

/** A mistake in how the command was typed: the CLI exits 2 and points at --help. */
export class UsageError extends TranslatableError {
  override readonly name = 'UsageError'
}

const OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  out: { type: 'string' },
  article: { type: 'string', multiple: true },
  tag: { type: 'string' },
  format: { type: 'string' },
  limit: { type: 'string' },
  list: { type: 'boolean' },
  yes: { type: 'boolean' },
  quote: { type: 'string' },
  label: { type: 'string' },
  note: { type: 'string' },
  credibility: { type: 'string' },
  occurrence: { type: 'string' },
  reason: { type: 'string' },
  supports: { type: 'string', multiple: true },
  contradicts: { type: 'string', multiple: true },
  context: { type: 'string', multiple: true },
  case: { type: 'string' },
  description: { type: 'string' },
  all: { type: 'boolean' },
  password: { type: 'string' },
  type: { type: 'string' },
  matrix: { type: 'string' },
  style: { type: 'string' },
  'with-text': { type: 'boolean' }
} as const satisfies ParseArgsConfig['options']

type OptionName = keyof typeof OPTIONS

const COMMON: readonly OptionName[] = ['db', 'json', 'help', 'version']

/** Which options each command takes, beyond the common ones. */
const COMMAND_OPTIONS = {
  import: ['password'],
  export: ['out', 'article', 'tag', 'format', 'with-text'],
  'import-annotations': [],
  list: ['limit'],
  backup: ['list'],
  restore: [],
  search: ['limit'],
  trash: ['yes'],
  case: ['description', 'all'],
  highlight: ['quote', 'label', 'note', 'credibility', 'occurrence'],
  source: ['reason'],
  claim: ['supports', 'contradicts', 'context', 'case'],
  verify: [],
  manifest: ['case', 'out'],
  entities: ['type', 'article'],
  timeline: ['article', 'case', 'format'],
  ach: ['case', 'matrix'],
  report: ['case', 'format', 'out', 'style'],
  help: []
} as const satisfies Record<string, readonly OptionName[]>

type CommandName = keyof typeof COMMAND_OPTIONS

/** Options that take several values after one flag: `--supports ID ID --contradicts ID`. */
const LIST_OPTIONS = new Set(['--supports', '--contradicts', '--context'])

/** Rewrites `--supports a b` as `--supports a --supports b`, so parseArgs sees one value per flag. */
function expandLists(argv: readonly string[]): string[] {
  const out: string[] = []
  let list: string | null = null
  for (const arg of argv) {
    if (arg.startsWith('-')) list = LIST_OPTIONS.has(arg) ? arg : null
    else if (list && out.at(-1) !== list) out.push(list)
    out.push(arg)
  }
  return out
}

/**
 * `--lang LANG` (or `--lang=LANG`), taken out before the command is parsed: it is read first so
 * that even a mistyped command is explained in that language, and every command takes it.
 */
export function takeLanguage(argv: readonly string[]): { locale: Locale | null; rest: string[] } {
  const rest: string[] = []
  let given: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--') {
      rest.push(...argv.slice(i))
      break
    }
    if (arg === '--lang') {
      const value = argv[i + 1]
      if (value === undefined || (value.startsWith('-') && value !== '-')) throw new UsageError(cliMessage('cli:usage.needsValue', { option: '--lang' }))
      given = value
      i++
    } else if (arg.startsWith('--lang=')) given = arg.slice('--lang='.length)
    else rest.push(arg)
  }
  if (given === undefined) return { locale: null, rest }
  const locale = namedLocale(given)
  if (!locale) throw new UsageError(cliMessage('cli:usage.lang', { given, languages: LOCALES.join(', ') }))
  return { locale, rest }
}

export function parseCommandLine(argv: readonly string[]): Command {
  const { values, positionals, tokens } = parseStrict(argv[0] === 'claim' ? expandLists(argv) : argv)
  if (values.help) return { name: 'help' }
  if (values.version) return { name: 'version' }

  const [commandName, ...rest] = positionals
  if (commandName === undefined) return { name: 'help' }
  if (!isCommandName(commandName)) throw new UsageError(cliMessage('cli:usage.unknownCommand', { command: commandName }))
  if (commandName === 'help') return { name: 'help' }

  const allowed = new Set<string>([...COMMON, ...COMMAND_OPTIONS[commandName]])
  for (const token of tokens) {
    if (token.kind === 'option' && !allowed.has(token.name)) {
      throw new UsageError(cliMessage('cli:usage.optionNotTaken', { command: commandName, option: token.rawName }))
    }
  }

  const common: CommonOptions = { db: nonEmpty('--db', values.db, 'db'), json: values.json ?? false }
  switch (commandName) {
    case 'import':
      if (rest.length === 0) throw new UsageError(cliMessage('cli:usage.importNeedsFiles'))
      return { name: 'import', paths: rest, ...(values.password !== undefined && { password: values.password }), ...common }
    case 'export': {
      refuseArguments('export', rest, 'out')
      const outDir = nonEmpty('--out', values.out, 'folder')
      if (outDir === undefined) throw new UsageError(cliMessage('cli:usage.exportNeedsOut'))
      const articleIds = values.article?.map((id) => nonEmpty('--article', id.trim(), 'article')!)
      const tag = nonEmpty('--tag', values.tag?.trim(), 'tag')
      if (articleIds && tag !== undefined) throw new UsageError(cliMessage('cli:usage.articleOrTag'))
      const format = values.format ?? 'md'
      if (format !== 'md' && format !== 'json' && format !== 'csv') throw new UsageError(cliMessage('cli:usage.exportFormat', { format }))
      const withText = values['with-text'] ?? false
      if (withText && format !== 'md') throw new UsageError(cliMessage('cli:usage.withText', { format }))
      return { name: 'export', outDir, articleIds, tag, format, withText, ...common }
    }
    case 'import-annotations':
      if (rest.length !== 1) throw new UsageError(cliMessage('cli:usage.annotationsFile'))
      return { name: 'import-annotations', file: rest[0]!, ...common }
    case 'list':
      refuseArguments('list', rest, 'none')
      return { name: 'list', limit: parseLimit(values.limit), ...common }
    case 'backup':
      refuseArguments('backup', rest, 'none')
      return { name: 'backup', list: values.list ?? false, ...common }
    case 'search': {
      if (rest.length === 0) throw new UsageError(cliMessage('cli:usage.searchQuery'))
      const limit = parseLimit(values.limit) ?? 20
      if (limit > 200) throw new UsageError(cliMessage('cli:usage.searchLimit', { limit: String(limit) }))
      // Unquoted words arrive as several arguments: they are one query, as if quoted.
      return { name: 'search', query: rest.join(' '), limit, ...common }
    }
    case 'restore':
      if (rest.length > 1) throw new UsageError(cliMessage('cli:usage.restoreOne', { count: rest.length }))
      return { name: 'restore', backup: rest[0], ...common }
    case 'trash': {
      const [action = 'list', ...more] = rest
      if (action === 'list' && more.length === 0) return { name: 'trash', action, ...common }
      if (action === 'restore' && more.length === 1) return { name: 'trash', action, id: more[0]!, ...common }
      if (action === 'empty' && more.length === 0) {
        if (!values.yes) throw new UsageError(cliMessage('cli:usage.trashEmptyYes'))
        return { name: 'trash', action, ...common }
      }
      throw new UsageError(cliMessage('cli:usage.trashActions', { given: rest.join(' ') }))
    }
    case 'case': {
      const [action, ...more] = rest
      if (action === 'create' && more.length === 1) return { name: 'case', action, caseName: more[0]!, description: values.description, ...common }
      if (action === 'list' && more.length === 0) return { name: 'case', action, all: values.all ?? false, ...common }
      if (action === 'add' && more.length >= 2) return { name: 'case', action, caseId: more[0]!, articleIds: more.slice(1), ...common }
      throw new UsageError(cliMessage('cli:usage.caseActions', { given: rest.join(' ') }))
    }
    case 'highlight': {
      if (rest.length !== 1) throw new UsageError(cliMessage('cli:usage.highlightArticle'))
      const quote = nonEmpty('--quote', values.quote, 'quote')
      if (quote === undefined) throw new UsageError(cliMessage('cli:usage.highlightQuote'))
      return {
        name: 'highlight',
        articleId: rest[0]!,
        quote,
        label: nonEmpty('--label', values.label, 'label'),
        note: nonEmpty('--note', values.note, 'note'),
        credibility: values.credibility === undefined ? undefined : parseCredibility(values.credibility),
        occurrence: values.occurrence === undefined ? undefined : parseWhole('--occurrence', values.occurrence),
        ...common
      }
    }
    case 'source': {
      const [action, ...more] = rest
      if (action === 'list' && more.length === 0) return { name: 'source', action, ...common }
      if (action === 'grade' && more.length === 2) {
        const grade = more[1]!.toUpperCase()
        if (!/^[A-F]$/.test(grade)) throw new UsageError(cliMessage('cli:usage.reliability', { given: more[1]! }))
        return { name: 'source', action, sourceId: more[0]!, grade, reason: values.reason, ...common }
      }
      throw new UsageError(cliMessage('cli:usage.sourceActions', { given: rest.join(' ') }))
    }
    case 'claim': {
      const [action, ...more] = rest
      if (action === 'add' && more.length === 2) {
        return { name: 'claim', action, caseId: more[0]!, text: more[1]!, supports: values.supports ?? [], contradicts: values.contradicts ?? [], context: values.context ?? [], ...common }
      }
      if (action === 'list' && more.length === 0) {
        const caseId = nonEmpty('--case', values.case, 'case')
        if (caseId === undefined) throw new UsageError(cliMessage('cli:usage.claimListCase'))
        return { name: 'claim', action, caseId, ...common }
      }
      throw new UsageError(cliMessage('cli:usage.claimActions', { given: rest.join(' ') }))
    }
    case 'verify':
      refuseArguments('verify', rest, 'none')
      return { name: 'verify', ...common }
    case 'manifest': {
      refuseArguments('manifest', rest, 'case')
      const caseId = nonEmpty('--case', values.case, 'case')
      const out = nonEmpty('--out', values.out, 'file')
      if (caseId === undefined || out === undefined) throw new UsageError(cliMessage('cli:usage.manifestNeeds'))
      return { name: 'manifest', caseId, out, ...common }
    }
    case 'ach': {
      refuseArguments('ach', rest, 'case')
      const caseId = nonEmpty('--case', values.case, 'case')
      if (caseId === undefined) throw new UsageError(cliMessage('cli:usage.achNeeds'))
      return { name: 'ach', caseId, matrixId: nonEmpty('--matrix', values.matrix, 'matrix'), ...common }
    }
    case 'report': {
      refuseArguments('report', rest, 'case')
      const caseId = nonEmpty('--case', values.case, 'case')
      const out = nonEmpty('--out', values.out, 'file')
      const format = values.format
      if (caseId === undefined || out === undefined || format === undefined) {
        throw new UsageError(cliMessage('cli:usage.reportNeeds'))
      }
      if (format !== 'md' && format !== 'docx' && format !== 'html') throw new UsageError(cliMessage('cli:usage.reportFormat', { format }))
      return { name: 'report', caseId, format, out, style: nonEmpty('--style', values.style, 'style'), ...common }
    }
    case 'entities': {
      refuseArguments('entities', rest, 'entities')
      const type = values.type
      if (type !== undefined && !(ENTITY_TYPES as readonly string[]).includes(type)) {
        throw new UsageError(cliMessage('cli:usage.entityType', { types: ENTITY_TYPES.join(', '), type }))
      }
      return { name: 'entities', type: type as EntityType | undefined, articleId: oneArticle(values.article), ...common }
    }
    case 'timeline':
    {
      refuseArguments('timeline', rest, 'timeline')
      const format = values.format
      if (format !== undefined && format !== 'csv' && format !== 'md') throw new UsageError(cliMessage('cli:usage.timelineFormat', { format }))
      if (format !== undefined && common.json) throw new UsageError(cliMessage('cli:usage.formatOrJson'))
      return { name: 'timeline', articleId: oneArticle(values.article), caseId: nonEmpty('--case', values.case, 'case'), format, ...common }
    }
  }
}

function oneArticle(ids: string[] | undefined): string | undefined {
  if (ids && ids.length > 1) throw new UsageError(cliMessage('cli:usage.oneArticle'))
  return ids?.[0] === undefined ? undefined : nonEmpty('--article', ids[0], 'article')
}

function parseCredibility(raw: string): number {
  if (!/^[1-6]$/.test(raw)) throw new UsageError(cliMessage('cli:usage.credibility', { given: raw }))
  return Number(raw)
}

function parseWhole(flag: string, raw: string): number {
  const n = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN
  if (!(n >= 1)) throw new UsageError(cliMessage('cli:usage.wholeNumber', { flag, given: raw }))
  return n
}

function parseStrict(argv: readonly string[]) {
  const config = { args: [...argv], options: OPTIONS, allowPositionals: true, tokens: true } as const
  try {
    return parseArgs({ ...config, strict: true })
  } catch (err) {
    throw new UsageError(explainParseFailure(argv, err))
  }
}

/**
 * Node's own messages run over several lines and suggest quoting tricks; re-read the arguments
 * leniently to name the one at fault in a single short line.
 */
function explainParseFailure(argv: readonly string[], err: unknown): CliMessage | string {
  const { tokens } = parseArgs({ args: [...argv], options: OPTIONS, strict: false, allowPositionals: true, tokens: true })
  for (const token of tokens) {
    if (token.kind !== 'option') continue
    const spec = (OPTIONS as Record<string, { type: 'string' | 'boolean' }>)[token.name]
    if (!spec) return cliMessage('cli:usage.unknownOption', { option: token.rawName })
    if (spec.type === 'boolean' && token.value !== undefined) return cliMessage('cli:usage.noValue', { option: token.rawName })
    if (spec.type === 'string') {
      if (token.value === undefined) return cliMessage('cli:usage.needsValue', { option: token.rawName })
      if (!token.inlineValue && token.value.startsWith('-') && token.value !== '-') {
        return cliMessage('cli:usage.needsValueDash', { option: token.rawName, value: token.value })
      }
    }
  }
  // Node's own words, in English: a case the lenient re-read does not name.
  const message = err instanceof Error ? err.message : String(err)
  return message.split('\n', 1)[0]!
}

function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(COMMAND_OPTIONS, name)
}

/** What to do instead of a stray argument: a branch of the message's `{hint, select, …}`. */
type ArgumentHint = 'none' | 'out' | 'case' | 'entities' | 'timeline'

function refuseArguments(command: string, rest: readonly string[], hint: ArgumentHint): void {
  if (rest.length > 0) throw new UsageError(cliMessage('cli:usage.noArguments', { command, given: rest[0]!, hint }))
}

/** What a flag's value is: a branch of the message's `{what, select, …}`. */
type FlagValue = 'db' | 'folder' | 'file' | 'article' | 'tag' | 'quote' | 'label' | 'note' | 'case' | 'matrix' | 'style'

function nonEmpty(flag: string, value: string | undefined, what: FlagValue): string | undefined {
  if (value === '') throw new UsageError(cliMessage('cli:usage.emptyValue', { flag, what }))
  return value
}

function parseLimit(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined
  const n = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN
  if (!(n >= 1)) throw new UsageError(cliMessage('cli:usage.wholeNumber', { flag: '--limit', given: raw }))
  return n
}
