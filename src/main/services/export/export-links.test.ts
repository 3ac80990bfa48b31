import { execFileSync } from 'node:child_process'
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importText, plainNoteState, tempServices, type TempServices } from '../../../../test/support/temp-services'
import { sha256, temporaryName, writeAtomically, writeExportFile } from './write-export-file'

/**
 * The probe's attack (issue 15, S1): someone who can create files in the export folder (a shared
 * or synced vault) plants links where Dossier writes, pointing at a file outside it.
 */
function victim(s: TempServices): { path: string; original: string } {
  const path = join(s.dir, 'victim.txt')
  writeFileSync(path, 'precious')
  return { path, original: 'precious' }
}

/** Links at the temporary names the exporter used to write (`name.<pid>.tmp`), and a few pids around. */
function plantAtOldTempNames(dir: string, names: string[], target: string): void {
  for (const name of names) for (const pid of [process.pid, process.pid + 1]) symlinkSync(target, join(dir, `${name}.${pid}.tmp`))
}

function links(dir: string): string[] {
  return readdirSync(dir).filter((n) => lstatSync(join(dir, n)).isSymbolicLink())
}

async function exportedLibrary() {
  const s = tempServices()
  const id = await importText(s, 'a.txt', 'Alpha\n\nFirst story about ports.')
  const outDir = join(s.dir, 'vault')
  await s.exporter.markdown(outDir)
  s.highlights.create(id, 0, 5)
  s.notes.save(s.highlights.list(id)[0]!.id, plainNoteState('first'))
  s.exporter.csv(outDir)
  return { s, id, outDir }
}

describe('export never writes through a planted link', () => {
  it('updates a Markdown file and highlights.csv without touching a file linked at the old temporary names', async () => {
    const { s, id, outDir } = await exportedLibrary()
    const target = victim(s)
    plantAtOldTempNames(outDir, ['Alpha.md', 'highlights.csv'], target.path)
    s.articles.updateMetadata(id, { author: 'Ann Smith' })
    s.notes.save(s.highlights.list(id)[0]!.id, plainNoteState('second'))
    expect(await s.exporter.markdown(outDir)).toMatchObject({ updated: 1, conflicts: [] })
    expect(s.exporter.csv(outDir).conflictFile).toBeNull()
    expect(readFileSync(target.path, 'utf8')).toBe(target.original)
    expect(readFileSync(join(outDir, 'Alpha.md'), 'utf8')).toContain('Ann Smith')
    expect(readFileSync(join(outDir, 'highlights.csv'), 'utf8')).toContain('second')
    // No temporary file is left behind, and the planted links are left as they were.
    expect(readdirSync(outDir).filter((n) => n.endsWith('.tmp') && !links(outDir).includes(n))).toEqual([])
  })

  it('writes conflict copies, Markdown and CSV, without touching a file linked at their names or temporary names', async () => {
    const { s, id, outDir } = await exportedLibrary()
    const target = victim(s)
    writeFileSync(join(outDir, 'Alpha.md'), 'edited by the analyst')
    writeFileSync(join(outDir, 'highlights.csv'), 'edited by the analyst')
    plantAtOldTempNames(outDir, ['Alpha.dossier-conflict.md', 'highlights.dossier-conflict.csv'], target.path)
    symlinkSync(target.path, join(outDir, 'Alpha.dossier-conflict.md'))
    symlinkSync(target.path, join(outDir, 'highlights.dossier-conflict.csv'))
    s.articles.updateMetadata(id, { author: 'Ann Smith' })
    expect((await s.exporter.markdown(outDir)).conflicts).toHaveLength(1)
    expect(s.exporter.csv(outDir).conflictFile).toBe(join(outDir, 'highlights.dossier-conflict.csv'))
    expect(readFileSync(target.path, 'utf8')).toBe(target.original)
    // The copies replaced the links themselves.
    expect(lstatSync(join(outDir, 'Alpha.dossier-conflict.md')).isFile()).toBe(true)
    expect(readFileSync(join(outDir, 'Alpha.dossier-conflict.md'), 'utf8')).toContain('Ann Smith')
    expect(lstatSync(join(outDir, 'highlights.dossier-conflict.csv')).isFile()).toBe(true)
  })

  it('never reads or writes through a link at the file’s own name: it is left alone and the new version goes beside it', async () => {
    const { s, id, outDir } = await exportedLibrary()
    const target = victim(s)
    // The link points at a copy of what Dossier wrote, so following it would look like "ours, unchanged".
    writeFileSync(target.path, readFileSync(join(outDir, 'Alpha.md')))
    const before = readFileSync(target.path, 'utf8')
    rmSync(join(outDir, 'Alpha.md'))
    symlinkSync(target.path, join(outDir, 'Alpha.md'))
    s.articles.updateMetadata(id, { author: 'Ann Smith' })
    const report = await s.exporter.markdown(outDir)
    expect(report.conflicts).toEqual([expect.objectContaining({ file: 'Alpha.md', conflictFile: 'Alpha.dossier-conflict.md' })])
    expect(readFileSync(target.path, 'utf8')).toBe(before)
    expect(readlinkSync(join(outDir, 'Alpha.md'))).toBe(target.path)
  })
})

describe('writeAtomically and writeExportFile', () => {
  it('refuses a link or file already at its temporary name, leaving it and its target alone', () => {
    const s = tempServices()
    const target = victim(s)
    const tmp = join(s.dir, 'out.md.planted.tmp')
    symlinkSync(target.path, tmp)
    expect(() => writeAtomically(join(s.dir, 'out.md'), 'article text', () => tmp)).toThrow(/EEXIST/)
    expect(readFileSync(target.path, 'utf8')).toBe(target.original)
    expect(readlinkSync(tmp)).toBe(target.path)
    // A dangling link too: an exclusive create never follows it to create its target.
    const dangling = join(s.dir, 'dangling.tmp')
    symlinkSync(join(s.dir, 'created-through-link.txt'), dangling)
    expect(() => writeAtomically(join(s.dir, 'out.md'), 'article text', () => dangling)).toThrow(/EEXIST/)
    expect(readdirSync(s.dir)).not.toContain('created-through-link.txt')
  })

  it('uses a fresh unguessable temporary name in the same folder each time, and leaves none behind', () => {
    const s = tempServices()
    const names = new Set(Array.from({ length: 50 }, () => temporaryName(join(s.dir, 'out.md'))))
    expect(names.size).toBe(50)
    for (const name of names) {
      expect(dirname(name)).toBe(s.dir)
      expect(basename(name)).toMatch(/^\.out\.md\.[0-9a-f]{16}\.tmp$/)
    }
    writeAtomically(join(s.dir, 'out.md'), 'x')
    expect(readdirSync(s.dir).filter((n) => n.includes('out.md'))).toEqual(['out.md'])
  })

  it('treats a FIFO at the file’s name as not its own, without blocking on it', () => {
    const s = tempServices()
    execFileSync('mkfifo', [join(s.dir, 'pipe.md')])
    const body = Buffer.from('new')
    expect(writeExportFile(s.dir, 'pipe.md', { body, sha256: sha256(body) }, null)).toEqual({ status: 'conflict', conflictFile: 'pipe.dossier-conflict.md' })
    expect(readFileSync(join(s.dir, 'pipe.dossier-conflict.md'), 'utf8')).toBe('new')
  })

  it('names an article past a FIFO or a link at its title’s name, without blocking or following it', async () => {
    const s = tempServices()
    await importText(s, 'a.txt', 'Alpha\n\nFirst story about ports.')
    const beta = await importText(s, 'b.txt', 'Beta\n\nSecond story about ships.')
    const outDir = join(s.dir, 'vault')
    mkdirSync(outDir)
    execFileSync('mkfifo', [join(outDir, 'Alpha.md')])
    // A link to a file that does carry Beta's id must not make Beta adopt it.
    const other = join(s.dir, 'beta-elsewhere.md')
    writeFileSync(other, `---\ndossier_id: "${beta}"\n---\n`)
    symlinkSync(other, join(outDir, 'Beta.md'))
    const report = await s.exporter.markdown(outDir)
    expect(report).toMatchObject({ files: ['Alpha (2).md', 'Beta (2).md'], created: 2, conflicts: [] })
  })
})
