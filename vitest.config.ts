import { availableParallelism } from 'node:os'
import { configDefaults, defineConfig } from 'vitest/config'

const include = ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts', 'scripts/**/*.test.ts', 'extension/**/*.test.ts']
/** These replace `electron` with a fake (vi.mock), each its own: they keep a module graph of their own. */
const mocking = ['src/main/index.test.ts', 'src/preload/index.test.ts']

const shared = {
  environment: 'node' as const,
  setupFiles: ['./vitest.setup.ts'],
  pool: 'forks' as const,
  testTimeout: 20_000,
  // The brief's print sheet is read as text (`?raw`) by its HTML writer; Vitest hands CSS it does not process over empty.
  css: { include: [/src\/shared\/brief\/brief\.css/] }
}

export default defineConfig({
  test: {
    // Vitest's default (cores − 1) runs one file at a time on CI's two cores: the suite's wall
    // time (209 s) was the sum of its files' times. Two forks keep both cores busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          ...shared,
          name: 'unit',
          include,
          exclude: [...configDefaults.exclude, ...mocking],
          // Each test file makes its own services and temp files; re-importing the whole module
          // graph for every file (isolation) cost three quarters of the run on two cores.
          isolate: false
        }
      },
      { test: { ...shared, name: 'mocking', include: mocking } }
    ]
  }
})
