import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EXPORT_RENDERER_VERSION } from '../../../shared/markdown/article-markdown'
import { sha256 } from './write-export-file'
import { inProcessWriter, writeBatch, type ExportWriter } from './export-writer'
import { exportMarkdown } from './markdown-export'
import { renderDefaultTemplate } from '../../../shared/markdown/default-template'
import { importText, plainNoteState, richNoteState, tempServices, type TempServices } from '../../../../test/support/temp-services'

/** Every file of a fresh export, by name. */
async function exportFiles(s: TempServices, folder: string): Promise<Record<string, string>> {
  const report = await s.exporter.markdown(join(s.dir, folder))
  return Object.fromEntries(readdirSync(report.outDir).sort().map((name) => [name, readFileSync(join(report.outDir, name), 'utf8')]))
}

const storedRenders = (s: TempServices) => {
  const heads = s.db.prepare('SELECT count(*) FROM export_renders').pluck().get() as number
  // A body never outlives its head, nor a head its body.
  expect(s.db.prepare('SELECT count(*) FROM export_render_bodies').pluck().get()).toBe(heads)
  return heads
}

async function library(s: TempServices) {
  const a = await importText(s, 'a.txt', 'Harbour talks resume\n\nPort operators met on Tuesday.\n\nA decision is due this month.')
  const b = await importText(s, 'b.txt', 'Ice season starts early\n\nInsurers raised premiums.\n\nShipping rates rose sharply.')
  const text = (id: string) => s.articles.get(id).text
  const at = (id: string, phrase: string) => [text(id).indexOf(phrase), text(id).indexOf(phrase) + phrase.length] as const
  const h1 = s.highlights.create(a, ...at(a, 'Port operators met')).id
  const h2 = s.highlights.create(b, ...at(b, 'Insurers raised')).id
  s.articles.setTags(a, ['baltic'])
  s.highlights.setTags(h2, ['insurance'])
  s.notes.save(h1, plainNoteState('Check the minutes.'))
  return { a, b, h1, h2, at }
}

type Lib = Awaited<ReturnType<typeof library>>

/** Everything an analyst can change that shows in an exported file. */
const EDITS: Record<string, (s: TempServices, l: Lib, n: number) => void> = {
  retitle: (s, l, n) => void s.articles.updateMetadata(l.a, { title: `Harbour talks, take ${n}` }),
  reauthor: (s, l, n) => void s.articles.updateMetadata(l.b, { author: `Reporter ${n}` }),
  tagArticle: (s, l, n) => void s.articles.setTags(l.b, [`topic-${n}`]),
  untagArticle: (s, l) => void s.articles.setTags(l.a, []),
  tagHighlight: (s, l, n) => void s.highlights.setTags(l.h1, [`claim-${n}`]),
  addHighlight: (s, l, n) => {
    // The same passage twice with the same label is refused (a duplicate), which changes nothing.
    const labels = s.labels.list()
    try {
      s.highlights.create(l.b, ...l.at(l.b, 'Shipping rates'), labels[n % labels.length]!.id)
    } catch (error) {
      if ((error as { code?: string }).code !== 'duplicate') throw error
    }
  },
  deleteHighlight: (s, l) => void s.highlights.delete(l.h2),
  restoreHighlight: (s, l) => void (s.db.prepare('SELECT deleted_at FROM highlights WHERE id = ?').pluck().get(l.h2) && s.highlights.restore(l.h2)),
  relabel: (s, l) => void s.highlights.setLabel(l.h1, s.labels.list().at(-1)!.id),
  renameLabel: (s, l, n) => {
    const label = s.db.prepare('SELECT label_id FROM highlights WHERE id = ?').pluck().get(l.h1) as string | null
    if (label) s.labels.update(label, { name: `Label ${n}` })
  },
  note: (s, l, n) => void s.notes.save(l.h2, plainNoteState(`Premiums up ${n}%.`)),
  richNote: (s, l) => void s.notes.save(l.h1, richNoteState()),
  notebook: (s, l, n) => void s.notes.saveNotebook(l.a, plainNoteState(`Assessment ${n}.`)),
  renameTag: (s, _l, n) => void s.db.prepare("UPDATE tags SET name = ? WHERE name = 'baltic' OR name LIKE 'baltic-%'").run(`baltic-${n}`),
  trash: (s, l) => void s.trash.deleteArticle(l.b),
  untrash: (s, l) => void (s.db.prepare('SELECT deleted_at FROM articles WHERE id = ?').pluck().get(l.b) && s.trash.restore('article', l.b))
}

describe('stored export renders (migration 014)', () => {
  it('writes exactly what a render from scratch writes, after any sequence of edits', async () => {
    let run = 0
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...Object.keys(EDITS)), fc.nat(99)), { minLength: 1, maxLength: 6 }), async (edits) => {
        const s = tempServices()
        try {
          const lib = await library(s)
          await exportFiles(s, `warm-${run}`)
          for (const [edit, n] of edits) {
            EDITS[edit]!(s, lib, n)
            storedRenders(s)
            const cached = await exportFiles(s, `cached-${run}`)
            s.db.exec('DELETE FROM export_renders')
            const fromScratch = await exportFiles(s, `scratch-${run++}`)
            expect(cached).toEqual(fromScratch)
          }
        } finally {
          s.close()
        }
      }),
      { numRuns: 25 }
    )
  }, 120_000)

  it('serves an unchanged article from its stored render, and only for the template it was made with', async () => {
    const s = tempServices()
    const { a } = await library(s)
    expect(storedRenders(s)).toBe(0)
    const first = await exportFiles(s, 'one')
    expect(storedRenders(s)).toBe(2)
    // A stored render is what gets written: plant a marker in one to see it come back.
    s.db.prepare('UPDATE export_renders SET sha256 = ? WHERE article_id = ?').run(sha256('planted'), a)
    s.db.prepare("UPDATE export_render_bodies SET body = CAST('planted' AS BLOB) WHERE article_id = ?").run(a)
    expect(Object.values(await exportFiles(s, 'two'))).toContain('planted')

    s.exporter.setTemplate('# {{title}}\n')
    const custom = await exportFiles(s, 'three')
    expect(Object.values(custom)).not.toContain('planted')
    expect(Object.values(custom).sort()).toEqual(['# Harbour talks resume\n', '# Ice season starts early\n'])
    // One stored render per article: the custom template's replaced it, so the default renders afresh.
    s.exporter.resetTemplate()
    expect(await exportFiles(s, 'four')).toEqual(first)
  })

  it('never keeps a render made before an edit that lands while its file is being written', async () => {
    const s = tempServices()
    const { a, b } = await library(s)
    // The analyst retitles an article while the export's writer is busy with that very batch.
    const busy: ExportWriter = {
      write: async (dir, files) => {
        s.articles.updateMetadata(a, { title: 'Retitled mid-export' })
        return inProcessWriter(s.db).write(dir, files)
      },
      close: async () => undefined
    }
    const renderer = { render: renderDefaultTemplate, fingerprint: 'test' }
    await exportMarkdown(s.db, () => '2026-01-01T00:00:00.000Z', join(s.dir, 'during'), [a, b], renderer, busy)
    const after = await exportMarkdown(s.db, () => '2026-01-01T00:00:00.000Z', join(s.dir, 'after'), [a, b], renderer, inProcessWriter(s.db))
    expect(after.files.sort()).toEqual(['Ice season starts early.md', 'Retitled mid-export.md'])
    expect(readFileSync(join(after.outDir, 'Retitled mid-export.md'), 'utf8')).toContain('# Retitled mid-export')
  })

  it('writes the edited article when an edit lands between naming a stored render and writing it', async () => {
    const s = tempServices()
    const { a, b } = await library(s)
    const renderer = { render: renderDefaultTemplate, fingerprint: 'test' }
    const at = () => '2026-01-01T00:00:00.000Z'
    await exportMarkdown(s.db, at, join(s.dir, 'first'), [a, b], renderer, inProcessWriter(s.db))
    // Both stored now, so the writer is sent no bytes, only which render to read; the edit drops one.
    let edits = 0
    const busy: ExportWriter = {
      write: async (dir, files) => {
        if (edits++ === 0) s.articles.updateMetadata(a, { title: 'Retitled mid-export' })
        return inProcessWriter(s.db).write(dir, files)
      },
      close: async () => undefined
    }
    const report = await exportMarkdown(s.db, at, join(s.dir, 'second'), [a, b], renderer, busy)
    expect(report).toMatchObject({ created: 2, conflicts: [] })
    // Named when the title was the old one, written with the new.
    expect(report.files.sort()).toEqual(['Harbour talks resume.md', 'Ice season starts early.md'])
    expect(readFileSync(join(report.outDir, 'Harbour talks resume.md'), 'utf8')).toContain('# Retitled mid-export')
    expect(edits).toBe(2)
  })

  it('still writes every file when the writer cannot read the stored renders', async () => {
    const s = tempServices()
    const { a, b } = await library(s)
    const renderer = { render: renderDefaultTemplate, fingerprint: 'test' }
    const at = () => '2026-01-01T00:00:00.000Z'
    const first = await exportMarkdown(s.db, at, join(s.dir, 'first'), [a, b], renderer, inProcessWriter(s.db))
    // As a worker whose connection cannot open (the library locked, say): every stored render is a miss.
    const locked: ExportWriter = {
      write: async (dir, files) =>
        writeBatch(dir, files, () => {
          throw new Error('SQLITE_BUSY: database is locked')
        }),
      close: async () => undefined
    }
    const second = await exportMarkdown(s.db, at, join(s.dir, 'second'), [a, b], renderer, locked)
    expect(second).toMatchObject({ created: 2, conflicts: [] })
    for (const name of first.files) {
      expect(readFileSync(join(second.outDir, name), 'utf8')).toBe(readFileSync(join(first.outDir, name), 'utf8'))
    }
  })

  it('changes its fingerprint when the renderer changes what it writes', async () => {
    // A fixed library rendered by this build. If this fails, the renderer now writes different bytes:
    // bump EXPORT_RENDERER_VERSION (so renders stored by older versions stop matching), then update both values here.
    const s = tempServices()
    const lib = await library(s)
    s.notes.save(lib.h2, richNoteState())
    s.notes.saveNotebook(lib.a, richNoteState())
    const files = await exportFiles(s, 'golden')
    const digest = sha256(JSON.stringify(Object.values(files).map((f) => f.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'ID').replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'TIME'))))
    expect({ version: EXPORT_RENDERER_VERSION, digest }).toEqual({ version: 4, digest: 'aa96de13f7cf219614cb22030e610c2ab7de7c0a0edf9206351b6135bdfd5401' })
  })
})
