import { parseCommandLine, takeLanguage, UsageError } from './args'
import { DossierError } from '../shared/errors'
import { ERROR_MESSAGES } from '../shared/i18n/error-messages'
import { reasonText } from '../shared/i18n/reason-messages'
import { locationWarningText } from '../shared/i18n/location-warning'
import { CliError, firstLine } from './cli-error'
import { backupCommand, restoreCommand } from './commands/backup-command'
import { trashCommand } from './commands/trash-command'
import { caseCommand, claimCommand, highlightCommand, manifestCommand, sourceCommand, verifyCommand } from './commands/analysis-commands'
import { exportCommand, importAnnotationsCommand } from './commands/export-command'
import { importCommand } from './commands/import-command'
import { listCommand } from './commands/list-command'
import { entitiesCommand, timelineCommand } from './commands/entities-command'
import { searchCommand } from './commands/search-command'
import { achCommand } from './commands/ach-command'
import { reportCommand } from './commands/report-command'
import { HELP_TEXT } from './help'
import { Printer, type CliIo } from './io'
import { resolveDbPath } from './open-library'
import { libraryWarnings } from '../main/composition-root'
import { packageVersion } from './package-info'

export type { CliIo } from './io'

/**
 * Runs one `dossier` command and returns its exit code. Never throws and never prints a stack:
 * every failure becomes one line on stderr.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let out = new Printer(io)
  const cwd = io.cwd ?? process.cwd()
  try {
    const { locale, rest } = takeLanguage(argv)
    if (locale) out = new Printer(io, locale)
    const command = parseCommandLine(rest)
    // A library on a network share or in a synced folder works until it is damaged: say so first.
    if ('db' in command) {
      const warnings = libraryWarnings(resolveDbPath(command.db, io.env, cwd))
      if (warnings.length) {
        const t = await out.translator()
        for (const warning of warnings) out.error(t('cli:note', { warning: locationWarningText(warning, t) }))
      }
    }
    switch (command.name) {
      case 'help':
        io.stdout.write(HELP_TEXT[out.locale()])
        return 0
      case 'version':
        out.line(packageVersion())
        return 0
      case 'import':
        return await importCommand({ ...command, dbPath: resolveDbPath(command.db, io.env, cwd), cwd }, out)
      case 'export':
        return await exportCommand({ ...command, dbPath: resolveDbPath(command.db, io.env, cwd), cwd }, out)
      case 'import-annotations':
        return await importAnnotationsCommand({ ...command, dbPath: resolveDbPath(command.db, io.env, cwd), cwd }, out)
      case 'list':
        return await listCommand({ ...command, dbPath: resolveDbPath(command.db, io.env, cwd), cwd }, out)
      case 'backup':
        return await backupCommand({ ...command, dbPath: resolveDbPath(command.db, io.env, cwd), cwd }, out)
      case 'search':
        return await searchCommand({ ...command, dbPath: resolveDbPath(command.db, io.env, cwd), cwd }, out)
      case 'trash':
        return await trashCommand({ ...command, dbPath: resolveDbPath(command.db, io.env, cwd), cwd }, out)
      case 'restore':
        return await restoreCommand({ ...command, dbPath: resolveDbPath(command.db, io.env, cwd), cwd }, out)
      case 'case':
        return await caseCommand({ ...command, dbPath: resolveDbPath(command.db, io.env, cwd), cwd }, out)
      case 'highlight':
        return await highlightCommand({ ...command, dbPath: resolveDbPath(command.db, io.env, cwd), cwd }, out)
      case 'source':
        return await sourceCommand({ ...command, dbPath: resolveDbPath(command.db, io.env, cwd), cwd }, out)
      case 'claim':
        return await claimCommand({ ...command, dbPath: resolveDbPath(command.db, io.env, cwd), cwd }, out)
      case 'verify':
        return await verifyCommand({ ...command, dbPath: resolveDbPath(command.db, io.env, cwd), cwd }, out)
      case 'manifest':
        return await manifestCommand({ ...command, dbPath: resolveDbPath(command.db, io.env, cwd), cwd }, out)
      case 'entities':
        return await entitiesCommand({ ...command, dbPath: resolveDbPath(command.db, io.env, cwd), cwd }, out)
      case 'timeline':
        return await timelineCommand({ ...command, dbPath: resolveDbPath(command.db, io.env, cwd), cwd }, out)
      case 'ach':
        return await achCommand({ ...command, dbPath: resolveDbPath(command.db, io.env, cwd), cwd }, out)
      case 'report':
        return await reportCommand({ ...command, dbPath: resolveDbPath(command.db, io.env, cwd), cwd }, out)
    }
  } catch (err) {
    return await fail(err, out)
  }
}

/** The one line on stderr, in the language of LC_ALL/LC_MESSAGES/LANG; the exit code never depends on it. */
async function fail(err: unknown, out: Printer): Promise<number> {
  // The catalogs load only now, on the way out: a run that succeeds never pays for them.
  const t = await out.translator().catch(() => null)
  if (err instanceof UsageError) {
    out.error(t ? t('cli:usage.seeHelp', { reason: err.text(t) }) : err.message)
    return 2
  }
  if (err instanceof CliError) {
    out.error(t ? err.text(t) : err.message)
    return err.exitCode
  }
  if (err instanceof DossierError) {
    // A reason (an id and the file or field it names) is worded whole in the language; otherwise
    // main's message names the file or field, in English, and in another language the stable
    // code's meaning leads and that message follows, as the app shows it (decision 0033).
    if (t && err.reason) out.error(reasonText(err.reason, t))
    else out.error(t && out.locale() !== 'en' ? t('cli:error.coded', { reason: t(ERROR_MESSAGES[err.code]), detail: err.message }) : err.message)
    return 1
  }
  out.error(t ? t('cli:error.unexpected', { reason: firstLine(err) }) : `unexpected error: ${firstLine(err)}`)
  return 1
}
