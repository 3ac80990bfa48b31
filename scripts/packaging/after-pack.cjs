/**
 * electron-builder afterPack hook: flips Electron's fuses in the packed binary, before signing
 * (flipping changes the binary, so it must come first; an arm64 macOS build is re-signed ad hoc).
 */
const { flipFuses } = require('@electron/fuses')
const { FUSES, electronBinaryPath } = require('./fuses.cjs')

const ARM64 = 3 // builder-util's Arch.arm64

exports.default = async function afterPack(context) {
  const platform = context.electronPlatformName
  const binary = electronBinaryPath({
    platform,
    appOutDir: context.appOutDir,
    productFilename: context.packager.appInfo.productFilename,
    executableName: context.packager.executableName
  })
  await flipFuses(binary, { ...FUSES, resetAdHocDarwinSignature: platform === 'darwin' && context.arch === ARM64 })
  console.log(`  • fuses flipped in ${binary}`)
}
