import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderDefaultTemplate } from '../../../shared/markdown/default-template'
import { tempServices } from '../../../../test/support/temp-services'
import { inProcessWriter, type ExportWriter } from './export-writer'
import { exportMarkdown } from './markdown-export'

const at = () => '2026-01-01T00:00:00.000Z'
const renderer = { render: renderDefaultTemplate, fingerprint: 'test' }

/** Enough articles for three batches, inserted directly: importing them one by one would take a minute. */
function manyArticles(db: ReturnType<typeof tempServices>['db'], count: number): string[] {
  const insert = db.prepare(
    `INSERT INTO articles (id, title, imported_at, original_name, original_type, original, text, content_hash)
     VALUES (?, ?, ?, ?, 'text', x'00', ?, ?)`
  )
  const ids = Array.from({ length: count }, (_, n) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`)
  db.transaction(() => {
    ids.forEach((id, n) => insert.run(id, `Memo ${n}`, new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(), `${n}.txt`, `Memo ${n}`, id))
  })()
  return ids
}

describe('the export pipeline', () => {
  it('records every file written, in the batches still in flight too, when one file fails', async () => {
    const s = tempServices()
    const ids = manyArticles(s.db, 1200)
    const writes = inProcessWriter(s.db)
    let calls = 0
    // The first batch's first file cannot be written; everything else is.
    const failingOnce: ExportWriter = {
      write: async (dir, files) => {
        const first = calls++ === 0
        const results = await writes.write(dir, first ? files.slice(1) : files)
        return first ? [{ kind: 'failed', message: 'EACCES: permission denied' }, ...results] : results
      },
      close: async () => undefined
    }
    const outDir = join(s.dir, 'out')
    await expect(exportMarkdown(s.db, at, outDir, ids, renderer, failingOnce)).rejects.toThrow(/^Could not write Memo 0\.md in .*EACCES/)
    const onDisk = readdirSync(outDir)
    const recorded = s.db.prepare('SELECT file_name FROM export_records').pluck().all() as string[]
    expect(onDisk).not.toContain('Memo 0.md')
    // The batches handed over before the failure was known were written; their records were kept.
    expect(onDisk.length).toBeGreaterThan(500)
    expect(recorded.sort()).toEqual(onDisk.sort())
  })

  it('writes each batch once and reports progress in order, across several batches', async () => {
    const s = tempServices()
    const ids = manyArticles(s.db, 1200)
    const progress: number[] = []
    const report = await exportMarkdown(s.db, at, join(s.dir, 'out'), ids, renderer, inProcessWriter(s.db), {
      onProgress: ({ done }) => progress.push(done)
    })
    expect(report.created).toBe(1200)
    expect(new Set(report.files).size).toBe(1200)
    expect(progress).toEqual([500, 1000, 1200])
    expect(readdirSync(report.outDir)).toHaveLength(1200)
  })
})
