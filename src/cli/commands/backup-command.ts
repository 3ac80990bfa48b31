import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { faultOf, findBackup, listBackups, restoreClosedLibrary } from '../../main/composition-root'
import { CliError, cliMessage } from '../cli-error'
import { backupReason } from '../../shared/i18n/backup-reason'
import type { Printer } from '../io'
import { withLibrary } from '../open-library'

export interface BackupOptions {
  list: boolean
  dbPath: string
  json: boolean
  cwd: string
}

export interface RestoreOptions {
  backup: string | undefined
  dbPath: string
  json: boolean
  cwd: string
}

export async function backupCommand(options: BackupOptions, out: Printer): Promise<number> {
  if (options.list) {
    const backups = listBackups(options.dbPath)
    if (options.json) {
      out.json(backups)
      return 0
    }
    const t = await out.translator()
    if (backups.length === 0) out.line(t('cli:backup.none', { db: options.dbPath }))
    // The reason in the language (Daily, Made by hand…), its column as wide as the widest.
    const reasons = backups.map((b) => backupReason(b.reason, t))
    const width = Math.max(20, ...reasons.map((r) => r.length))
    backups.forEach((b, i) => out.line([b.name, out.dateTime(b.createdAt), reasons[i]!.padEnd(width), t('cli:backup.size', { kb: Math.ceil(b.bytes / 1024) })].join('  ')))
    return 0
  }
  const taken = await withLibrary(options.dbPath, options.cwd, (services) => services.backups.create('manual'))
  if (options.json) out.json(taken)
  else out.line((await out.translator())('cli:backup.done', { file: taken.path }))
  return 0
}

/**
 * Restores into the library when it opens (so a running app sees the restored rows at once), or,
 * when it is damaged or not SQLite, moves it aside and puts the checked backup in its place.
 */
export async function restoreCommand(options: RestoreOptions, out: Printer): Promise<number> {
  const source = chooseBackup(options)
  let summary: { keptAs: string | null; counts: { articles: number; highlights: number; notes: number } }
  try {
    summary = await withLibrary(options.dbPath, options.cwd, async (services) => {
      const outcome = await services.backups.restoreFile(source)
      return { keptAs: outcome.keptAs.path, counts: outcome.counts }
    })
  } catch (err) {
    const fault = faultOf((err as { cause?: unknown }).cause ?? err)
    if (fault !== 'corrupt' && fault !== 'not_sqlite') throw err
    const closed = await restoreClosedLibrary(source, options.dbPath, { why: fault === 'corrupt' ? 'damaged' : 'not-a-library' })
    summary = { keptAs: closed.keptAs, counts: closed.counts }
  }
  if (options.json) {
    out.json({ restoredFrom: source, dbPath: options.dbPath, ...summary })
  } else {
    const t = await out.translator()
    out.line(t('cli:restore.done', { db: options.dbPath, backup: source, ...summary.counts }))
    if (summary.keptAs) out.line(t('cli:restore.keptAs', { file: summary.keptAs }))
  }
  return 0
}

function chooseBackup(options: RestoreOptions): string {
  if (options.backup === undefined) {
    const newest = listBackups(options.dbPath)[0]
    if (!newest) throw new CliError(cliMessage('cli:restore.noBackups', { db: options.dbPath }))
    return newest.path
  }
  const named = findBackup(options.dbPath, options.backup)
  if (named) return named.path
  const path = resolve(options.cwd, options.backup)
  if (existsSync(path)) return path
  throw new CliError(cliMessage('cli:restore.noSuchBackup', { name: options.backup }))
}
