import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'worker_threads', 'url', 'stream']
const nodeBuiltinPatterns = ['node:*', ...NODE_BUILTINS, ...NODE_BUILTINS.map((m) => `${m}/*`)]

/** Import boundaries by path, as VS Code does: each layer may import only what sits below it. */
/**
 * Query rows are typed where their SQL is written (decision 0025). Kept in one place: a later
 * config block's no-restricted-syntax replaces an earlier one's, so the services' block repeats it.
 */
const NO_ROW_CAST = {
  selector: ':matches(TSAsExpression, TSTypeAssertion) > CallExpression.expression[callee.property.name=/^(get|all|iterate)$/]',
  message: 'Type the statement instead of casting its result: a repository method in src/main/db/repos, or prepare<Params, Row>(sql) (decision 0025).'
}

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }]
})

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'native/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Packaging config and electron-builder hooks, which electron-builder require()s.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    files: ['src/shared/**/*.ts'],
    ignores: ['src/shared/**/*.test.ts'],
    rules: restrict(
      ['electron', 'react', 'react-dom', 'better-sqlite3', 'jsdom', '@lexical/react/*', ...nodeBuiltinPatterns, '**/main/**', '**/renderer/**', '**/preload/**', '**/web/**', '**/cli/**'],
      'src/shared is pure domain code: no Electron, Node, DOM, React or process-specific imports.'
    )
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/electron/**'],
    rules: restrict(
      ['electron', 'react', 'react-dom', '**/renderer/**', '**/preload/**', '**/web/**', '**/cli/**'],
      'Services run in plain Node: only src/main/electron and src/main/index.ts may import Electron.'
    )
  },
  {
    // Query rows are typed where their SQL is written (decision 0025): prepare<Params, Row>(sql) in
    // src/main/db/repos, so .get()/.all()/.iterate() need no cast. A cast there checks nothing.
    files: ['src/main/**/*.ts', 'src/web/**/*.ts', 'src/cli/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': ['error', NO_ROW_CAST]
    }
  },
  {
    // Services read and write through the repositories (src/main/db/repos, decision 0025). The
    // search engine is the exception: its SQL is planned per query and also run by the search
    // workers on their own connections.
    files: ['src/main/services/**/*.ts'],
    ignores: ['**/*.test.ts', 'src/main/services/search/**', 'src/main/services/test-helpers.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        NO_ROW_CAST,
        {
          selector: 'CallExpression[callee.property.name="prepare"]',
          message: 'A service prepares no SQL: add a method to its table’s repository in src/main/db/repos (decision 0025).'
        }
      ]
    }
  },
  {
    files: ['src/web/**/*.ts', 'src/cli/**/*.ts'],
    ignores: ['src/web/**/*.test.ts', 'src/cli/**/*.test.ts'],
    rules: restrict(
      ['electron', 'react', 'react-dom', '**/renderer/**', '**/preload/**', '**/main/**', '!**/main/composition-root'],
      'The web shell and CLI run in plain Node and reach the back end only through src/main/composition-root.ts.'
    )
  },
  {
    // The browser extension: browser code that bundles only itself and the zod-free capture wire.
    files: ['extension/**/*.ts'],
    ignores: ['extension/**/*.test.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['zod', 'react', 'electron', ...nodeBuiltinPatterns, '**/main/**', '**/renderer/**', '**/web/**', '**/cli/**'], message: 'The extension is browser code with no Node, zod or app imports.' },
            { regex: '/shared/(?!capture/capture-wire$)', message: 'The extension bundles only its own code and src/shared/capture/capture-wire.ts.' }
          ]
        }
      ]
    }
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: restrict(
      ['zod', 'react', 'better-sqlite3', ...nodeBuiltinPatterns, '**/main/**', '**/renderer/**', '**/shared/contract', '**/shared/contract/**'],
      'The sandboxed preload bundles only electron and the channel names.'
    )
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        ['electron', 'better-sqlite3', 'jsdom', ...nodeBuiltinPatterns, '**/main/**', '**/web/**', '**/cli/**', '**/preload/index'],
        'The renderer talks to main only through the typed contract client.'
      )
    }
  }
)
