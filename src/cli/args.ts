import { parseArgs, type ParseArgsConfig } from 'node:util'

/** Options every command accepts. */
export interface CommonOptions {
  /** As given on the command line; undefined means "use DOSSIER_DB or the desktop app's file". */
  db: string | undefined
  json: boolean
}

export type Command =
  | { name: 'help' }
  | { name: 'version' }
  | ({ name: 'import'; paths: string[] } & CommonOptions)
  | ({ name: 'export'; outDir: string; articleIds: string[] | undefined; tag: string | undefined; format: ExportFormat } & CommonOptions)
  | ({ name: 'import-annotations'; file: string } & CommonOptions)
  | ({ name: 'list'; limit: number | undefined } & CommonOptions)
  | ({ name: 'backup'; list: boolean } & CommonOptions)
  | ({ name: 'restore'; backup: string | undefined } & CommonOptions)
  | ({ name: 'search'; query: string; limit: number } & CommonOptions)
  | ({ name: 'trash'; action: 'list' | 'empty' } & CommonOptions)
  | ({ name: 'trash'; action: 'restore'; id: string } & CommonOptions)

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
  yes: { type: 'boolean' }
} as const satisfies ParseArgsConfig['options']

type OptionName = keyof typeof OPTIONS

const COMMON: readonly OptionName[] = ['db', 'json', 'help', 'version']

/** Which options each command takes, beyond the common ones. */
const COMMAND_OPTIONS = {
  import: [],
  export: ['out', 'article', 'tag', 'format'],
  'import-annotations': [],
  list: ['limit'],
  backup: ['list'],
  restore: [],
  search: ['limit'],
  trash: ['yes'],
  help: []
} as const satisfies Record<string, readonly OptionName[]>

type CommandName = keyof typeof COMMAND_OPTIONS

export function parseCommandLine(argv: readonly string[]): Command {
  const { values, positionals, tokens } = parseStrict(argv)
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
      return { name: 'import', paths: rest, ...common }
    case 'export': {
      refuseArguments('export', rest, ' Name the folder with --out DIR.')
      const outDir = nonEmpty('--out', values.out, 'a folder')
      if (outDir === undefined) throw new UsageError('export needs --out DIR, the folder to write to.')
      const articleIds = values.article?.map((id) => nonEmpty('--article', id.trim(), 'an article id')!)
      const tag = nonEmpty('--tag', values.tag?.trim(), 'a tag name')
      if (articleIds && tag !== undefined) throw new UsageError('export takes --article or --tag, not both.')
      const format = values.format ?? 'md'
      if (format !== 'md' && format !== 'json' && format !== 'csv') throw new UsageError(`--format must be md, json or csv, not '${format}'.`)
      return { name: 'export', outDir, articleIds, tag, format, ...common }
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
  }
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
