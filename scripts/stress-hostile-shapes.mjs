// Part of `npm run stress`: every hostile shape (test/support/hostile-shapes.ts) imported in one
// batch, each followed by an ordinary file that must still import. Minutes of work, so it is
// not part of `npm test`; its speed is measured by `npm run bench -- import-hostile`.
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const result = spawnSync(
  join(root, 'node_modules', '.bin', 'vitest'),
  ['run', 'src/main/services/hostile-corpus.test.ts', 'src/main/services/import/html-bounds.test.ts', '-t', 'hostile shapes|stops counting a page', '--testTimeout=1800000'],
  { cwd: root, stdio: 'inherit', env: { ...process.env, DOSSIER_STRESS: '1' } }
)
process.exit(result.status ?? 1)
