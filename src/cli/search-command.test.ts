import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SearchResults } from '../shared/search/search-types'
import { run } from './run'

let dir: string
let db: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-cli-search-'))
  db = join(dir, 'library.sqlite')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function dossier(argv: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await run(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: {}, cwd: dir })
  return { code, stdout, stderr }
}

async function twoArticles(): Promise<void> {
  writeFileSync(join(dir, 'grain.txt'), 'Grain corridor reopens\n\nThe grain corridor reopened on Monday; insurers raised premiums.\n')
  writeFileSync(join(dir, 'ports.txt'), 'Ports brace for strikes\n\nDock workers voted to strike over grain handling.\n')
  expect((await dossier(['import', join(dir, 'grain.txt'), join(dir, 'ports.txt'), '--db', db])).code).toBe(0)
}

describe('dossier search', () => {
  it('refuses a search over 10,000 characters with a sentence, not a schema message', async () => {
    await twoArticles()
    const { code, stdout, stderr } = await dossier(['search', 'q'.repeat(10_001), '--db', db])
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toBe('dossier: The search is too long: at most 10,000 characters.\n')
  })

  it('prints the app’s results as JSON: grouped by article, with marked snippets', async () => {
    await twoArticles()
    const { code, stdout, stderr } = await dossier(['search', '"grain corridor"', '--db', db, '--json'])
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
    const results = JSON.parse(stdout) as SearchResults
    expect(results.groups.map((g) => g.title)).toEqual(['Grain corridor reopens'])
    expect(results.groups[0]!.hits[0]!.snippet.parts.filter((p) => p.match).map((p) => p.text)).toContain('grain corridor')
  })

  it('prints titles and snippets with the matches marked, and takes unquoted words as one query', async () => {
    await twoArticles()
    const { code, stdout } = await dossier(['search', 'grain', 'strike*', '--db', db])
    expect(code).toBe(0)
    expect(stdout).toContain('Ports brace for strikes')
    expect(stdout).toContain('«strike»')
    expect(stdout).not.toContain('Grain corridor reopens')
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('1 article.')
  })

  it('honours --limit, and says so when nothing matches', async () => {
    await twoArticles()
    const limited = JSON.parse((await dossier(['search', 'grain', '--limit', '1', '--db', db, '--json'])).stdout) as SearchResults
    expect(limited.groups).toHaveLength(1)
    const none = await dossier(['search', 'NEAR(', '--db', db])
    expect(none).toMatchObject({ code: 0, stdout: 'No results for "NEAR(".\n' })
  })

  it('exits 2 without a query or with a bad limit', async () => {
    expect((await dossier(['search', '--db', db])).code).toBe(2)
    const bad = await dossier(['search', 'grain', '--limit', '0', '--db', db])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/^dossier: --limit needs a whole number/)
  })
})
