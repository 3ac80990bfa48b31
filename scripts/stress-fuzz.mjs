// Part of `npm run stress`: the IPC fuzz suite (src/web/ipc-fuzz.test.ts) at 1,000 payloads per
// channel, or as many as the first argument says. `DOSSIER_FUZZ_SEED=N` replays one run.
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const runs = Number(process.argv[2] ?? 1000)
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`stress-fuzz: ${process.argv[2]} is not a number of payloads per channel`)
  process.exit(2)
}
const seed = process.env.DOSSIER_FUZZ_SEED ?? String(Date.now() % 2 ** 31)
console.log(`stress-fuzz: ${runs} payloads per channel, seed ${seed} (replay with DOSSIER_FUZZ_SEED=${seed})`)
const result = spawnSync(
  join(root, 'node_modules', '.bin', 'vitest'),
  ['run', 'src/web/ipc-fuzz.test.ts', '--testTimeout=900000', '--hookTimeout=120000'],
  { cwd: root, stdio: 'inherit', env: { ...process.env, DOSSIER_FUZZ_RUNS: String(runs), DOSSIER_FUZZ_SEED: seed } }
)
process.exit(result.status ?? 1)
