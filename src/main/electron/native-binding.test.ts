import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DossierError } from '../../shared/errors'
import { findNativeBinding, NATIVE_REBUILD_HINT, nativeBindingPath, nativeBindingRelativePath } from './native-binding'
import { describeStartupError } from './startup-error'

const linux = { modules: '140', platform: 'linux', arch: 'x64' } as const

describe('native binding location', () => {
  it('names the directory by ABI, platform and architecture', () => {
    expect(nativeBindingRelativePath(linux)).toBe(join('native', 'electron-140-linux-x64', 'better_sqlite3.node'))
    expect(nativeBindingRelativePath({ modules: '140', platform: 'darwin', arch: 'arm64' })).toBe(
      join('native', 'electron-140-darwin-arm64', 'better_sqlite3.node')
    )
  })

  it('looks beside the project in development', () => {
    expect(nativeBindingPath('/src/dossier', linux)).toBe(join('/src/dossier', 'native', 'electron-140-linux-x64', 'better_sqlite3.node'))
  })

  it('looks in the unpacked folder when the app runs from an asar archive', () => {
    expect(nativeBindingPath('/opt/Dossier/resources/app.asar', linux)).toBe(
      join('/opt/Dossier/resources/app.asar.unpacked', 'native', 'electron-140-linux-x64', 'better_sqlite3.node')
    )
  })

  it('returns the path only when the file exists, so better-sqlite3 can fall back', () => {
    const expected = nativeBindingPath('/app', linux)
    expect(findNativeBinding('/app', linux, (p) => p === expected)).toBe(expected)
    expect(findNativeBinding('/app', linux, () => false)).toBeUndefined()
  })

  it('agrees with the path scripts/electron-native.mjs writes to', () => {
    const root = resolve(import.meta.dirname, '../../..')
    const printed = execFileSync(process.execPath, [join(root, 'scripts/electron-native.mjs'), '--print-target'], {
      cwd: root,
      encoding: 'utf8'
    }).trim()
    const abi = readFileSync(join(root, 'node_modules/electron/abi_version'), 'utf8').trim()
    expect(printed).toBe(nativeBindingPath(root, { modules: abi, platform: process.platform, arch: process.arch }))
  })
})

describe('describeStartupError', () => {
  const context = { dbPath: '/home/a/.config/Dossier/dossier.sqlite', nativeBinding: undefined }

  it('passes a too-new schema message through as written', () => {
    const err = new DossierError('schema_too_new', 'The database was written by a newer version of Dossier.')
    expect(describeStartupError(err, context)).toEqual({
      title: 'Dossier needs an update',
      message: 'The database was written by a newer version of Dossier.'
    })
  })

  it('tells how to build the Electron SQLite module when the Node build was loaded', () => {
    const err = new Error(
      "The module '/x/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 115. This version of Node.js requires\nNODE_MODULE_VERSION 140."
    )
    const { title, message } = describeStartupError(err, context)
    expect(title).toBe('Dossier cannot load SQLite')
    expect(message).toContain(NATIVE_REBUILD_HINT)
    expect(message).toContain('node scripts/electron-native.mjs')
  })

  it('names the broken build when the Electron module itself cannot load', () => {
    const nativeBinding = '/app/native/electron-150-linux-x64/better_sqlite3.node'
    for (const err of [new Error('NODE_MODULE_VERSION 139'), new Error(`${nativeBinding}: file too short`)]) {
      const { title, message } = describeStartupError(err, { ...context, nativeBinding })
      expect(title).toBe('Dossier cannot load SQLite')
      expect(message).toContain(`${nativeBinding} cannot be loaded`)
    }
  })

  it('names the database for any other failure, without a stack trace', () => {
    const err = new Error('SQLITE_CANTOPEN: unable to open database file')
    expect(err.stack).toMatch(/\n\s+at /)
    const { title, message } = describeStartupError(err, context)
    expect(title).toBe('Dossier cannot open its library')
    expect(message).toContain(context.dbPath)
    expect(message).toContain('SQLITE_CANTOPEN')
    expect(message).not.toMatch(/\n\s+at /)
  })
})
