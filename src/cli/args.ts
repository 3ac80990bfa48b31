import { parseArgs, type ParseArgsConfig } from 'node:util'
import { ENTITY_TYPES, type EntityType } from '../shared/entities/types'

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
export class UsageError extends Error {
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

export function parseCommandLine(argv: readonly string[]): Command {
  const { values, positionals, tokens } = parseStrict(argv[0] === 'claim' ? expandLists(argv) : argv)
  if (values.help) return { name: 'help' }
  if (values.version) return { name: 'version' }

  const [commandName, ...rest] = positionals
  if (commandName === undefined) return { name: 'help' }
  if (!isCommandName(commandName)) throw new UsageError(`unknown command '${commandName}'.`)
  if (commandName === 'help') return { name: 'help' }

  const allowed = new Set<string>([...COMMON, ...COMMAND_OPTIONS[commandName]])
  for (const token of tokens) {
    if (token.kind === 'option' && !allowed.has(token.name)) {
      throw new UsageError(`${commandName} does not take ${token.rawName}.`)
    }
  }

  const common: CommonOptions = { db: nonEmpty('--db', values.db, 'a database file'), json: values.json ?? false }
  switch (commandName) {
    case 'import':
      if (rest.length === 0) throw new UsageError('import needs at least one file or folder.')
      return { name: 'import', paths: rest, ...(values.password !== undefined && { password: values.password }), ...common }
    case 'export': {
      refuseArguments('export', rest, ' Name the folder with --out DIR.')
      const outDir = nonEmpty('--out', values.out, 'a folder')
      if (outDir === undefined) throw new UsageError('export needs --out DIR, the folder to write to.')
      const articleIds = values.article?.map((id) => nonEmpty('--article', id.trim(), 'an article id')!)
      const tag = nonEmpty('--tag', values.tag?.trim(), 'a tag name')
      if (articleIds && tag !== undefined) throw new UsageError('export takes --article or --tag, not both.')
      const format = values.format ?? 'md'
      if (format !== 'md' && format !== 'json' && format !== 'csv') throw new UsageError(`--format must be md, json or csv, not '${format}'.`)
      const withText = values['with-text'] ?? false
      if (withText && format !== 'md') throw new UsageError(`--with-text puts the article's text in Markdown files; --format ${format} writes highlights only.`)
      return { name: 'export', outDir, articleIds, tag, format, withText, ...common }
    }
    case 'import-annotations':
      if (rest.length !== 1) throw new UsageError('import-annotations needs exactly one file (a W3C annotation or Hypothesis JSON export).')
      return { name: 'import-annotations', file: rest[0]!, ...common }
    case 'list':
      refuseArguments('list', rest, '')
      return { name: 'list', limit: parseLimit(values.limit), ...common }
    case 'backup':
      refuseArguments('backup', rest, '')
      return { name: 'backup', list: values.list ?? false, ...common }
    case 'search': {
      if (rest.length === 0) throw new UsageError('search needs a query, e.g. dossier search "grain corridor" tag:baltic.')
      const limit = parseLimit(values.limit) ?? 20
      if (limit > 200) throw new UsageError(`--limit for search is at most 200, not ${limit}.`)
      // Unquoted words arrive as several arguments: they are one query, as if quoted.
      return { name: 'search', query: rest.join(' '), limit, ...common }
    }
    case 'restore':
      if (rest.length > 1) throw new UsageError(`restore takes one backup, but got ${rest.length}.`)
      return { name: 'restore', backup: rest[0], ...common }
    case 'trash': {
      const [action = 'list', ...more] = rest
      if (action === 'list' && more.length === 0) return { name: 'trash', action, ...common }
      if (action === 'restore' && more.length === 1) return { name: 'trash', action, id: more[0]!, ...common }
      if (action === 'empty' && more.length === 0) {
        if (!values.yes) throw new UsageError('trash empty deletes everything in the Trash for good; add --yes to confirm.')
        return { name: 'trash', action, ...common }
      }
      throw new UsageError(`trash takes list, restore ID or empty --yes, not '${rest.join(' ')}'.`)
    }
    case 'case': {
      const [action, ...more] = rest
      if (action === 'create' && more.length === 1) return { name: 'case', action, caseName: more[0]!, description: values.description, ...common }
      if (action === 'list' && more.length === 0) return { name: 'case', action, all: values.all ?? false, ...common }
      if (action === 'add' && more.length >= 2) return { name: 'case', action, caseId: more[0]!, articleIds: more.slice(1), ...common }
      throw new UsageError(`case takes create NAME, list or add CASE_ID ARTICLE_ID…, not '${rest.join(' ')}'.`)
    }
    case 'highlight': {
      if (rest.length !== 1) throw new UsageError('highlight needs one article id: dossier highlight ARTICLE_ID --quote "exact text".')
      const quote = nonEmpty('--quote', values.quote, 'the exact text to highlight')
      if (quote === undefined) throw new UsageError('highlight needs --quote "exact text", the passage to highlight.')
      return {
        name: 'highlight',
        articleId: rest[0]!,
        quote,
        label: nonEmpty('--label', values.label, 'a label name'),
        note: nonEmpty('--note', values.note, 'a note in Markdown'),
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
        if (!/^[A-F]$/.test(grade)) throw new UsageError(`a source's reliability is a letter from A to F, not '${more[1]}'.`)
        return { name: 'source', action, sourceId: more[0]!, grade, reason: values.reason, ...common }
      }
      throw new UsageError(`source takes list or grade SOURCE_ID A-F [--reason TEXT], not '${rest.join(' ')}'.`)
    }
    case 'claim': {
      const [action, ...more] = rest
      if (action === 'add' && more.length === 2) {
        return { name: 'claim', action, caseId: more[0]!, text: more[1]!, supports: values.supports ?? [], contradicts: values.contradicts ?? [], context: values.context ?? [], ...common }
      }
      if (action === 'list' && more.length === 0) {
        const caseId = nonEmpty('--case', values.case, 'a case id')
        if (caseId === undefined) throw new UsageError('claim list needs --case CASE_ID.')
        return { name: 'claim', action, caseId, ...common }
      }
      throw new UsageError(`claim takes add CASE_ID "statement" [--supports ID…] [--contradicts ID…] [--context ID…] or list --case CASE_ID, not '${rest.join(' ')}'.`)
    }
    case 'verify':
      refuseArguments('verify', rest, '')
      return { name: 'verify', ...common }
    case 'manifest': {
      refuseArguments('manifest', rest, ' Name the case with --case ID.')
      const caseId = nonEmpty('--case', values.case, 'a case id')
      const out = nonEmpty('--out', values.out, 'a file')
      if (caseId === undefined || out === undefined) throw new UsageError('manifest needs --case CASE_ID and --out FILE (.json or .csv).')
      return { name: 'manifest', caseId, out, ...common }
    }
    case 'ach': {
      refuseArguments('ach', rest, ' Name the case with --case ID.')
      const caseId = nonEmpty('--case', values.case, 'a case id')
      if (caseId === undefined) throw new UsageError('ach needs --case CASE_ID (and --matrix ID when the case has several matrices).')
      return { name: 'ach', caseId, matrixId: nonEmpty('--matrix', values.matrix, 'a matrix id'), ...common }
    }
    case 'report': {
      refuseArguments('report', rest, ' Name the case with --case ID.')
      const caseId = nonEmpty('--case', values.case, 'a case id')
      const out = nonEmpty('--out', values.out, 'a file')
      const format = values.format
      if (caseId === undefined || out === undefined || format === undefined) {
        throw new UsageError('report needs --case CASE_ID, --format md|docx|html and --out FILE.')
      }
      if (format !== 'md' && format !== 'docx' && format !== 'html') throw new UsageError(`--format is md, docx or html for a report, not '${format}'.`)
      return { name: 'report', caseId, format, out, style: nonEmpty('--style', values.style, 'a CSL file'), ...common }
    }
    case 'entities': {
      refuseArguments('entities', rest, ' Filter with --type or --article.')
      const type = values.type
      if (type !== undefined && !(ENTITY_TYPES as readonly string[]).includes(type)) {
        throw new UsageError(`--type is one of ${ENTITY_TYPES.join(', ')}, not '${type}'.`)
      }
      return { name: 'entities', type: type as EntityType | undefined, articleId: oneArticle(values.article), ...common }
    }
    case 'timeline':
    {
      refuseArguments('timeline', rest, ' Filter with --article or --case.')
      const format = values.format
      if (format !== undefined && format !== 'csv' && format !== 'md') throw new UsageError(`--format must be csv or md, not '${format}'.`)
      if (format !== undefined && common.json) throw new UsageError('--format and --json each choose the output: give one.')
      return { name: 'timeline', articleId: oneArticle(values.article), caseId: nonEmpty('--case', values.case, 'a case id'), format, ...common }
    }
  }
}

function oneArticle(ids: string[] | undefined): string | undefined {
  if (ids && ids.length > 1) throw new UsageError('--article takes one article id here.')
  return ids?.[0] === undefined ? undefined : nonEmpty('--article', ids[0], 'an article id')
}

function parseCredibility(raw: string): number {
  if (!/^[1-6]$/.test(raw)) throw new UsageError(`--credibility is a number from 1 to 6, not '${raw}'.`)
  return Number(raw)
}

function parseWhole(flag: string, raw: string): number {
  const n = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN
  if (!(n >= 1)) throw new UsageError(`${flag} needs a whole number of at least 1, not '${raw}'.`)
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
function explainParseFailure(argv: readonly string[], err: unknown): string {
  const { tokens } = parseArgs({ args: [...argv], options: OPTIONS, strict: false, allowPositionals: true, tokens: true })
  for (const token of tokens) {
    if (token.kind !== 'option') continue
    const spec = (OPTIONS as Record<string, { type: 'string' | 'boolean' }>)[token.name]
    if (!spec) return `unknown option ${token.rawName}.`
    if (spec.type === 'boolean' && token.value !== undefined) return `${token.rawName} does not take a value.`
    if (spec.type === 'string') {
      if (token.value === undefined) return `${token.rawName} needs a value.`
      if (!token.inlineValue && token.value.startsWith('-') && token.value !== '-') {
        return `${token.rawName} needs a value (write ${token.rawName}=${token.value} if '${token.value}' is meant as one).`
      }
    }
  }
  const message = err instanceof Error ? err.message : String(err)
  return message.split('\n', 1)[0]!
}

function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(COMMAND_OPTIONS, name)
}

function refuseArguments(command: string, rest: readonly string[], hint: string): void {
  if (rest.length > 0) throw new UsageError(`${command} takes no arguments, but got '${rest[0]}'.${hint}`)
}

function nonEmpty(flag: string, value: string | undefined, what: string): string | undefined {
  if (value === '') throw new UsageError(`${flag} needs ${what}, not an empty value.`)
  return value
}

function parseLimit(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined
  const n = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN
  if (!(n >= 1)) throw new UsageError(`--limit needs a whole number of at least 1, not '${raw}'.`)
  return n
}
