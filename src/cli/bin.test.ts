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
    // Web pages, parsed and stored by the parse workers, more of them than files in flight (4 on 2 cores),
    // and a hostile one: a `div` nested 10,000 deep, and bytes that are no web page at all.
    for (let i = 1; i <= 6; i++) writeFileSync(join(notes, `page-${i}.html`), `<!doctype html><html><head><title>Harbour bulletin ${i}</title></head><body><article><h1>Harbour bulletin ${i}</h1><p>Berth ${i} reopened after ${i} days of repairs to the quay wall.</p></article></body></html>`)
    writeFileSync(join(notes, 'deep.html'), `<html><body><article><p>Deep page.</p>${'<div>'.repeat(10_000)}Still read.${'</div>'.repeat(10_000)}</article></body></html>`)
    writeFileSync(join(notes, 'nested', 'blob.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0xff]))
    const db = join(dir, 'lib', 'dossier.sqlite')

    const imported = await runNode([join(root, 'bin', 'dossier.js'), 'import', notes, '--db', db, '--json'], { cwd: root, home: dir })
    // Progress is for a terminal: piped, stderr holds the one line and stdout only the JSON.
    expect(imported.stderr).toBe('dossier: 2 of 11 files were rejected.\n')
    expect(imported.code).toBe(1)
    const reports = JSON.parse(imported.stdout) as FileReport[]
    expect(reports.map((r) => [r.file, r.status])).toEqual([
      [join(notes, 'blank.txt'), 'rejected'],
      [join(notes, 'deep.html'), 'imported'],
      [join(notes, 'nested', 'blob.html'), 'rejected'],
      [join(notes, 'nested', 'two.md'), 'imported'],
      [join(notes, 'one.txt'), 'imported'],
      ...[1, 2, 3, 4, 5, 6].map((i) => [join(notes, `page-${i}.html`), 'imported'])
    ])
    expect(reports.find((r) => r.file.endsWith('blob.html'))!.message).toMatch(/^blob\.html: .*binary/)
    expect(reports.filter((r) => r.file.includes('page-')).map((r) => r.title)).toEqual([1, 2, 3, 4, 5, 6].map((i) => `Harbour bulletin ${i}`))

    const listed = await runNode([join(root, 'bin', 'dossier.js'), 'list', '--db', db, '--json'], { cwd: root, home: dir })
    expect({ code: listed.code, stderr: listed.stderr }).toEqual({ code: 0, stderr: '' })
    expect((JSON.parse(listed.stdout) as { total: number }).total).toBe(9)

    // Built, the CLI exports through the app's writer worker (out/main/export-writer.js); twice,
    // so the second run reads back what the worker wrote and finds it unchanged.
    const vault = join(dir, 'vault')
    for (const expected of [{ created: 9, unchanged: 0 }, { created: 0, unchanged: 9 }]) {
      const exported = await runNode([join(root, 'bin', 'dossier.js'), 'export', '--out', vault, '--db', db, '--json'], { cwd: root, home: dir })
      expect({ code: exported.code, stderr: exported.stderr }).toEqual({ code: 0, stderr: '' })
      expect(JSON.parse(exported.stdout)).toMatchObject({ ...expected, conflicts: [] })
    }
    expect(readdirSync(vault)).toHaveLength(9)
    expect(readdirSync(vault)).toEqual(expect.arrayContaining(['First memo.md', 'Second memo.md', 'Harbour bulletin 6.md']))
    expect(readFileSync(join(vault, 'First memo.md'), 'utf8')).toMatch(/^---\ntitle: "First memo"\n[^]*\n# First memo\n/)
    // A new folder: the worker writes the renders stored by the first run, read on its own connection.
    const copy = join(dir, 'copy')
    const again = await runNode([join(root, 'bin', 'dossier.js'), 'export', '--out', copy, '--db', db, '--json'], { cwd: root, home: dir })
    expect({ code: again.code, stderr: again.stderr, created: JSON.parse(again.stdout).created }).toEqual({ code: 0, stderr: '', created: 9 })
    for (const name of readdirSync(vault)) expect(readFileSync(join(copy, name), 'utf8')).toBe(readFileSync(join(vault, name), 'utf8'))
  })
})
