// One answer, shared by `npm start`, `npm run web` and the `dossier` bin, to "is out/ current?".
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'

const BUILD_INPUTS = ['src', 'resources', 'electron.vite.config.ts', 'package.json']
const BUILD_OUTPUTS = ['out/main/index.js', 'out/main/web.js', 'out/main/cli.js', 'out/preload/index.cjs', 'out/renderer/index.html']

/** Tests are not part of the build, so editing one does not make the build stale. */
function newestMtime(path) {
  if (!existsSync(path) || /\.test\.tsx?$/.test(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs)
}

/** True when an output is missing or any source is newer than the oldest output. */
export function buildIsStale(root) {
  const outputs = BUILD_OUTPUTS.map((p) => join(root, p))
  if (!outputs.every(existsSync)) return true
  const oldestOutput = Math.min(...outputs.map((p) => statSync(p).mtimeMs))
  return BUILD_INPUTS.some((p) => newestMtime(join(root, p)) > oldestOutput)
}

/**
 * Runs `electron-vite build` when needed. Its JavaScript entry runs with this Node rather than
 * node_modules/.bin/electron-vite, whose shim is a .cmd file on Windows.
 * Returns null on success, else a one-line reason.
 */
export function buildIfNeeded(root, { quiet = false } = {}) {
  if (!buildIsStale(root)) return null
  const manifestPath = join(root, 'node_modules', 'electron-vite', 'package.json')
  if (!existsSync(manifestPath)) return 'electron-vite is not installed; run npm install first.'
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin['electron-vite']
  if (!quiet) process.stderr.write('Dossier: building…\n')
  const result = spawnSync(process.execPath, [join(dirname(manifestPath), bin), 'build'], {
    cwd: root,
    stdio: quiet ? 'ignore' : ['ignore', 'ignore', 'inherit']
  })
  if (result.status === 0) return null
  const why = result.error ? result.error.message : `electron-vite build exited with ${result.status ?? result.signal}`
  return `the build failed (${why}); run "npm run build" in ${root} to see why.`
}
