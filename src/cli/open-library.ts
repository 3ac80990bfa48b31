import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { fileURLToPath } from 'node:url'
import { resolve } from 'node:path'
import { DossierError } from '../shared/errors'
import { defaultDbPath, faultOf, listBackups, openServices, type Services } from '../main/composition-root'
import { CliError, describeSystemError, firstLine } from './cli-error'
import { packageVersion } from './package-info'

type Env = Readonly<Record<string, string | undefined>>

/** --db wins, then DOSSIER_DB, then the desktop app's own library, so all shells share one store. */
export function resolveDbPath(flag: string | undefined, env: Env, cwd: string): string {
  if (flag) return resolve(cwd, flag)
  if (env.DOSSIER_DB) return resolve(cwd, env.DOSSIER_DB)
  return defaultDbPath(process.platform, env, homedir())
}

/**
 * Opens the library, runs `use`, and closes the database whatever happens. Failures to open are
 * turned into one line that names the file.
 */
export async function withLibrary<T>(
  dbPath: string,
  cwd: string,
  use: (services: Services) => T | Promise<T>,
  options: { parseWorkers?: boolean } = {}
): Promise<T> {
  let services: Services
  try {
    // Built, the CLI sits beside the workers (out/main); run from source it works in-process.
    const exportWriterPath = builtWorker('export-writer.js')
    // Only commands that parse start parse workers: loading one costs a core for a moment.
    const parseWorkerPath = options.parseWorkers ? builtWorker('parse-worker.js') : undefined
    services = await openServices({ dbPath, shell: 'web', version: packageVersion(), defaultExportDir: cwd, exportWriterPath, parseWorkerPath })
  } catch (err) {
    throw new CliError(explainOpenFailure(dbPath, err) + recoveryHint(dbPath, err), 1, { cause: err })
  }
  try {
    return await use(services)
  } finally {
    await services.close()
  }
}

function builtWorker(name: string): string | undefined {
  const path = fileURLToPath(new URL(`./${name}`, import.meta.url))
  return existsSync(path) ? path : undefined
}

/** A damaged library can be put aside and its newest backup restored in one command. */
function recoveryHint(dbPath: string, err: unknown): string {
  const fault = faultOf(err)
  if (fault !== 'corrupt' && fault !== 'not_sqlite') return ''
  const newest = listBackups(dbPath)[0]
  if (!newest) return ' There is no backup of it to restore.'
  return ` To put it aside and restore the backup of ${newest.createdAt.slice(0, 16).replace('T', ' ')} UTC, run: dossier restore --db "${dbPath}"`
}

function explainOpenFailure(dbPath: string, err: unknown): string {
  if (err instanceof DossierError) {
    return err.message.includes(dbPath) ? firstLine(err) : `${dbPath}: ${firstLine(err)}`
  }
  const code = (err as { code?: unknown } | undefined)?.code
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    const reason = SQLITE_REASONS[code] ?? `cannot open the database (${firstLine(err)})`
    return `${dbPath}: ${reason}.`
  }
  if (code === 'ERR_DLOPEN_FAILED' || /NODE_MODULE_VERSION/.test(firstLine(err))) {
    // Happens when better-sqlite3 was last built for Electron's ABI rather than this Node's.
    return `cannot load the SQLite driver (better-sqlite3) in Node ${process.version}; run "npm rebuild better-sqlite3". ${firstLine(err)}`
  }
  return `${dbPath}: cannot open the database: ${describeSystemError(err)}.`
}

const SQLITE_REASONS: Record<string, string> = {
  SQLITE_NOTADB: 'not a Dossier database (the file is not an SQLite database)',
  SQLITE_CORRUPT: 'the database file is damaged',
  SQLITE_CANTOPEN: 'cannot open the database file (check that the folder exists and is writable)',
  SQLITE_READONLY: 'the database file is read-only',
  SQLITE_BUSY: 'the database is busy in another program; try again when it is done',
  SQLITE_PERM: 'permission denied',
  SQLITE_FULL: 'the disk is full'
}
