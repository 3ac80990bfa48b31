import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runNode } from '../../test/support/spawn-dossier'
import { openDatabase } from '../main/db/open-database'
// @ts-expect-error a plain .mjs script without types
import { buildIfNeeded } from '../../scripts/build-if-needed.mjs'

/** The built CLI in a separate process: a read-only file can only be shown to someone other than root. */
const root = resolve(__dirname, '..', '..')
let dir: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-faults-'))
  chmodSync(dir, 0o777)
  const failure = (buildIfNeeded as (root: string, o: { quiet: boolean }) => string | null)(root, { quiet: true })
  if (failure) throw new Error(failure)
}, 300_000)

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

function cli(args: string[]) {
  return runNode([join(root, 'out', 'main', 'cli.js'), ...args], { cwd: dir, home: dir, asNobody: true })
}

describe('the CLI on a library it cannot use', () => {
  it('says in one line that a read-only library is read-only, exits 1, and leaves it unchanged', async () => {
    const path = join(dir, 'readonly.sqlite')
    const db = openDatabase(path)
    db.prepare("INSERT INTO tags (name) VALUES ('kept')").run()
    db.close()
    chmodSync(path, 0o444)
    const before = readFileSync(path)

    const result = await cli(['list', '--db', path])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(new RegExp(`^dossier: The database ${path.replace(/[.]/g, '\\.')} is read-only; Dossier needs to write to it[^\\n]*\\n$`))
    expect(readFileSync(path).equals(before)).toBe(true)
  })

  it('says in one line that a file is not a Dossier database, and leaves it untouched', async () => {
    const path = join(dir, 'shopping.sqlite')
    writeFileSync(path, 'eggs, milk, coffee\n'.repeat(300))
    chmodSync(path, 0o666)
    const result = await cli(['list', '--db', path])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^dossier: The database .*shopping\.sqlite is not a Dossier database[^\n]*\n$/)
    expect(readFileSync(path, 'utf8')).toBe('eggs, milk, coffee\n'.repeat(300))
  })
})
