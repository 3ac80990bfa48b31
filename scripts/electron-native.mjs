#!/usr/bin/env node
/**
 * Builds better-sqlite3 for Electron's ABI into native/, next to (never over) the Node-ABI build
 * in node_modules that the tests, the CLI and the web shell load. Decision 0002 explains why.
 *
 * Runs as postinstall and again from `npm start`. It must never fail an install, and offline it
 * must give up quickly: every network step has a time limit, and failure prints one line.
 *
 *   node scripts/electron-native.mjs                 build if missing
 *   node scripts/electron-native.mjs --quiet         the same, leaving the failure message to the caller
 *   node scripts/electron-native.mjs --print-target  print where the build goes, and stop
 *   --platform=P --arch=A                            for another target (packaging; prebuilt or cross-compiled)
 *   --strict                                         exit 1 when no build could be made (packaging must not ship without it)
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { homedir, tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const NETWORK_TIMEOUT_MS = 60_000
const COMPILE_TIMEOUT_MS = 15 * 60_000
const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers'
// What node-gyp needs to compile better-sqlite3; its own build/ is deliberately left behind.
const SOURCES = ['package.json', 'binding.gyp', 'src', 'deps', 'lib']

/** The installed Electron's version and ABI, or null when Electron is not installed (a production install). */
export function electronInfo(root = ROOT) {
  const dir = join(root, 'node_modules', 'electron')
  try {
    const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    const abi = readFileSync(join(dir, 'abi_version'), 'utf8').trim()
    return /^\d+$/.test(abi) ? { version, abi } : null
  } catch {
    return null
  }
}

/** Keep in step with src/main/electron/native-binding.ts, which loads the file from here. */
export function nativeTarget(info, root = ROOT, platform = process.platform, arch = process.arch) {
  return join(root, 'native', `electron-${info.abi}-${platform}-${arch}`, 'better_sqlite3.node')
}

function run(label, args, options, log) {
  const started = Date.now()
  const result = spawnSync(process.execPath, args, { ...options, encoding: 'utf8', env: childEnv(), windowsHide: true })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  const outcome = result.error ? result.error.message : `exit ${result.status ?? result.signal}`
  log.push(`## ${label} (${seconds} s, ${outcome})`, tail(result.stdout), tail(result.stderr))
  return !result.error && result.status === 0
}

// During postinstall npm describes the dossier package in npm_package_*; prebuild-install would
// read those as better-sqlite3's and could skip its download.
function childEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_(package|lifecycle)_/.test(key)))
}

function tail(text) {
  return (text ?? '').split('\n').slice(-40).join('\n')
}

function tryPrebuilt(work, info, log, target = hostTarget()) {
  let bin
  try {
    bin = createRequire(join(ROOT, 'node_modules', 'better-sqlite3', 'package.json')).resolve('prebuild-install/bin.js')
  } catch {
    log.push('## prebuild-install not found')
    return false
  }
  const args = [bin, '--runtime=electron', `--target=${info.version}`, `--arch=${target.arch}`, `--platform=${target.platform}`]
  return run('prebuild-install', args, { cwd: work, timeout: NETWORK_TIMEOUT_MS }, log)
}

/** npm bundles node-gyp; find it the ways npm itself would, cheapest first. */
function findNodeGyp() {
  const candidates = [process.env.npm_config_node_gyp, join(ROOT, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')]
  if (process.env.npm_execpath) {
    candidates.push(join(dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'))
  }
  const nodeDir = dirname(process.execPath)
  candidates.push(
    join(nodeDir, 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(nodeDir, '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')
  )
  const found = candidates.find((path) => path && existsSync(path))
  if (found) return found
  const npmRoot = spawnSync('npm', ['root', '-g'], { encoding: 'utf8', timeout: 15_000, shell: process.platform === 'win32' })
  const fromNpm = join((npmRoot.stdout ?? '').trim(), 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')
  return npmRoot.status === 0 && existsSync(fromNpm) ? fromNpm : undefined
}

function tryCompile(work, info, log, target = hostTarget()) {
  const gyp = findNodeGyp()
  if (!gyp) {
    log.push('## node-gyp not found')
    return false
  }
  // Electron's headers live apart from Node's so the two never mix in node-gyp's cache.
  const flags = [`--target=${info.version}`, `--arch=${target.arch}`, `--dist-url=${ELECTRON_HEADERS_URL}`, `--devdir=${join(homedir(), '.electron-gyp')}`]
  // Headers first, under the network time limit; the compile after them needs no network.
  if (!run('node-gyp install (Electron headers)', [gyp, 'install', ...flags], { cwd: work, timeout: NETWORK_TIMEOUT_MS }, log)) return false
  return run('node-gyp rebuild', [gyp, 'rebuild', '--release', ...flags], { cwd: work, timeout: COMPILE_TIMEOUT_MS }, log)
}

function hostTarget() {
  return { platform: process.platform, arch: process.arch }
}

/** `--platform=` and `--arch=` for a packaging target other than this machine. */
function targetFrom(argv) {
  const value = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)
  return { platform: value('platform') ?? process.platform, arch: value('arch') ?? process.arch }
}

function build(info, target, log, host = hostTarget()) {
  const work = mkdtempSync(join(tmpdir(), 'dossier-better-sqlite3-'))
  try {
    const source = join(ROOT, 'node_modules', 'better-sqlite3')
    for (const entry of SOURCES) cpSync(join(source, entry), join(work, entry), { recursive: true })
    const built = join(work, 'build', 'Release', 'better_sqlite3.node')
    const ok = (tryPrebuilt(work, info, log, host) && existsSync(built)) || (tryCompile(work, info, log, host) && existsSync(built))
    if (!ok) return false
    // Copy then rename, so a half-written file is never taken for a finished build.
    mkdirSync(dirname(target), { recursive: true })
    const partial = `${target}.${process.pid}.partial`
    copyFileSync(built, partial)
    renameSync(partial, target)
    return true
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

function main(argv) {
  const info = electronInfo()
  if (!info) return
  const wanted = targetFrom(argv)
  const target = nativeTarget(info, ROOT, wanted.platform, wanted.arch)
  if (argv.includes('--print-target')) {
    console.log(target)
    return
  }
  if (existsSync(target)) return

  const log = [`# better-sqlite3 for Electron ${info.version} (ABI ${info.abi}, ${wanted.platform}-${wanted.arch})`]
  let ok = false
  try {
    ok = build(info, target, log, wanted)
  } catch (err) {
    log.push(`## failed: ${err instanceof Error ? err.message : String(err)}`)
  }
  const logPath = join(ROOT, 'native', 'electron-native.log')
  try {
    mkdirSync(dirname(logPath), { recursive: true })
    writeFileSync(logPath, `${log.join('\n')}\n`)
  } catch {
    // The log is a convenience; a read-only checkout must not turn this into a failure.
  }
  if (!ok && argv.includes('--strict')) {
    console.error(`dossier: could not build better-sqlite3 for Electron ${info.version} on ${wanted.platform}-${wanted.arch}. Details: ${relative(ROOT, logPath)}`)
    process.exit(1)
  }
  if (ok) {
    console.log(`dossier: built better-sqlite3 for Electron ${info.version} into ${relative(ROOT, target)}`)
  } else if (!argv.includes('--quiet')) {
    console.log(
      `dossier: Electron build of better-sqlite3 skipped (offline?): npm test and npm run web work; npm start will retry. Details: ${relative(ROOT, logPath)}`
    )
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    main(process.argv.slice(2))
  } catch (err) {
    console.log(`dossier: Electron build of better-sqlite3 skipped: ${err instanceof Error ? err.message : String(err)}`)
  }
  process.exitCode = 0
}
