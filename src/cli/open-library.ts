import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { fileURLToPath } from 'node:url'
import { resolve } from 'node:path'
import { DossierError } from '../shared/errors'
import { defaultDbPath, faultOf, listBackups, openServices, type Services } from '../main/composition-root'
import { CliError, cliMessage, describeSystemError, firstLine, type CliMessage } from './cli-error'
import type { MessageKey } from '../shared/i18n/messages'
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
  options: { parseWorkers?: boolean; bulkImport?: boolean } = {}
): Promise<T> {
  let services: Services
  try {
    // Built, the CLI sits beside the workers (out/main); run from source it works in-process.
    const exportWriterPath = builtWorker('export-writer.js')
    // Only commands that parse start parse workers: loading one costs a core for a moment.
    const parseWorkerPath = options.parseWorkers ? builtWorker('parse-worker.js') : undefined
    // Entities are extracted by the commands that read them (extractPending), not during a bulk import.
    services = await openServices({ dbPath, shell: 'web', version: packageVersion(), defaultExportDir: cwd, exportWriterPath, parseWorkerPath, extractAfterImport: false, bulkImport: options.bulkImport })
  } catch (err) {
    throw new CliError(cliMessage('cli:open.failed', { reason: explainOpenFailure(dbPath, err), hint: recoveryHint(dbPath, err) }), 1, { cause: err })
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
function recoveryHint(dbPath: string, err: unknown): CliMessage | string {
  const fault = faultOf(err)
  if (fault !== 'corrupt' && fault !== 'not_sqlite') return ''
  const newest = listBackups(dbPath)[0]
  if (!newest) return cliMessage('cli:open.noBackup')
  return cliMessage('cli:open.restoreHint', { when: newest.createdAt.slice(0, 16).replace('T', ' '), db: dbPath })
}

function explainOpenFailure(dbPath: string, err: unknown): CliMessage | string {
  if (err instanceof DossierError) {
    // Main's words, in English: they name the file and the reason.
    return err.message.includes(dbPath) ? firstLine(err) : `${dbPath}: ${firstLine(err)}`
  }
  const code = (err as { code?: unknown } | undefined)?.code
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    const known = SQLITE_REASONS[code]
    return cliMessage('cli:open.sqlite', { db: dbPath, reason: known ? cliMessage(known) : cliMessage('cli:open.sqlite.other', { detail: firstLine(err) }) })
  }
  if (code === 'ERR_DLOPEN_FAILED' || /NODE_MODULE_VERSION/.test(firstLine(err))) {
    // Happens when better-sqlite3 was last built for Electron's ABI rather than this Node's.
    return cliMessage('cli:open.driver', { version: process.version, detail: firstLine(err) })
  }
  return cliMessage('cli:open.system', { db: dbPath, reason: describeSystemError(err) })
}

const SQLITE_REASONS: Readonly<Record<string, MessageKey>> = {
  SQLITE_NOTADB: 'cli:open.sqlite.notadb',
  SQLITE_CORRUPT: 'cli:open.sqlite.corrupt',
  SQLITE_CANTOPEN: 'cli:open.sqlite.cantopen',
  SQLITE_READONLY: 'cli:open.sqlite.readonly',
  SQLITE_BUSY: 'cli:open.sqlite.busy',
  SQLITE_PERM: 'cli:open.sqlite.perm',
  SQLITE_FULL: 'cli:open.sqlite.full'
}
