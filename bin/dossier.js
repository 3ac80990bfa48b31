#!/usr/bin/env node
// The `dossier` command. It runs the built CLI (out/main/cli.js); in a fresh checkout that file
// does not exist yet, so it is built once here, quietly, with the project's own electron-vite.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
const cli = join(root, 'out', 'main', 'cli.js')

if (!existsSync(cli)) build()
await import(pathToFileURL(cli).href)

function build() {
  process.stderr.write('dossier: building…\n')
  // Run electron-vite's JavaScript entry with this Node rather than node_modules/.bin/electron-vite,
  // whose shim is a .cmd file on Windows.
  const manifestPath = join(root, 'node_modules', 'electron-vite', 'package.json')
  if (!existsSync(manifestPath)) fail('cannot build the CLI: electron-vite is not installed; run npm install first.')
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin['electron-vite']
  const result = spawnSync(process.execPath, [join(dirname(manifestPath), bin), 'build'], {
    cwd: root,
    stdio: 'ignore'
  })
  if (result.status !== 0 || !existsSync(cli)) {
    const why = result.error ? result.error.message : `electron-vite build exited with ${result.status ?? result.signal}`
    fail(`cannot build the CLI (${why}); run "npx electron-vite build" in ${root} to see why.`)
  }
}

function fail(message) {
  process.stderr.write(`dossier: ${message}\n`)
  process.exit(1)
}
