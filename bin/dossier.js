#!/usr/bin/env node
// The `dossier` command. It runs the built CLI (out/main/cli.js), building it first when the
// checkout is fresh or the sources changed, quietly, with the project's own electron-vite.
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { buildIfNeeded } from '../scripts/build-if-needed.mjs'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
const failure = buildIfNeeded(root, { quiet: true })
if (failure) {
  process.stderr.write(`dossier: cannot build the CLI: ${failure}\n`)
  process.exit(1)
}
await import(pathToFileURL(join(root, 'out', 'main', 'cli.js')).href)
