import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { allTokens, blockTypes, splitFrontMatter } from '../../shared/markdown/markdown-parse'
import Database from 'better-sqlite3'
import { migrate } from '../db/migrate'
import { MIGRATIONS } from '../db/migrations'
import { openDatabase } from '../db/open-database'
import { ExportRecords } from './export/export-records'
import { $getRoot } from 'lexical'
import { $createHighlightQuoteNode } from '../../shared/notes/nodes/HighlightQuoteNode'
import { importText, plainNoteState, richNoteState, serializeNote, tempDir, tempServices, type TempServices } from '../../../test/support/temp-services'

const PAGE = `<html><head>
  <meta property="og:title" content="Harbour pact talks resume">
  <meta name="author" content="Jane Roe">
  <meta property="og:site_name" content="The Daily Test">
  <meta property="article:published_time" content="2026-11-03">
  <link rel="canonical" href="https://news.example.com/pact">
</head><body>
  <p>Port operators met on Tuesday to discuss the #rota and [links](http://x).</p>
  <p>Critics say the *pact* favours &lt;b&gt;larger&lt;/b&gt; ports.</p>
  <p>A decision is due this month.</p>
</body></html>`

async function exportAll(s: TempServices, articleIds?: string[]) {
  const outDir = join(s.dir, 'vault', 'Dossier')
  const report = await s.exporter.markdown(outDir, articleIds)
  const read = (name: string) => readFileSync(join(report.outDir, name), 'utf8')
  return { ...report, read }
}

async function withFrontMatterTitle(s: TempServices, title: string, body: string): Promise<string> {
  return await importText(s, `${body.slice(0, 8)}.md`, `---\ntitle: ${JSON.stringify(title)}\n---\n${body}`)
}

function saveNotebook(s: TempServices, articleId: string, content: string): void {
  s.db
    .prepare(
      `INSERT INTO notebooks (article_id, content, plain_text, updated_at) VALUES (?, ?, '', '2026-01-01')
       ON CONFLICT (article_id) DO UPDATE SET content = excluded.content`
    )
    .run(articleId, content)
}

describe('Markdown export', () => {
  it('writes one file per article into the chosen folder, creating it', async () => {
    const s = tempServices()
    await importText(s, 'one.txt', 'First story\n\nBody one.')
    await importText(s, 'two.txt', 'Second story\n\nBody two.')
    const out = await exportAll(s)
    expect(out.outDir).toBe(resolve(s.dir, 'vault', 'Dossier'))
    expect(out.files.sort()).toEqual(['First story.md', 'Second story.md'])
    expect(readdirSync(out.outDir).sort()).toEqual(['First story.md', 'Second story.md'])
    expect(out).toMatchObject({ created: 2, updated: 0, unchanged: 0, conflicts: [] })
  })

  it('writes front matter that parses as YAML with every field the article has', async () => {
    const s = tempServices()
    const id = await importText(s, 'pact.html', PAGE)
    const tagged = await importText(s, 'tagged.md', '---\ntitle: "No: yes"\ntags: [baltic, "#1", north sea]\nauthor: "#hash"\n---\nA tagged article.')
    const out = await exportAll(s)
    const { meta } = splitFrontMatter(out.read('Harbour pact talks resume.md'))
    expect(meta).toEqual({
      title: 'Harbour pact talks resume',
      author: 'Jane Roe',
      source: 'The Daily Test',
      url: 'https://news.example.com/pact',
      published: '2026-11-03',
      imported: s.articles.get(id).importedAt,
      tags: [],
      dossier_id: id,
      dossier_url: `dossier://article/${id}`
    })
    const taggedMeta = splitFrontMatter(out.read('No yes.md')).meta
    expect(taggedMeta).toMatchObject({ title: 'No: yes', author: '#hash', tags: ['1', 'baltic', 'north-sea'], dossier_id: tagged })
    expect(taggedMeta).not.toHaveProperty('url')
  })

  it('lays out the title, the notebook and each highlight as a labelled blockquote in reading order, with its link, block id and note', async () => {
    const s = tempServices()
    const id = await importText(s, 'pact.html', PAGE)
    const text = s.articles.get(id).text
    const at = (phrase: string) => [text.indexOf(phrase), text.indexOf(phrase) + phrase.length] as const
    // Created out of order: the export must still follow the text.
    const third = s.highlights.create(id, ...at('A decision is due'))
    const first = s.highlights.create(id, ...at('Port operators met'))
    const second = s.highlights.create(id, ...at('Critics say the *pact*'))
    s.highlights.setLabel(second.id, null)
    s.notes.save(first.id, richNoteState())
    s.notes.save(third.id, plainNoteState('Follow up in December.'))
    saveNotebook(s, id, plainNoteState('My assessment: the pact holds.'))

    const { body } = splitFrontMatter((await exportAll(s)).read('Harbour pact talks resume.md'))
    expect(body.trimStart().split('\n')[0]).toBe('# Harbour pact talks resume')
    expect(body).toContain('Source: <https://news.example.com/pact>')
    const order = [
      'My assessment: the pact holds.',
      '## Highlights',
      '> **Key fact**\n>\n> Port operators met\n>\n',
      // The note is a quote inside the highlight's quote, before the block id, so it belongs to it.
      `> [Open in Dossier](dossier://highlight/${first.id})\n>\n> > `,
      '> > Compare with the **2024 figures** before quoting.',
      '> > - ask the port authority',
      '[the ice report](https://example.org/baltic-ice)',
      '> > > Nobody wants to be that port.',
      `\n\n^h-${first.id}\n`,
      '> Critics say the \\*pact\\*',
      `^h-${second.id}`,
      '> **Key fact**\n>\n> A decision is due',
      `> > Follow up in December.\n\n^h-${third.id}\n`
    ].map((needle) => {
      const index = body.indexOf(needle)
      expect(index, needle).toBeGreaterThan(-1)
      return index
    })
    expect(order).toEqual([...order].sort((a, b) => a - b))
    const headings = blockTypes(body).filter((t) => t.startsWith('heading_open'))
    expect(headings).toEqual(['heading_open:h1', 'heading_open:h2'])
    // Three highlights; the notes, and the quote inside one, are nested in them.
    expect(blockTypes(body).filter((t) => t === 'blockquote_open')).toHaveLength(3)
  })

  it('links a notebook quote to its highlight’s block only while that highlight is in the file', async () => {
    const s = tempServices()
    const id = await importText(s, 'pact.html', PAGE)
    const text = s.articles.get(id).text
    const at = (phrase: string) => [text.indexOf(phrase), text.indexOf(phrase) + phrase.length] as const
    const kept = s.highlights.create(id, ...at('Port operators met'))
    const gone = s.highlights.create(id, ...at('A decision is due'))
    const quote = (h: { id: string }, words: string) => $createHighlightQuoteNode({ highlightId: h.id, quote: words, label: 'Key fact', citation: 'Harbour pact' })
    s.notes.saveNotebook(id, serializeNote(() => $getRoot().clear().append(quote(kept, 'Port operators met'), quote(gone, 'A decision is due'))))
    s.highlights.delete(gone.id)
    const { body } = splitFrontMatter((await exportAll(s)).read('Harbour pact talks resume.md'))
    expect(body).toContain(`[passage](#^h-${kept.id})`)
    expect(body).toContain(`^h-${kept.id}`)
    // No link to a block that is not in the file; the quote keeps its words and its dossier:// link.
    expect(body).not.toContain(`h-${gone.id}`)
    expect(body).toContain('> A decision is due')
    expect(body).toContain(`[open in Dossier](dossier://highlight/${gone.id})`)
  })

  it('never exports a trashed article, nor a deleted highlight', async () => {
    const s = tempServices()
    const kept = await importText(s, 'kept.txt', 'Kept story\n\nStill here and highlighted.')
    const trashed = await importText(s, 'gone.txt', 'Trashed story\n\nIn the bin.')
    const gone = s.highlights.create(kept, 0, 4)
    s.highlights.delete(gone.id)
    s.db.prepare("UPDATE articles SET deleted_at = '2026-01-01' WHERE id = ?").run(trashed)
    const out = await exportAll(s)
    expect(out.files).toEqual(['Kept story.md'])
    expect(out.read('Kept story.md')).toContain('_No highlights yet._')
    await expect(s.exporter.markdown(join(s.dir, 'x'), [trashed])).rejects.toThrow(/in the Trash/)
    await expect(s.exporter.markdown(join(s.dir, 'y'), { kind: 'tag', tag: 'nothing' })).rejects.toThrow(/No article or highlight has the tag "nothing"/)
  })

  it('exports everything with a tag', async () => {
    const s = tempServices()
    const a = await importText(s, 'a.md', '---\ntitle: Alpha\ntags: [baltic]\n---\nFirst.')
    await importText(s, 'b.md', '---\ntitle: Beta\ntags: [arctic]\n---\nSecond.')
    const c = await importText(s, 'c.md', '---\ntitle: Gamma\ntags: [Baltic, arctic]\n---\nThird.')
    const report = await s.exporter.markdown(join(s.dir, 'baltic'), { kind: 'tag', tag: '#baltic' })
    expect(report.files).toEqual(['Alpha.md', 'Gamma.md'])
    expect(s.exporter.articleIds({ kind: 'tag', tag: 'baltic' })).toEqual([a, c])
    expect(s.exporter.tags()).toEqual([
      { name: 'arctic', articles: 2 },
      { name: 'baltic', articles: 2 }
    ])
  })

  it('emits no HTML, and no tags or links out of article text, whatever the article and notes hold', async () => {
    const s = tempServices()
    const id = await importText(s, 'pact.html', PAGE)
    const h = s.highlights.create(id, 0, s.articles.get(id).text.length)
    s.notes.save(h.id, plainNoteState('Typed <b>markup</b> & <!-- a comment --> in a note'))
    const hostile = await withFrontMatterTitle(s, '<img src=x onerror=alert(1)> #tag [x](y)', 'Hostile <script>alert(1)</script> body.')
    s.highlights.create(hostile, 0, 20)
    await importText(s, 'bad-url.md', '---\ntitle: Bad url\nurl: "x> <img src=x onerror=alert(1)>"\n---\nBody with a bad url.')

    const out = await exportAll(s)
    for (const name of out.files) {
      const { body } = splitFrontMatter(out.read(name))
      const tokens = allTokens(body)
      expect(tokens.filter((t) => t.type.startsWith('html')), name).toEqual([])
      const links = tokens.filter((t) => t.type === 'link_open').map((t) => t.attrGet('href'))
      for (const href of links) expect(href, name).toMatch(/^(https:\/\/news\.example\.com\/pact|dossier:\/\/highlight\/[0-9a-f-]{36})$/)
      // A bare # in the source would become an Obsidian tag, and [x](y) a link.
      const ours = /\[Open in Dossier\]\(dossier:\/\/highlight\/[0-9a-f-]{36}\)/g
      expect(body.replace(ours, '').replace(/\\[\s\S]/g, '').replace(/^#+ /gm, ''), name).not.toMatch(/#\w|\[[^\]]*\]\(/)
    }
  })

  it('gives hostile titles safe names inside the export folder', async () => {
    const s = tempServices()
    const titles = ['../../etc/passwd', 'CON', 'con.txt', 'a:b*c?', 'x'.repeat(300), '報告'.repeat(150), '🧊'.repeat(150), '...', 'trailing dot.']
    for (const [i, title] of titles.entries()) await withFrontMatterTitle(s, title, `Body number ${i}.`)
    const blank = await importText(s, 'blank.txt', 'Blank\n\nBody for the blank title.')
    // No importer yields an empty title; an older or hand-edited row might.
    s.db.prepare("UPDATE articles SET title = '' WHERE id = ?").run(blank)

    const out = await exportAll(s)
    expect(out.files).toHaveLength(titles.length + 1)
    expect(readdirSync(out.outDir).sort()).toEqual([...out.files].sort())
    expect(readdirSync(s.dir).sort()).toEqual(['library.sqlite', 'library.sqlite-shm', 'library.sqlite-wal', 'vault'])
    for (const name of out.files) {
      expect(dirname(resolve(out.outDir, name))).toBe(out.outDir)
      expect(name).toMatch(/\.md$/)
      // eslint-disable-next-line no-control-regex
      expect(name).not.toMatch(/[/\\:*?"<>|\u0000-\u001f]/)
      expect(name.startsWith('.')).toBe(false)
      // Linux and macOS allow 255 bytes per name; a conflict copy's temporary name is the longest we make.
      expect(Buffer.byteLength(`${name.slice(0, -3)}.dossier-conflict.md.4194304.tmp`), name).toBeLessThanOrEqual(255)
      expect(name.split('.')[0]!.trim()).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i)
    }
    expect(out.files).toContain('Untitled.md')
    expect(out.files).toContain('etc passwd.md')
  })

  it('never overwrites one article with another of the same title, nor a file it did not write', async () => {
    const s = tempServices()
    await withFrontMatterTitle(s, 'Weekly brief', 'First week.')
    await withFrontMatterTitle(s, 'Weekly brief', 'Second week.')
    await withFrontMatterTitle(s, 'weekly BRIEF', 'Third week.')
    await withFrontMatterTitle(s, 'Notes', 'Clashes with a file the analyst keeps.')
    const outDir = join(s.dir, 'vault', 'Dossier')
    await s.exporter.markdown(join(outDir, '..', 'elsewhere'))
    writeFileSync(join(s.dir, 'vault', 'keep.txt'), '')
    const { mkdirSync } = await import('node:fs')
    mkdirSync(outDir, { recursive: true })
    writeFileSync(join(outDir, 'Notes.md'), 'my own notes')
    const out = await exportAll(s)
    expect(out.files).toEqual(['Weekly brief.md', 'Weekly brief (2).md', 'weekly BRIEF (3).md', 'Notes (2).md'])
    expect(out.read('Notes.md')).toBe('my own notes')
    expect(new Set(out.files.map((f) => splitFrontMatter(out.read(f)).meta.dossier_id)).size).toBe(4)
  })
})

describe('re-export', () => {
  async function library() {
    const s = tempServices()
    const alpha = await importText(s, 'a.txt', 'Alpha\n\nFirst story about ports.')
    const beta = await importText(s, 'b.txt', 'Beta\n\nSecond story about ships.')
    return { s, alpha, beta }
  }

  it('rewrites files it wrote, keeps their names when titles change, and leaves identical files alone', async () => {
    const { s, alpha, beta } = await library()
    await exportAll(s)
    s.articles.updateMetadata(alpha, { title: 'Alpha, retitled' })
    s.highlights.create(beta, 0, 4)
    const again = await exportAll(s)
    expect(again).toMatchObject({ files: ['Alpha.md', 'Beta.md'], created: 0, updated: 2, unchanged: 0, conflicts: [] })
    expect(again.read('Alpha.md')).toContain('# Alpha, retitled')
    expect(again.read('Beta.md')).toMatch(/^\^h-/m)
    const third = await exportAll(s)
    expect(third).toMatchObject({ updated: 0, unchanged: 2, conflicts: [] })
    expect(readdirSync(third.outDir).sort()).toEqual(['Alpha.md', 'Beta.md'])
  })

  it('leaves a file the analyst edited untouched and writes the new version beside it, every time until resolved', async () => {
    const { s, alpha } = await library()
    const first = await exportAll(s)
    const edited = `${first.read('Alpha.md')}\nMy own paragraph.\n`
    writeFileSync(join(first.outDir, 'Alpha.md'), edited)
    s.highlights.create(alpha, 0, 5)

    const again = await exportAll(s)
    expect(again.read('Alpha.md')).toBe(edited)
    expect(again.conflicts).toEqual([{ articleId: alpha, title: 'Alpha', file: 'Alpha.md', conflictFile: 'Alpha.dossier-conflict.md' }])
    expect(again.read('Alpha.dossier-conflict.md')).toMatch(/^\^h-/m)
    expect(again).toMatchObject({ unchanged: 1, updated: 0 })

    expect((await exportAll(s)).conflicts).toHaveLength(1)
    expect(again.read('Alpha.md')).toBe(edited)
    // Deleting the edited file resolves it: the next export writes it afresh.
    rmSync(join(first.outDir, 'Alpha.md'))
    const resolved = await exportAll(s)
    expect(resolved.conflicts).toEqual([])
    expect(resolved.read('Alpha.md')).toBe(resolved.read('Alpha.dossier-conflict.md'))
  })

  it('recognises its own file when the record was lost, and still never overwrites it blindly', async () => {
    const { s } = await library()
    const first = await exportAll(s)
    const before = first.read('Alpha.md')
    s.db.prepare('DELETE FROM export_records').run()
    const again = await exportAll(s)
    // Same content: adopted as it is, under the same name, not "Alpha (2).md".
    expect(again).toMatchObject({ files: ['Alpha.md', 'Beta.md'], unchanged: 2, conflicts: [] })
    expect(again.read('Alpha.md')).toBe(before)
  })

  it('stops at a file it cannot write, naming it, and records the files that were written', async () => {
    const { s, beta } = await library()
    const outDir = (await exportAll(s)).outDir
    s.articles.updateMetadata(beta, { author: 'Ann Smith' })
    // A folder where Alpha's recorded file was: reading it fails.
    rmSync(join(outDir, 'Alpha.md'))
    mkdirSync(join(outDir, 'Alpha.md'))
    await expect(s.exporter.markdown(outDir)).rejects.toThrow(/^Could not write Alpha\.md in .*EISDIR/)
    expect(readFileSync(join(outDir, 'Beta.md'), 'utf8')).toContain('Ann Smith')
    const recorded = s.db.prepare("SELECT file_name, sha256 != '' AS hashed FROM export_records ORDER BY file_name").all()
    expect(recorded).toEqual([{ file_name: 'Alpha.md', hashed: 1 }, { file_name: 'Beta.md', hashed: 1 }])
    // Once the folder is gone, the next run writes Alpha's file again and leaves Beta's alone.
    rmSync(join(outDir, 'Alpha.md'), { recursive: true })
    expect(await exportAll(s)).toMatchObject({ created: 1, unchanged: 1, conflicts: [] })
  })

  it('keeps records per folder', async () => {
    const { s } = await library()
    await exportAll(s)
    const other = await s.exporter.markdown(join(s.dir, 'other'))
    expect(other).toMatchObject({ created: 2, conflicts: [] })
    const folders = s.db.prepare('SELECT DISTINCT f.path FROM export_records r JOIN export_folders f ON f.id = r.folder_id ORDER BY f.path').all()
    expect(folders).toEqual([{ path: join(s.dir, 'other') }, { path: join(s.dir, 'vault', 'Dossier') }])
  })

  it('forgets the records of articles deleted for good, in every folder, and only theirs', async () => {
    const { s, beta } = await library()
    await exportAll(s)
    await s.exporter.markdown(join(s.dir, 'other'))
    s.trash.deleteArticle(beta)
    const recorded = () => s.db.prepare('SELECT file_name FROM export_records ORDER BY file_name').pluck().all()
    // In the Trash it can come back, so its records stay.
    expect(recorded()).toEqual(['Alpha.md', 'Alpha.md', 'Beta.md', 'Beta.md'])
    s.trash.empty()
    expect(recorded()).toEqual(['Alpha.md', 'Alpha.md'])
  })

  it('keeps the records of a library exported before folders were numbered (migration 016)', () => {
    const path = join(tempDir(), 'old.sqlite')
    const old = new Database(path)
    migrate(old, MIGRATIONS.filter((m) => m.version <= 15), path)
    old.prepare("INSERT INTO articles (id, title, imported_at, original_name, original_type, original, text, content_hash) VALUES ('a1', 'Alpha', '2026-01-01', 'a.txt', 'text', x'00', 'Alpha', 'h1')").run()
    const record = old.prepare('INSERT INTO export_files (folder, article_id, file_name, sha256, exported_at) VALUES (?, ?, ?, ?, ?)')
    record.run('/vault/one', 'a1', 'Alpha.md', 'f'.repeat(64), '2026-01-02')
    record.run('/vault/two', 'a1', 'Alpha (2).md', 'e'.repeat(64), '2026-01-03')
    old.close()
    const db = openDatabase(path)
    try {
      expect(new ExportRecords(db).forFolder('/vault/two')).toEqual(new Map([['a1', { fileName: 'Alpha (2).md', sha256: 'e'.repeat(64) }]]))
      expect(new ExportRecords(db).forFolder('/vault/one').get('a1')?.fileName).toBe('Alpha.md')
    } finally {
      db.close()
    }
  })
})

describe('cached note Markdown (migration 012)', () => {
  it('stores the Markdown when a note is saved, and fills it in for notes saved before the cache', async () => {
    const s = tempServices()
    const id = await importText(s, 'a.txt', 'Alpha\n\nFirst story about ports.')
    const h = s.highlights.create(id, 0, 5)
    s.notes.save(h.id, plainNoteState('Cached **at** save'))
    expect(s.db.prepare('SELECT markdown FROM notes').get()).toEqual({ markdown: 'Cached \\*\\*at\\*\\* save' })

    // An older row, or content changed by code that does not render: the trigger clears the cache.
    s.db.prepare('UPDATE notes SET content = ? WHERE highlight_id = ?').run(plainNoteState('Changed elsewhere'), h.id)
    expect(s.db.prepare('SELECT markdown FROM notes').get()).toEqual({ markdown: null })
    saveNotebook(s, id, plainNoteState('Notebook from before'))
    const out = await exportAll(s)
    expect(out.read('Alpha.md')).toContain('Changed elsewhere')
    expect(out.read('Alpha.md')).toContain('Notebook from before')
    expect(s.db.prepare('SELECT markdown FROM notes').get()).toEqual({ markdown: 'Changed elsewhere' })
    expect(s.db.prepare('SELECT markdown FROM notebooks').get()).toEqual({ markdown: 'Notebook from before' })
    expect(s.notes.markdown(h.id)).toBe('Changed elsewhere')
    expect(s.notes.notebookMarkdown(id)).toBe('Notebook from before')
  })
})

describe('export through dispatch', () => {
  it('answers with a report, and not_found for an unknown article without writing anything', async () => {
    const s = tempServices()
    const a = await importText(s, 'a.txt', 'Alpha\n\nFirst.')
    const outDir = join(s.dir, 'via-dispatch')
    expect(await s.dispatch('export.markdown', { outDir, articleIds: [a] })).toEqual({
      ok: true,
      value: { outDir, files: ['Alpha.md'], created: 1, updated: 0, unchanged: 0, conflicts: [] }
    })
    const missing = await s.dispatch('export.markdown', { outDir: join(s.dir, 'none'), articleIds: ['00000000-0000-4000-8000-000000000000'] })
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(existsSync(join(s.dir, 'none'))).toBe(false)
  })

  it('runs as a job with progress, and reports conflicts at the end', async () => {
    const s = tempServices()
    for (let i = 0; i < 3; i++) await importText(s, `${i}.txt`, `Story ${i}\n\nBody ${i}.`)
    const outDir = join(s.dir, 'job')
    const started = await s.dispatch('export.start', { outDir, scope: { kind: 'all' } })
    expect(started).toMatchObject({ ok: true, value: { total: 3, finished: false } })
    const jobId = (started as { value: { jobId: string } }).value.jobId
    let status: unknown
    for (let i = 0; i < 100; i++) {
      status = await s.dispatch('export.status', { jobId })
      if ((status as { value: { finished: boolean } }).value.finished) break
      await new Promise((r) => setTimeout(r, 10))
    }
    expect(status).toMatchObject({ ok: true, value: { finished: true, done: 3, error: null, report: { created: 3, conflicts: [] } } })
  })

  it('saves a template that compiles, refuses one that does not with its line, and resets to the default', async () => {
    const s = tempServices()
    const a = await importText(s, 'a.txt', 'Alpha\n\nFirst.')
    const info = await s.dispatch('export.getTemplate', {})
    expect(info).toMatchObject({ ok: true, value: { isDefault: true } })
    const broken = await s.dispatch('export.setTemplate', { template: '# {{title}}\n{{#each highlights}}\n{{quote}\n' })
    expect(broken).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/^template: line 3:/) } })

    const template = '---\ndossier_id: {{yaml id}}\n---\n# {{title}} (custom)\n'
    expect(await s.dispatch('export.previewTemplate', { template, articleId: a })).toEqual({
      ok: true,
      value: { markdown: `---\ndossier_id: "${a}"\n---\n# Alpha (custom)\n` }
    })
    expect(await s.dispatch('export.setTemplate', { template })).toMatchObject({ ok: true, value: { template, isDefault: false } })
    expect((await exportAll(s)).read('Alpha.md')).toBe(`---\ndossier_id: "${a}"\n---\n# Alpha (custom)\n`)
    expect(await s.dispatch('export.resetTemplate', {})).toMatchObject({ ok: true, value: { isDefault: true } })
    expect((await exportAll(s)).read('Alpha.md')).toContain('## Highlights')
  })
})
