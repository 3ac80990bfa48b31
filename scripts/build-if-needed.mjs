import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** Newest modification time under a folder, so a stale build is rebuilt. */
function newest(dir) {
  let latest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs)
  }
  return latest
}

/** Runs `electron-vite build` when out/ is missing or older than src/. */
export function buildIfNeeded(root, marker = 'out/main/web.js') {
  const built = join(root, marker)
  const sources = [join(root, 'src'), join(root, 'electron.vite.config.ts'), join(root, 'package.json')]
  const srcTime = Math.max(...sources.map((p) => (statSync(p).isDirectory() ? newest(p) : statSync(p).mtimeMs)))
  if (existsSync(built) && statSync(built).mtimeMs >= srcTime) return
  process.stderr.write('Dossier: building…\n')
  const result = spawnSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit']
  })
  if (result.status !== 0) {
    process.stderr.write('Dossier: the build failed (see above).\n')
    process.exit(1)
  }
}
