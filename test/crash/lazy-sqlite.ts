import { createRequire } from 'node:module'
import { join } from 'node:path'

type Constructor = new (...args: unknown[]) => object

let real: Constructor | undefined

/**
 * Stands in for better-sqlite3 in the crash child's bundle. A native addon cannot be part of a V8
 * startup snapshot, so the real module is loaded on first use, after the snapshot has started.
 */
export default function Database(...args: unknown[]): object {
  real ??= createRequire(join(process.env.DOSSIER_ROOT ?? process.cwd(), 'package.json'))('better-sqlite3') as Constructor
  return new real(...args)
}
