// Part of `npm run stress`: the kill -9 harness (test/crash) with 1,000 kills
// (DOSSIER_CRASH_KILLS to change it; DOSSIER_CRASH_SEED to replay a run).
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const env = { ...process.env, DOSSIER_CRASH_KILLS: process.env.DOSSIER_CRASH_KILLS ?? '1000' }
const result = spawnSync(join(root, 'node_modules', '.bin', 'vitest'), ['run', 'test/crash/crash-harness.test.ts'], { cwd: root, env, stdio: 'inherit' })
process.exit(result.status ?? 1)
