/**
 * electron-builder beforePack hook: builds better-sqlite3 for the target's Electron ABI,
 * platform and architecture into native/ (decision 0002), which the package unpacks from the
 * asar. The Node-ABI build in node_modules, which the tests use, is never touched; that is also
 * why the configuration turns electron-builder's own npmRebuild off.
 */
const { spawnSync } = require('node:child_process')
const path = require('node:path')

const ARCH_NAMES = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' }
const ROOT = path.resolve(__dirname, '..', '..')

exports.default = async function beforePack(context) {
  const platform = context.electronPlatformName
  const arch = ARCH_NAMES[context.arch]
  if (!arch || arch === 'universal') throw new Error(`Dossier packages per architecture; ${arch ?? context.arch} is not supported`)
  const script = path.join(ROOT, 'scripts', 'electron-native.mjs')
  const result = spawnSync(process.execPath, [script, `--platform=${platform}`, `--arch=${arch}`, '--strict'], { cwd: ROOT, stdio: 'inherit' })
  if (result.status !== 0) {
    throw new Error(`better-sqlite3 could not be built for Electron on ${platform}-${arch}; see native/electron-native.log`)
  }
}
