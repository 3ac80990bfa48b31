import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { importText, plainNoteState, richNoteState, tempServices, type TempServices } from './test-helpers'

/*
 * No CommonMark parser (markdown-it, remark, marked, micromark) is installed, so these tests check
 * the Markdown's structure line by line instead of through a parser's syntax tree.
 */

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

function splitExport(markdown: string): { meta: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?\n)---\n/.exec(markdown)
  if (!match) throw new Error(`no front matter in:\n${markdown}`)
  return { meta: parse(match[1]!) as Record<string, unknown>, body: markdown.slice(match[0].length) }
}

/**
 * HTML as CommonMark recognises it (open and closing tags, comments, processing instructions,
 * declarations, CDATA), looked for after removing backslash escapes, which make `\<b>` literal text.
 */
function htmlIn(markdown: string): string[] {
  const unescaped = markdown.replace(/\\[\s\S]/g, '')
  const html = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<!--|<\?|<![A-Za-z]|<!\[CDATA\[/g
  return unescaped.match(html) ?? []
}

function exportAll(s: TempServices, articleIds?: string[]) {
  const outDir = join(s.dir, 'vault', 'Dossier')
  const result = s.exporter.markdown(outDir, articleIds)
  const read = (name: string) => readFileSync(join(result.outDir, name), 'utf8')
  return { ...result, read }
}

async function withFrontMatterTitle(s: TempServices, title: string, body: string): Promise<string> {
  return await importText(s, `${body.slice(0, 8)}.md`, `---\ntitle: ${JSON.stringify(title)}\n---\n${body}`)
}

describe('Markdown export', () => {
  it('writes one file per article into the chosen folder, creating it', async () => {
    const s = tempServices()
    await importText(s, 'one.txt', 'First story\n\nBody one.')
    await importText(s, 'two.txt', 'Second story\n\nBody two.')
    const out = exportAll(s)
    expect(out.outDir).toBe(resolve(s.dir, 'vault', 'Dossier'))
    expect(out.files.sort()).toEqual(['First story.md', 'Second story.md'])
    expect(readdirSync(out.outDir).sort()).toEqual(['First story.md', 'Second story.md'])
  })

  it('writes front matter that parses as YAML with every field the article has', async () => {
    const s = tempServices()
    const id = await importText(s, 'pact.html', PAGE)
    const tagged = await importText(
      s,
      'tagged.md',
      '---\ntitle: "No: yes"\ntags: [baltic, "#1"]\nauthor: "#hash"\n---\nA tagged article.'
    )
    const out = exportAll(s)
    const article = s.articles.get(id)
    const { meta } = splitExport(out.read('Harbour pact talks resume.md'))
    expect(meta).toEqual({
      title: 'Harbour pact talks resume',
      author: 'Jane Roe',
      source: 'The Daily Test',
      url: 'https://news.example.com/pact',
      published: '2026-11-03',
      imported: article.importedAt,
      tags: [],
      dossier_id: id
    })
    const taggedMeta = splitExport(out.read('No yes.md')).meta
    expect(taggedMeta).toMatchObject({ title: 'No: yes', author: '#hash', tags: ['1', 'baltic'], dossier_id: tagged })
    expect(taggedMeta).not.toHaveProperty('url')
  })

  it('puts the title as a heading and each highlight as a blockquote in reading order, each followed by its note', async () => {
    const s = tempServices()
    const id = await importText(s, 'pact.html', PAGE)
    const text = s.articles.get(id).text
    const at = (phrase: string) => [text.indexOf(phrase), text.indexOf(phrase) + phrase.length] as const
    // Created out of order: the export must still follow the text.
    const third = s.highlights.create(id, ...at('A decision is due'))
    const first = s.highlights.create(id, ...at('Port operators met'))
    const second = s.highlights.create(id, ...at('Critics say the *pact*'))
    s.notes.save(first.id, richNoteState())
    s.notes.save(third.id, plainNoteState('Follow up in December.'))
    void second

    const { body } = splitExport(exportAll(s).read('Harbour pact talks resume.md'))
    expect(body.trimStart().split('\n')[0]).toBe('# Harbour pact talks resume')
    expect(body).toContain('Source: <https://news.example.com/pact>')

    const order = [
      '> Port operators met',
      'Compare with the **2024 figures** before quoting.',
      '- ask the port authority',
      '- check insurer premiums',
      '[the ice report](https://example.org/baltic-ice)',
      '> Nobody wants to be that port.',
      '> Critics say the \\*pact\\*',
      '> A decision is due',
      'Follow up in December.'
    ].map((needle) => {
      const index = body.indexOf(needle)
      expect(index, needle).toBeGreaterThan(-1)
      return index
    })
    expect(order).toEqual([...order].sort((a, b) => a - b))
  })

  it('says so when an article has no highlights yet', async () => {
    const s = tempServices()
    await importText(s, 'bare.txt', 'Bare\n\nNothing marked.')
    expect(exportAll(s).read('Bare.md')).toContain('_No highlights yet._')
  })

  it('emits no HTML, and no tags or links out of article text, whatever the article and notes hold', async () => {
    const s = tempServices()
    const id = await importText(s, 'pact.html', PAGE)
    const text = s.articles.get(id).text
    const h = s.highlights.create(id, 0, text.length)
    s.notes.save(h.id, plainNoteState('Typed <b>markup</b> & <!-- a comment --> in a note'))
    const hostile = await withFrontMatterTitle(s, '<img src=x onerror=alert(1)> #tag [x](y)', 'Hostile <script>alert(1)</script> body.')
    s.highlights.create(hostile, 0, 20)
    await importText(s, 'bad-url.md', '---\ntitle: Bad url\nurl: "x> <img src=x onerror=alert(1)>"\n---\nBody with a bad url.')

    const out = exportAll(s)
    for (const name of out.files) {
      const markdown = out.read(name)
      // Front matter is YAML data, quoted, never rendered as Markdown: the title there stays verbatim.
      const { body } = splitExport(markdown)
      expect(htmlIn(body), name).toEqual([])
      // A bare # or [ in the body would become an Obsidian tag or a link.
      expect(body.replace(/\\[\s\S]/g, '').replace(/^#+ /gm, '')).not.toMatch(/#\w|\[[^\]]*\]\(/)
    }
  })

  it('gives hostile titles safe names inside the export folder', async () => {
    const s = tempServices()
    const titles = [
      '../../etc/passwd',
      'CON',
      'con.txt',
      'a:b*c?',
      'x'.repeat(300),
      '報告'.repeat(150),
      '🧊'.repeat(150),
      '...',
      'trailing dot.'
    ]
    for (const [i, title] of titles.entries()) await withFrontMatterTitle(s, title, `Body number ${i}.`)
    const blank = await importText(s, 'blank.txt', 'Blank\n\nBody for the blank title.')
    // No importer yields an empty title; an older or hand-edited row might.
    s.db.prepare("UPDATE articles SET title = '' WHERE id = ?").run(blank)

    const out = exportAll(s)
    expect(out.files).toHaveLength(titles.length + 1)
    expect(readdirSync(out.outDir).sort()).toEqual([...out.files].sort())
    expect(readdirSync(s.dir).sort()).toEqual(['library.sqlite', 'library.sqlite-shm', 'library.sqlite-wal', 'vault'])
    for (const name of out.files) {
      expect(dirname(resolve(out.outDir, name))).toBe(out.outDir)
      expect(name).toMatch(/\.md$/)
      // eslint-disable-next-line no-control-regex
      expect(name).not.toMatch(/[/\\:*?"<>|\u0000-\u001f]/)
      expect(name.startsWith('.')).toBe(false)
      // Linux and macOS allow 255 bytes per name; the temporary name adds ".<pid>.tmp".
      expect(Buffer.byteLength(`${name}.4194304.tmp`), name).toBeLessThanOrEqual(255)
      expect(name.split('.')[0]!.trim()).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i)
    }
    expect(out.files).toContain('Untitled.md')
    expect(out.files).toContain('etc passwd.md')
  })

  it('never overwrites one article with another of the same title', async () => {
    const s = tempServices()
    await withFrontMatterTitle(s, 'Weekly brief', 'First week.')
    await withFrontMatterTitle(s, 'Weekly brief', 'Second week.')
    await withFrontMatterTitle(s, 'weekly BRIEF', 'Third week.')
    const out = exportAll(s)
    expect(new Set(out.files.map((f) => f.toLowerCase())).size).toBe(3)
    const bodies = out.files.map((f) => out.read(f))
    expect(bodies.filter((b) => b.includes('dossier_id')).length).toBe(3)
    expect(new Set(bodies.map((b) => splitExport(b).meta.dossier_id)).size).toBe(3)
  })

  it('exports only the articles asked for, and re-exports over its own files without leftovers', async () => {
    const s = tempServices()
    const a = await importText(s, 'a.txt', 'Alpha\n\nFirst.')
    await importText(s, 'b.txt', 'Beta\n\nSecond.')
    const out = exportAll(s, [a])
    expect(out.files).toEqual(['Alpha.md'])
    writeFileSync(join(out.outDir, 'Alpha.md'), 'stale')
    const again = exportAll(s, [a])
    expect(again.read('Alpha.md')).toContain('# Alpha')
    expect(readdirSync(again.outDir)).toEqual(['Alpha.md'])
  })

  it('answers through dispatch, and not_found for an unknown article', async () => {
    const s = tempServices()
    const a = await importText(s, 'a.txt', 'Alpha\n\nFirst.')
    const outDir = join(s.dir, 'via-dispatch')
    expect(await s.dispatch('export.markdown', { outDir, articleIds: [a] })).toEqual({
      ok: true,
      value: { outDir, files: ['Alpha.md'] }
    })
    const missing = await s.dispatch('export.markdown', { outDir, articleIds: ['00000000-0000-4000-8000-000000000000'] })
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(existsSync(join(outDir, 'Untitled.md'))).toBe(false)
  })
})
