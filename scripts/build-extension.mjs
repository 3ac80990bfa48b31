// `npm run dist:extension`: builds the browser extension (extension/) for Chromium browsers and
// Firefox from one Manifest V3 code base, and packs each as a zip in dist/.
// Imported by the capture e2e spec, which loads the unpacked Chromium build.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { zipSync } from 'fflate'
import { build } from 'vite'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const source = join(root, 'extension')
/** Firefox needs an id of its own to keep the extension's storage (the key, the queue) across updates. */
export const FIREFOX_ID = 'save-to-dossier@dossier.invalid'

/** The manifest for one browser family, from the one in extension/. */
export function manifestFor(target, version) {
  const base = JSON.parse(readFileSync(join(source, 'manifest.json'), 'utf8'))
  const manifest = { ...base, version }
  if (target === 'firefox') {
    // Firefox runs Manifest V3 background code as an event page, not a service worker.
    manifest.background = { scripts: ['background.js'] }
    manifest.browser_specific_settings = { gecko: { id: FIREFOX_ID, strict_min_version: '128.0' } }
  }
  return manifest
}

async function bundle(entry, outDir, fileName) {
  await build({
    configFile: false,
    logLevel: 'warn',
    // One self-contained classic script per entry: a service worker, an event page and the popup
    // all load it the same way, with nothing fetched at run time.
    build: {
      outDir,
      emptyOutDir: false,
      minify: false,
      sourcemap: false,
      target: 'es2022',
      lib: { entry: join(source, 'src', entry), formats: ['iife'], name: 'dossier', fileName: () => fileName }
    }
  })
}

/** Builds both targets under `outDir` (out/extension by default); returns their folders. */
export async function buildExtension(outDir = join(root, 'out', 'extension')) {
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version
  rmSync(outDir, { recursive: true, force: true })
  const staging = join(outDir, '.bundle')
  await bundle('background.ts', staging, 'background.js')
  await bundle('popup.ts', staging, 'popup.js')
  const folders = {}
  for (const target of ['chromium', 'firefox']) {
    const dir = join(outDir, target)
    mkdirSync(join(dir, 'icons'), { recursive: true })
    for (const file of ['background.js', 'popup.js']) copyFileSync(join(staging, file), join(dir, file))
    for (const file of ['popup.html', 'popup.css']) copyFileSync(join(source, 'src', file), join(dir, file))
    for (const size of [16, 32, 48, 128]) copyFileSync(join(root, 'resources', 'icons', `${size}x${size}.png`), join(dir, 'icons', `${size}.png`))
    writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifestFor(target, version), null, 2)}\n`)
    folders[target] = dir
  }
  rmSync(staging, { recursive: true, force: true })
  return { version, folders }
}

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

/** A zip of one built target: the manifest at its root, as both stores and "Load unpacked" expect. */
export function packFolder(dir, zipPath) {
  const entries = Object.fromEntries(filesUnder(dir).map((f) => [relative(dir, f).split('\\').join('/'), readFileSync(f)]))
  mkdirSync(dirname(zipPath), { recursive: true })
  writeFileSync(zipPath, zipSync(entries, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }))
  return zipPath
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { version, folders } = await buildExtension()
  if (process.argv.includes('--zip')) {
    for (const [target, dir] of Object.entries(folders)) {
      console.log(packFolder(dir, join(root, 'dist', `dossier-extension-${target}-${version}.zip`)))
    }
  } else {
    for (const dir of Object.values(folders)) console.log(dir)
  }
}
