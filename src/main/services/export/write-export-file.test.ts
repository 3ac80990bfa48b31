import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../../test/support/temp-services'
import { sha256, writeExportFile } from './write-export-file'

describe('an export file written from pieces (a stored brief, decision 0059)', () => {
  it('writes the pieces in order, more than one writev takes, created, replaced and beside a changed file', () => {
    const dir = tempDir()
    // 3,000 pieces (writev takes at most 1,024), an empty one and a large one among them.
    const pieces = [...Array.from({ length: 3000 }, (_, i) => Buffer.from(`piece ${i}; `)), Buffer.alloc(0), Buffer.alloc(200_000, 'x'), Buffer.from('end\n')]
    const whole = Buffer.concat(pieces)
    expect(sha256(pieces)).toBe(sha256(whole))

    expect(writeExportFile(dir, 'brief.md', { body: pieces, sha256: sha256(pieces) }, null)).toEqual({ status: 'created', sha256: sha256(whole) })
    expect(readFileSync(join(dir, 'brief.md')).equals(whole)).toBe(true)

    // What Dossier wrote, recorded: replaced by the next version.
    const next = [Buffer.from('second '), ...pieces]
    expect(writeExportFile(dir, 'brief.md', { body: next, sha256: sha256(next) }, sha256(whole))).toMatchObject({ status: 'updated' })
    expect(readFileSync(join(dir, 'brief.md')).equals(Buffer.concat(next))).toBe(true)

    // The analyst changed it: left alone, ours beside it.
    writeFileSync(join(dir, 'brief.md'), 'mine\n')
    const outcome = writeExportFile(dir, 'brief.md', { body: pieces, sha256: sha256(pieces) }, sha256(Buffer.concat(next)))
    expect(outcome.status).toBe('conflict')
    expect(readFileSync(join(dir, 'brief.md'), 'utf8')).toBe('mine\n')
    expect(readFileSync(join(dir, (outcome as { conflictFile: string }).conflictFile)).equals(whole)).toBe(true)
  })
})
