import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../../test/support/temp-services'
import { collectFiles } from './collect-files'
import { readImportFile } from './read-import-file'

describe('collectFiles on a folder', () => {
  it('skips links that lead outside the folder and says so, and follows links that stay inside', () => {
    const dir = tempDir()
    const outside = join(dir, 'outside')
    const root = join(dir, 'vault')
    mkdirSync(outside)
    mkdirSync(join(root, 'notes'), { recursive: true })
    writeFileSync(join(outside, 'secret.md'), '# Secret\n\nNot part of the vault.')
    writeFileSync(join(root, 'notes', 'brief.md'), '# Brief\n\nPart of the vault.')
    symlinkSync(join(outside, 'secret.md'), join(root, 'leak.md'))
    symlinkSync(outside, join(root, 'leaked-folder'))
    symlinkSync('/etc/hostname', join(root, 'hostname.txt'))
    symlinkSync(join(root, 'notes', 'brief.md'), join(root, 'inside.md'))

    const found = collectFiles([root], dir)
    expect(found.filter((f) => !f.skipped).map((f) => f.path)).toEqual([join(root, 'inside.md'), join(root, 'notes', 'brief.md')])
    const skipped = found.filter((f) => f.skipped)
    expect(skipped.map((f) => f.path).sort()).toEqual([join(root, 'hostname.txt'), join(root, 'leak.md'), join(root, 'leaked-folder')])
    const report = readImportFile(skipped.find((f) => f.path.endsWith('leak.md'))!.path, undefined, skipped[0]!.skipped)
    expect(report).toEqual({
      rejected: expect.objectContaining({ name: 'leak.md', status: 'skipped', message: expect.stringMatching(/^leak\.md: a link to .*outside the folder being imported; skipped\.$/) })
    })
  })

  it('reports a file whose name is not UTF-8 instead of dropping it silently', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'ok.txt'), 'ok')
    // "caf\xe9.txt": Latin-1, as an old archive or a Windows share may leave it.
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/caf`), Buffer.from([0xe9]), Buffer.from('.txt')]), 'café')
    const found = collectFiles([dir], dir)
    expect(found).toHaveLength(2)
    const bad = found.find((f) => f.problem)!
    expect(bad.path).toBe(join(dir, 'caf\ufffd.txt'))
    expect(bad.problem).toMatch(/not valid UTF-8.*rename it/)
  })
})
