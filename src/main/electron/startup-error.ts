import { DossierError } from '../../shared/errors'
import { NATIVE_REBUILD_HINT } from './native-binding'

export interface StartupFailure {
  title: string
  message: string
}

// Node's words for a .node file built for another ABI; dlopen's errors (truncated file, wrong
// architecture) name the file instead.
const NATIVE_LOAD_FAILURE = /NODE_MODULE_VERSION|was compiled against a different Node\.js version|better_sqlite3\.node/i

/** The dialog shown when the library cannot be opened; the app quits after it rather than retrying. */
export function describeStartupError(err: unknown, context: { dbPath: string; nativeBinding: string | undefined }): StartupFailure {
  if (err instanceof DossierError && err.code === 'schema_too_new') {
    return { title: 'Dossier needs an update', message: err.message }
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
