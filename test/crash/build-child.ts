import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '../..')

export interface CrashChild {
  /** How to start one child: node's arguments (the env carries DOSSIER_CRASH_ARGS). */
  nodeArgs: string[]
  env: Record<string, string>
  /** Whether children start from a V8 startup snapshot (the fast way) or load the bundle. */
  snapshot: boolean
  /** The built files, removed when the harness is done. */
  files: string[]
}

/**
 * Bundles crash-child.ts into one CommonJS file under out/crash/, with only the services it uses,
 * then bakes it into a V8 startup snapshot: a child then starts with every module already
 * evaluated, which is most of its start-up cost. Falls back to running the bundle where the
 * snapshot cannot be built.
 */
export async function buildCrashChild(): Promise<CrashChild> {
  const { build } = await import('rolldown')
  const outDir = join(ROOT, 'out', 'crash')
  mkdirSync(outDir, { recursive: true })
  const file = join(outDir, `crash-child-${process.pid}.cjs`)
  await build({
    input: join(ROOT, 'test/crash/crash-child.ts'),
    platform: 'node',
    external: [/^node:/],
    resolve: { alias: { 'better-sqlite3': join(ROOT, 'test/crash/lazy-sqlite.ts') } },
    // Modules the child never calls (the HTML parser behind parse-document) must not load at all.
    treeshake: { moduleSideEffects: false },
    logLevel: 'silent',
    output: { file, format: 'cjs', minify: true },
    write: true
  })
  const env = { DOSSIER_ROOT: ROOT }
  const blob = join(outDir, `crash-child-${process.pid}.blob`)
  rmSync(blob, { force: true })
  const made = spawnSync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', file], { env: { ...process.env, ...env }, encoding: 'utf8' })
  if (made.status === 0 && existsSync(blob)) return { nodeArgs: ['--snapshot-blob', blob], env, snapshot: true, files: [file, blob] }
  return { nodeArgs: [file], env, snapshot: false, files: [file] }
}
