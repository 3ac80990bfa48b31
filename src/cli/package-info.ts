import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const PACKAGE_NAME = 'dossier'

/**
 * The folder holding Dossier's package.json. Found by walking up from this module because it runs
 * both from the sources (src/cli) and from the build (out/main, possibly a chunk folder below it).
 */
export function packageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string | null {
  for (let dir = from, depth = 0; depth < 8; dir = dirname(dir), depth++) {
    const manifest = join(dir, 'package.json')
    if (existsSync(manifest) && readManifest(manifest)?.name === PACKAGE_NAME) return dir
    if (dirname(dir) === dir) break
  }
  return null
}

export function packageVersion(): string {
  const root = packageRoot()
  return (root && readManifest(join(root, 'package.json'))?.version) || '0.0.0-unknown'
}

function readManifest(path: string): { name?: string; version?: string } | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as { name?: string; version?: string }
  } catch {
    return null
  }
}
