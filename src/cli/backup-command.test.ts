import Database from 'better-sqlite3'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { registerProvenanceFunctions } from '../main/provenance/log-hash'
import { run } from './run'

let dir: string
let db: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-cli-backup-'))
  db = join(dir, 'library.sqlite')
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

async function dossier(...argv: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await run(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: {},
    cwd: dir
  })
  return { code, stdout, stderr }
}

function articleCount(path: string): number {
  const check = new Database(path, { readonly: true })
  try {
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok')
    return (check.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n
  } finally {
    check.close()
  }
}

async function importMemo(name: string, body: string) {
  writeFileSync(join(dir, name), `${name}\n\n${body}\n`)
  expect((await dossier('import', join(dir, name), '--db', db)).code).toBe(0)
}

describe('dossier backup and restore', () => {
  it('backs up, lists, and restores the newest backup with the expected rows, keeping the replaced library', async () => {
    await importMemo('first.txt', 'The harbour reopened on Monday.')
    const made = await dossier('backup', '--db', db, '--json')
    expect(made.code).toBe(0)
    const backup = JSON.parse(made.stdout) as { name: string; path: string }
    await importMemo('second.txt', 'Freight rates fell in November.')
    expect(articleCount(db)).toBe(2)

    const listed = await dossier('backup', '--list', '--db', db)
    expect(listed.stdout).toContain(backup.name)

    const restored = await dossier('restore', '--db', db)
    expect(restored).toMatchObject({ code: 0, stderr: '' })
    expect(restored.stdout).toContain('1 articles')
    expect(articleCount(db)).toBe(1)
    // The library it replaced is itself the newest backup now, so the restore can be undone.
    const undo = await dossier('restore', '--db', db, '--json')
    expect(JSON.parse(undo.stdout)).toMatchObject({ counts: { articles: 2 } })
    expect(articleCount(db)).toBe(2)
  })

  it('says in one line that a damaged library can be restored, then moves it aside and restores', async () => {
    await importMemo('first.txt', 'The harbour reopened on Monday.')
    await dossier('backup', '--db', db)
    await importMemo('second.txt', 'Freight rates fell in November.')
    const bytes = readFileSync(db)
    bytes.fill(0x41, 16, 100) // the header: SQLite no longer recognises the file
    writeFileSync(db, bytes)
    rmSync(`${db}-wal`, { force: true })

    const listed = await dossier('list', '--db', db)
    expect(listed.code).toBe(1)
    expect(listed.stderr).toMatch(/^dossier: [^\n]*library\.sqlite[^\n]*(damaged|not a Dossier database)[^\n]*dossier restore --db[^\n]*\n$/)

    const restored = await dossier('restore', '--db', db)
    expect(restored).toMatchObject({ code: 0, stderr: '' })
    expect(articleCount(db)).toBe(1)
    const aside = readdirSync(dir).filter((n) => /^library\.(damaged|not-a-library)-/.test(n))
    expect(aside).toHaveLength(1)
    expect(readFileSync(join(dir, aside[0]!)).equals(bytes)).toBe(true)
  })

  it('refuses an unknown backup name and a library with no backups, in one line, exit 1', async () => {
    await importMemo('first.txt', 'The harbour reopened on Monday.')
    const none = await dossier('restore', '--db', db)
    expect(none.code).toBe(1)
    expect(none.stderr).toMatch(/^dossier: no backups of .*library\.sqlite to restore[^\n]*\n$/)
    const unknown = await dossier('restore', 'nope.sqlite', '--db', db)
    expect(unknown.stderr).toMatch(/^dossier: no backup named nope\.sqlite[^\n]*\n$/)
    expect(articleCount(db)).toBe(1)
  })
})

describe('dossier trash', () => {
  it('lists a deleted article, restores it by id, and empties the Trash only with --yes', async () => {
    await importMemo('first.txt', 'The harbour reopened on Monday.')
    await importMemo('second.txt', 'Freight rates fell in November.')
    const listed = JSON.parse((await dossier('list', '--db', db, '--json')).stdout) as { items: { id: string; title: string }[] }
    const first = listed.items.find((a) => a.title.startsWith('first'))!
    // A bare connection must register the activity log's functions: its triggers refuse changes otherwise.
    const check = new Database(db)
    registerProvenanceFunctions(check)
    check.prepare("UPDATE articles SET deleted_at = '2026-01-01T00:00:00Z' WHERE id = ?").run(first.id)
    check.close()

    expect((await dossier('list', '--db', db)).stdout).toContain('1 article.')
    const trash = await dossier('trash', '--db', db)
    expect(trash.stdout).toContain(first.id)
    expect(trash.stdout).toContain(first.title)

    expect(await dossier('trash', 'empty', '--db', db)).toMatchObject({ code: 2 })
    expect(await dossier('trash', 'restore', first.id, '--db', db)).toMatchObject({ code: 0, stderr: '' })
    expect((await dossier('list', '--db', db)).stdout).toContain('2 articles.')
    expect((await dossier('trash', 'empty', '--yes', '--db', db)).stdout).toContain('0 articles')
    expect((await dossier('trash', 'restore', first.id, '--db', db)).stderr).toMatch(/^dossier: nothing in the Trash has the id [^\n]+\n$/)
  })
})

describe('a library in a risky place', () => {
  it('gets a one-line note on stderr and the command still runs', async () => {
    const synced = join(dir, 'Dropbox', 'library.sqlite')
    const result = await dossier('list', '--db', synced)
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(/^dossier: note: The library .*Dropbox.* is in a Dropbox folder[^\n]*local folder[^\n]*\n$/)
  })
})
