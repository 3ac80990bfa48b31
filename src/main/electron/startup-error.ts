import type { BackupFile } from '../db/backup-files'
import { DatabaseFault } from '../db/database-fault'
import { DossierError } from '../../shared/errors'
import { NATIVE_REBUILD_HINT } from './native-binding'

export interface StartupFailure {
  title: string
  message: string
  /** A damaged library: the newest backup, offered in the dialog (the damaged file is moved aside, never deleted). */
  offerRestore?: BackupFile
}

const FAULT_TITLES: Record<DatabaseFault['fault'], string> = {
  not_sqlite: 'This is not a Dossier library',
  corrupt: 'Dossier’s library is damaged',
  readonly: 'Dossier’s library is read-only',
  locked: 'Dossier’s library is in use',
  full: 'The disk is full',
  io: 'Dossier cannot read its library',
  permission: 'Dossier may not open its library',
  cantopen: 'Dossier cannot open its library'
}

// Node's words for a .node file built for another ABI; dlopen's errors (truncated file, wrong
// architecture) name the file instead.
const NATIVE_LOAD_FAILURE = /NODE_MODULE_VERSION|was compiled against a different Node\.js version|better_sqlite3\.node/i

/** The dialog shown when the library cannot be opened; the app quits after it rather than retrying. */
export function describeStartupError(
  err: unknown,
  context: { dbPath: string; nativeBinding: string | undefined; backups?: readonly BackupFile[] }
): StartupFailure {
  if (err instanceof DossierError && err.code === 'schema_too_new') {
    return { title: 'Dossier needs an update', message: err.message }
  }
  if (err instanceof DatabaseFault) {
    const newest = context.backups?.[0]
    const damaged = err.fault === 'corrupt' || err.fault === 'not_sqlite'
    if (damaged && newest) {
      return {
        title: FAULT_TITLES[err.fault],
        message: `${err.message}\n\nDossier can move it aside (it is kept, not deleted) and restore the newest backup, from ${newest.createdAt.slice(0, 16).replace('T', ' ')} UTC.`,
        offerRestore: newest
      }
    }
    const hint = damaged ? '\n\nThere is no backup of it. Move the file aside to start a new library; keep it for recovery.' : ''
    return { title: FAULT_TITLES[err.fault], message: `${err.message}${hint}` }
  }
  const detail = err instanceof Error ? err.message : String(err)
  const firstLine = detail.split('\n', 1)[0]!.slice(0, 500)
  if (NATIVE_LOAD_FAILURE.test(detail)) {
    const hint = context.nativeBinding
      ? `The SQLite module at ${context.nativeBinding} cannot be loaded by this Electron; delete it and run \`node scripts/electron-native.mjs\`.`
      : NATIVE_REBUILD_HINT
    return { title: 'Dossier cannot load SQLite', message: `${hint}\n\n${firstLine}` }
  }
  return {
    title: 'Dossier cannot open its library',
    message: `The library at ${context.dbPath} could not be opened.\n\n${firstLine}`
  }
}
