import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain .mjs script without type declarations
import { encodeIcns, encodeIco, ICNS_TYPES, ICO_SIZES, PNG_SIZES } from '../generate-icons.mjs'

/**
 * Packaging downloads Electron, so it cannot run here. These tests check instead what would make
 * it fail or ship something wrong: the configuration passes electron-builder's own validation,
 * every file it names exists, and the settings that matter (per-user install, asar unpacking of
 * the SQLite module, hardened runtime, fuses) are what the decision record says.
 */
const ROOT = resolve(import.meta.dirname, '..', '..')
const require = createRequire(import.meta.url)
type Config = Record<string, unknown> & {
  mac: Record<string, unknown>
  win: Record<string, unknown>
  nsis: Record<string, unknown>
  linux: Record<string, unknown> & { desktop: { entry: Record<string, string> } }
  files: string[]
  asarUnpack: string[]
}
const config = require(join(ROOT, 'electron-builder.config.cjs')) as Config
const targets = (platform: Record<string, unknown>) =>
  (platform.target as { target: string; arch: string[] }[]).map((t) => `${t.target}:${t.arch.join('+')}`)

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own schema validation', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>
    }
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
    // The check has teeth: a mistyped option is refused.
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, oneClick: 'no' } }, new DebugLogger(false))).rejects.toThrow(/oneClick/)
  })

  it('names the app and targets each platform as the README says', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { productName: string; main: string; scripts: Record<string, string> }
    expect(config).toMatchObject({ appId: expect.stringMatching(/^[a-z]+(\.[a-z]+)+$/), productName: pkg.productName, copyright: expect.stringContaining('©') })
    expect(targets(config.mac)).toEqual(['dmg:arm64+x64', 'zip:arm64+x64'])
    expect(targets(config.win)).toEqual(expect.arrayContaining(['nsis:x64+arm64']))
    expect(targets(config.linux).map((t) => t.split(':')[0])).toEqual(['AppImage', 'deb'])
    for (const script of ['dist', 'dist:mac', 'dist:win', 'dist:linux']) expect(pkg.scripts[script], script).toContain('electron-builder')
    expect(config.files).toContain('out/**/*')
    expect(pkg.main).toBe('./out/main/index.js')
  })

  it('installs per user on Windows, with a choice of folder', () => {
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: false, allowToChangeInstallationDirectory: true })
  })

  it('signs macOS builds with the hardened runtime, and notarizes only when asked', () => {
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: false })
    for (const key of ['entitlements', 'entitlementsInherit']) {
      const plist = readFileSync(join(ROOT, config.mac[key] as string), 'utf8')
      expect(plist).toContain('com.apple.security.cs.allow-jit')
      // Nothing beyond what Electron needs.
      expect(plist).not.toMatch(/disable-library-validation|allow-unsigned-executable-memory|device\.camera|network\.server/)
    }
  })

  it('gives Linux a desktop entry with categories and the dossier:// handler', () => {
    expect(config.linux).toMatchObject({ category: 'Office', executableName: 'dossier' })
    expect(config.linux.desktop.entry.Categories).toMatch(/^Office;/)
    expect(config.linux.desktop.entry.MimeType).toContain('x-scheme-handler/dossier')
    expect(config.protocols).toEqual([{ name: expect.any(String), schemes: ['dossier'] }])
  })

  it('ships the Electron build of SQLite unpacked, never rebuilding the Node one in place', () => {
    expect(config.npmRebuild).toBe(false)
    expect(config.files).toContain('native/electron-*/better_sqlite3.node')
    expect(config.files).toContain('!node_modules/better-sqlite3/{build,deps,src}/**/*')
    expect(config.asarUnpack).toContain('native/**/*')
    // native-binding.ts looks in app.asar.unpacked/native/electron-<abi>-<platform>-<arch>.
    expect(readFileSync(join(ROOT, 'src/main/electron/native-binding.ts'), 'utf8')).toContain('.unpacked')
  })

  it('ships pdf.js’s fonts and character maps unpacked for the parse workers, and beside the renderer for the Page view', async () => {
    // electron-builder's own matcher, so the patterns are read as packaging reads them.
    const { minimatch } = createRequire(require.resolve('app-builder-lib/package.json'))('minimatch') as {
      minimatch(path: string, pattern: string, options: { dot: boolean }): boolean
    }
    const pdfjs = join(ROOT, 'node_modules', 'pdfjs-dist')
    for (const folder of ['standard_fonts', 'cmaps']) {
      const files = readdirSync(join(pdfjs, folder))
      expect(files.length, folder).toBeGreaterThan(5)
      for (const name of files) {
        const path = `node_modules/pdfjs-dist/${folder}/${name}`
        expect(config.asarUnpack.some((p) => minimatch(path, p, { dot: true })), `${path} is unpacked`).toBe(true)
        const excluded = config.files.filter((p) => p.startsWith('!')).find((p) => minimatch(path, p.slice(1), { dot: true }))
        expect(excluded, `${path} is packaged`).toBeUndefined()
      }
    }
    // The parse worker looks in app.asar.unpacked; the renderer build copies both folders next to its scripts.
    const { pdfjsAssetDir } = await import('../../src/main/services/import/pdf-document')
    const packed = join('/opt/Dossier/resources/app.asar/node_modules/pdfjs-dist')
    expect(pdfjsAssetDir(packed, (p) => p === join('/opt/Dossier/resources/app.asar.unpacked/node_modules/pdfjs-dist/standard_fonts'))).toBe(
      join('/opt/Dossier/resources/app.asar.unpacked/node_modules/pdfjs-dist')
    )
    expect(pdfjsAssetDir(packed, () => false)).toBe(packed)
    expect(pdfjsAssetDir(pdfjs)).toBe(pdfjs)
    const vite = readFileSync(join(ROOT, 'electron.vite.config.ts'), 'utf8')
    expect(vite).toContain("PDFJS_ASSET_FOLDERS = ['standard_fonts', 'cmaps']")
    const loader = readFileSync(join(ROOT, 'src/renderer/src/pages/pdf-js.ts'), 'utf8')
    expect(loader).toContain("assetUrl('standard_fonts')")
    expect(loader).toContain("assetUrl('cmaps')")
  })

  it('references only files that exist', () => {
    const referenced = [
      config.beforePack,
      config.afterPack,
      config.mac.icon,
      config.mac.entitlements,
      config.mac.entitlementsInherit,
      config.win.icon,
      config.nsis.installerIcon,
      config.nsis.uninstallerIcon,
      config.linux.icon
    ] as string[]
    for (const path of referenced) expect(existsSync(join(ROOT, path)), path).toBe(true)
  })
})

describe('fuses (afterPack)', () => {
  const { FUSES, electronBinaryPath } = require(join(ROOT, 'scripts/packaging/fuses.cjs')) as {
    FUSES: Record<string, unknown>
    electronBinaryPath(o: { platform: string; appOutDir: string; productFilename: string; executableName: string }): string
  }
  const { FuseV1Options } = require('@electron/fuses') as { FuseV1Options: Record<string, number> }

  it('turns off RunAsNode, NODE_OPTIONS, inspect and file:// privileges, and turns on cookie encryption and asar integrity', () => {
    expect(FUSES).toMatchObject({
      [FuseV1Options.RunAsNode!]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable!]: false,
      [FuseV1Options.EnableNodeCliInspectArguments!]: false,
      [FuseV1Options.EnableCookieEncryption!]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation!]: true,
      [FuseV1Options.OnlyLoadAppFromAsar!]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges!]: false
    })
  })

  it('finds the Electron binary electron-builder wrote on each platform', () => {
    const names = { appOutDir: '/o', productFilename: 'Dossier', executableName: 'dossier' }
    expect(electronBinaryPath({ platform: 'darwin', ...names })).toBe(join('/o', 'Dossier.app'))
    expect(electronBinaryPath({ platform: 'win32', ...names })).toBe(join('/o', 'Dossier.exe'))
    expect(electronBinaryPath({ platform: 'linux', ...names })).toBe(join('/o', 'dossier'))
  })

  it('is wired into the configuration', () => {
    expect(readFileSync(join(ROOT, config.afterPack as string), 'utf8')).toContain('flipFuses')
  })
})

describe('icons (scripts/generate-icons.mjs)', () => {
  const png = (path: string) => readFileSync(join(ROOT, 'resources/icons', path))
  const size = (data: Buffer) => [data.readUInt32BE(16), data.readUInt32BE(20)]

  it('has a PNG at every size, drawn from the one source image', () => {
    expect(existsSync(join(ROOT, 'resources/icon.svg'))).toBe(true)
    for (const n of PNG_SIZES as number[]) {
      const data = png(`${n}x${n}.png`)
      expect(data.subarray(1, 4).toString('ascii'), `${n}x${n}.png`).toBe('PNG')
      expect(size(data)).toEqual([n, n])
    }
  })

  it('has a Windows .ico listing each size, as the script writes it', () => {
    const ico = png('icon.ico')
    expect(ico.readUInt16LE(2)).toBe(1)
    expect(ico.readUInt16LE(4)).toBe((ICO_SIZES as number[]).length)
    const sizes = (ICO_SIZES as number[]).map((_, i) => ico.readUInt8(6 + 16 * i) || 256)
    expect(sizes).toEqual(ICO_SIZES)
    expect(encodeIco((ICO_SIZES as number[]).map((n) => ({ size: n, png: png(`${n}x${n}.png`) })))).toEqual(ico)
  })

  it('has a macOS .icns up to 1024 px, as the script writes it', () => {
    const icns = png('icon.icns')
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns')
    expect(icns.readUInt32BE(4)).toBe(icns.length)
    const rebuilt = encodeIcns((ICNS_TYPES as [string, number][]).map(([type, n]) => ({ type, png: png(`${n}x${n}.png`) })))
    expect(rebuilt).toEqual(icns)
    expect(icns.includes(Buffer.from('ic10'))).toBe(true)
  })
})
