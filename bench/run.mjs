// `npm run bench [-- GROUP...]`: bundles the TypeScript benchmarks with Vite (a direct dependency;
// Node 20 cannot run .ts itself and neither tsx nor vite-node is installed), then runs each group
// in this process and writes bench/results.json.
import { build } from 'vite'
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
// Under node_modules so the bundle resolves jsdom, DOMPurify and better-sqlite3 as the app does.
const outDir = join(root, 'node_modules', '.cache', 'dossier-bench')
mkdirSync(outDir, { recursive: true })

// The app's own parse worker, built as the benchmark's second entry, so "import via the worker
// pool" runs exactly the code the app runs.
const entries = { main: join(root, 'bench', 'main.ts'), 'parse-worker': join(root, 'src', 'main', 'services', 'import', 'parse-worker.ts'),
  'search-worker': join(root, 'src', 'main', 'services', 'search', 'search-worker.ts'),
  'export-writer': join(root, 'src', 'main', 'services', 'export', 'export-writer-worker.ts'),
  // The entities group's background extraction runs in a process of its own that loads only
  // what the app's main process loads (entities-extract-child.ts).
  'entities-extract-child': join(root, 'bench', 'entities-extract-child.ts'),
  // The import-cli group's baseline runs alone too (bare-readability-child.ts).
  'bare-readability-child': join(root, 'bench', 'bare-readability-child.ts')
}
await build({
  configFile: false,
  root,
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir,
    // Kept: the benchmark's generated libraries are cached beside the bundles.
    emptyOutDir: false,
    target: 'node20',
    minify: false,
    rollupOptions: { input: entries, output: { format: 'es', entryFileNames: '[name].mjs' } }
  }
})
const { main } = await import(pathToFileURL(join(outDir, 'main.mjs')).href)
await main({ groups: process.argv.slice(2), root, outDir })
