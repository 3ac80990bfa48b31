import { existsSync } from 'node:fs'
import { join } from 'node:path'

export interface NativeRuntime {
  /** process.versions.modules: the ABI a native module must be built for. */
  modules: string
  platform: NodeJS.Platform
  arch: string
}

/**
 * Keep in step with scripts/electron-native.mjs, which writes the file here
 * (native-binding.test.ts checks the two agree).
 */
export function nativeBindingRelativePath(runtime: NativeRuntime): string {
  return join('native', `electron-${runtime.modules}-${runtime.platform}-${runtime.arch}`, 'better_sqlite3.node')
}

/**
 * A native module cannot be loaded from inside an asar archive; packaging unpacks native/ next
 * to it, so a packaged app looks there.
 */
export function nativeBindingPath(appPath: string, runtime: NativeRuntime): string {
  const root = appPath.endsWith('.asar') ? `${appPath}.unpacked` : appPath
  return join(root, nativeBindingRelativePath(runtime))
}

export function currentRuntime(): NativeRuntime {
  return { modules: process.versions.modules, platform: process.platform, arch: process.arch }
}

/**
 * The better-sqlite3 build for Electron's ABI, or undefined when none was built: better-sqlite3
 * then loads its own Node-ABI build, which fails with a NODE_MODULE_VERSION error that
 * describeStartupError turns into advice.
 */
export function findNativeBinding(
  appPath: string,
  runtime: NativeRuntime = currentRuntime(),
  exists: (path: string) => boolean = existsSync
): string | undefined {
  const path = nativeBindingPath(appPath, runtime)
  return exists(path) ? path : undefined
}

export const NATIVE_REBUILD_HINT =
  'The SQLite module has not been built for Electron. In the Dossier folder run `node scripts/electron-native.mjs` (it needs internet access once), then start Dossier again.'
