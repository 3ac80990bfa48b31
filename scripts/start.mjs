#!/usr/bin/env node
/**
 * `npm start`: launch the Electron app, building what is missing first.
 * `npm run dev` (--dev): the same through electron-vite's dev server, with hot reload.
 * Further arguments go to Electron (e.g. `npm start -- --no-sandbox` as root in a container).
 *
 * Electron's binary is downloaded on first use, which fails offline; that must end in one
 * clear sentence pointing to `npm run web`, not in a stack trace.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildIfNeeded } from './build-if-needed.mjs'
import { electronInfo, nativeTarget } from './electron-native.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const ELECTRON_DIR = join(ROOT, 'node_modules', 'electron')
const ELECTRON_VITE = join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
const DOWNLOAD_TIMEOUT_MS = 5 * 60_000

function fail(message) {
  console.error(message)
  process.exit(1)
}

/** The Electron executable, found the way node_modules/electron/index.js finds it, minus its download. */
function electronBinary() {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  let relativePath = override ? 'electron' : null
  try {
    relativePath = readFileSync(join(ELECTRON_DIR, 'path.txt'), 'utf8').trim()
  } catch {
    // No path.txt: the download never happened, unless an override names the binary's folder.
  }
  if (!relativePath) return null
  const binary = join(override || join(ELECTRON_DIR, 'dist'), relativePath)
  return existsSync(binary) ? binary : null
}

function ensureElectron() {
  const present = electronBinary()
  if (present) return present
  // Its own output is a progress bar or, offline, a stack trace; our one line replaces both.
  spawnSync(process.execPath, [join(ELECTRON_DIR, 'install.js')], { cwd: ROOT, stdio: 'ignore', timeout: DOWNLOAD_TIMEOUT_MS })
  return (
    electronBinary() ??
    fail(
      'Dossier: the Electron binary is not installed and could not be downloaded (no internet?). Run `npm run web` to use Dossier in your browser.'
    )
  )
}

function ensureNativeBuild() {
  const info = electronInfo(ROOT)
  spawnSync(process.execPath, [join(ROOT, 'scripts', 'electron-native.mjs'), '--quiet'], { cwd: ROOT, stdio: 'inherit' })
  if (!info || !existsSync(nativeTarget(info, ROOT))) {
    fail(
      'Dossier: SQLite could not be built for Electron (no internet, or no C++ build tools?); see native/electron-native.log. Run `npm run web` to use Dossier in your browser.'
    )
  }
}

function run(command, args) {
  const env = { ...process.env }
  // Set by some editors' terminals; it would make Electron start as plain Node.
  delete env.ELECTRON_RUN_AS_NODE
  const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

const argv = process.argv.slice(2)
const dev = argv.includes('--dev')
const electronArgs = argv.filter((a) => a !== '--dev')

const electron = ensureElectron()
ensureNativeBuild()
if (dev) {
  run(process.execPath, [ELECTRON_VITE, 'dev', ...(electronArgs.length ? ['--', ...electronArgs] : [])])
} else {
  const failure = buildIfNeeded(ROOT)
  if (failure) fail(`Dossier: ${failure}`)
  run(electron, ['.', ...electronArgs])
}
