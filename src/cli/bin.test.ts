import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runNode } from '../../test/support/spawn-dossier'
import type { FileReport } from './commands/import-command'

/** End to end: the real `dossier` command, built by electron-vite and started by bin/dossier.js. */
const root = resolve(__dirname, '..', '..')
let dir: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-bin-'))
})

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('bin/dossier.js', () => {
  // The bin builds out/ itself when it is missing or stale, hence the generous timeout.
  it('imports a folder into a fresh database and lists it, as a separate Node process', { timeout: 300_000 }, async () => {
    const notes = join(dir, 'notes')
    mkdirSync(join(notes, 'nested'), { recursive: true })
    writeFileSync(join(notes, 'one.txt'), 'First memo\n\nThe harbour reopened on Monday.\n')
    writeFileSync(join(notes, 'nested', 'two.md'), '# Second memo\n\nFreight rates fell.\n')
    writeFileSync(join(notes, 'blank.txt'), '   \n')
    const db = join(dir, 'lib', 'dossier.sqlite')

    const imported = await runNode([join(root, 'bin', 'dossier.js'), 'import', notes, '--db', db, '--json'], { cwd: root, home: dir })
    expect(imported.stderr).toBe('dossier: 1 of 3 files was rejected.\n')
    expect(imported.code).toBe(1)
    const reports = JSON.parse(imported.stdout) as FileReport[]
    expect(reports.map((r) => [r.file, r.status])).toEqual([
      [join(notes, 'blank.txt'), 'rejected'],
      [join(notes, 'nested', 'two.md'), 'imported'],
      [join(notes, 'one.txt'), 'imported']
    ])

    const listed = await runNode([join(root, 'bin', 'dossier.js'), 'list', '--db', db, '--json'], { cwd: root, home: dir })
    expect({ code: listed.code, stderr: listed.stderr }).toEqual({ code: 0, stderr: '' })
    expect((JSON.parse(listed.stdout) as { total: number }).total).toBe(2)

    // Built, the CLI exports through the app's writer worker (out/main/export-writer.js); twice,
    // so the second run reads back what the worker wrote and finds it unchanged.
    const vault = join(dir, 'vault')
    for (const expected of [{ created: 2, unchanged: 0 }, { created: 0, unchanged: 2 }]) {
      const exported = await runNode([join(root, 'bin', 'dossier.js'), 'export', '--out', vault, '--db', db, '--json'], { cwd: root, home: dir })
      expect({ code: exported.code, stderr: exported.stderr }).toEqual({ code: 0, stderr: '' })
      expect(JSON.parse(exported.stdout)).toMatchObject({ ...expected, conflicts: [] })
    }
    expect(readdirSync(vault).sort()).toEqual(['First memo.md', 'Second memo.md'])
    expect(readFileSync(join(vault, 'First memo.md'), 'utf8')).toMatch(/^---\ntitle: "First memo"\n[^]*\n# First memo\n/)
    // A new folder: the worker writes the renders stored by the first run, read on its own connection.
    const copy = join(dir, 'copy')
    const again = await runNode([join(root, 'bin', 'dossier.js'), 'export', '--out', copy, '--db', db, '--json'], { cwd: root, home: dir })
    expect({ code: again.code, stderr: again.stderr, created: JSON.parse(again.stdout).created }).toEqual({ code: 0, stderr: '', created: 2 })
    for (const name of readdirSync(vault)) expect(readFileSync(join(copy, name), 'utf8')).toBe(readFileSync(join(vault, name), 'utf8'))
  })
})
