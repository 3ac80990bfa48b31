/**
 * Electron fuses Dossier flips in every packaged binary (decision 0013, SECURITY.md). Fuses are
 * bits in the Electron binary itself, so they hold even if an attacker controls the environment
 * or the command line. Verify a package with `npx @electron/fuses read --app <path to app>`.
 */
const { FuseV1Options, FuseVersion } = require('@electron/fuses')
const path = require('node:path')

const FUSES = {
  version: FuseVersion.V1,
  // ELECTRON_RUN_AS_NODE would turn the app into a plain Node that runs any script.
  [FuseV1Options.RunAsNode]: false,
  // Cookies and local storage encrypted with an OS-held key.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS could preload code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and friends would let anyone who can start the app attach a debugger.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // The app.asar must match the hash recorded at packaging time, and only it is loaded.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // The renderer is served from app://, never file://, so file: pages need no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false
}

/** The Electron executable electron-builder wrote for one platform. */
function electronBinaryPath({ platform, appOutDir, productFilename, executableName }) {
  if (platform === 'darwin' || platform === 'mas') return path.join(appOutDir, `${productFilename}.app`)
  if (platform === 'win32') return path.join(appOutDir, `${productFilename}.exe`)
  return path.join(appOutDir, executableName)
}

module.exports = { FUSES, electronBinaryPath }
