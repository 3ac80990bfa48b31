import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importText, plainNoteState, tempServices } from '../../../../test/support/temp-services'
import { allTokens, readFootnotes, splitFrontMatter } from '../../../shared/markdown/markdown-parse'
import { footnoteRef, makeDocx, para } from '../import/test-documents'

const BRIEF = '# Grain brief\n\nExports rose by a third in March.\n\nInsurers disagree about the northern route.\n\nPort officials expect a convoy.\n'

function onlyFile(dir: string): string {
  const [name] = readdirSync(dir)
  return readFileSync(join(dir, name!), 'utf8')
}

const ids = (markdown: string) => markdown.match(/\^h-[0-9a-f-]{36}/g) ?? []

describe("export with the article's text (issue 15)", () => {
  it('writes the article under "## Article" with passages marked ==…== and each block id once, only when asked', async () => {
    const s = tempServices()
    const id = await importText(s, 'brief.md', BRIEF)
    const text = s.articles.get(id).text
    const first = s.highlights.create(id, text.indexOf('rose by a third'), text.indexOf('rose by a third') + 'rose by a third'.length)
    // Two in one paragraph: the paragraph carries the first one's id, the second keeps its own after its quote.
    const second = s.highlights.create(id, text.indexOf('northern'), text.indexOf('northern') + 'northern'.length)
    const third = s.highlights.create(id, text.indexOf('route'), text.indexOf('route') + 'route'.length)
    s.notes.save(first.id, plainNoteState('Check the ministry figures'))

    const plain = join(s.dir, 'plain')
    await s.exporter.markdown(plain)
    expect(onlyFile(plain)).not.toContain('## Article')
    expect(onlyFile(plain)).not.toContain('==')

    const vault = join(s.dir, 'vault')
    expect(await s.exporter.markdown(vault, { kind: 'all' }, { includeArticle: true })).toMatchObject({ created: 1 })
    const file = onlyFile(vault)
    const { body } = splitFrontMatter(file)
    expect(body).toMatch(/^## Article\n\nExports ==rose by a third== in March\. \^h-[0-9a-f-]{36}$/m)
    expect(body).toMatch(/^Insurers disagree about the ==northern== ==route==\. \^h-[0-9a-f-]{36}$/m)
    expect(body.indexOf('## Article')).toBeLessThan(body.indexOf('## Highlights'))
    // Every highlight's id is in the file exactly once.
    expect(ids(body).sort()).toEqual([first, second, third].map((h) => `^h-${h.id}`).sort())
    expect(body).toContain('> > Check the ministry figures')
    expect(allTokens(body).filter((t) => t.type.startsWith('html'))).toEqual([])

    // Both kinds of render are stored under their own fingerprint: the plain export is unchanged.
    expect(await s.exporter.markdown(plain)).toMatchObject({ unchanged: 1, updated: 0 })
    expect(await s.exporter.markdown(vault, { kind: 'all' }, { includeArticle: true })).toMatchObject({ unchanged: 1, updated: 0 })

    // The template editor's preview shows articleBody when the dialog's box is ticked.
    const template = '{{title}}\n\n{{articleBody}}'
    expect((await s.exporter.preview(template, id, true)).markdown).toContain('Exports ==rose by a third== in March.')
    expect((await s.exporter.preview(template, id)).markdown).toBe('Grain brief\n\n')
  })

  it('follows a change to the article text: a restored or removed block reaches the next export', async () => {
    const s = tempServices()
    const id = await importText(s, 'brief.md', BRIEF)
    const vault = join(s.dir, 'vault')
    await s.exporter.markdown(vault, { kind: 'all' }, { includeArticle: true })
    expect(onlyFile(vault)).toContain('Port officials expect a convoy.')
    const index = s.articles.get(id).document.blocks.findIndex((b) => b.text.startsWith('Port officials'))
    s.articles.setBlockRemoved(id, index, true)
    expect(await s.exporter.markdown(vault, { kind: 'all' }, { includeArticle: true })).toMatchObject({ updated: 1 })
    expect(onlyFile(vault)).not.toContain('Port officials')
  })
})

describe('imported footnotes reach the exported file as Markdown footnotes (issue 15, item 16)', () => {
  it('from a Markdown brief and a Word document: every reference resolves, every footnote is referenced', async () => {
    const s = tempServices()
    const brief = await importText(s, 'footnotes.md', 'Exports rose by a third.[^1] Insurers disagree.[^src]\n\n[^1]: Ministry figures.\n[^src]: Lloyd\'s list, *March*.\n')
    const text = s.articles.get(brief).text
    // A highlight ending inside a reference must not cut it in two.
    s.highlights.create(brief, text.indexOf('a third'), text.indexOf('[^1]') + 2)
    const docx = makeDocx({
      body:
        `<w:p><w:r><w:t xml:space="preserve">The pact was signed in March.</w:t></w:r>${footnoteRef(1)}<w:r><w:t xml:space="preserve"> Talks resume.</w:t></w:r>${footnoteRef(2)}</w:p>` +
        para('Ice is thinning.'),
      footnotes: ['Treaty text, article 4.', 'Port authority notice.']
    })
    expect((await s.articles.importFile('pact.docx', docx)).status).toBe('imported')

    const vault = join(s.dir, 'vault')
    await s.exporter.markdown(vault, { kind: 'all' }, { includeArticle: true })
    const files = readdirSync(vault).map((n) => readFileSync(join(vault, n), 'utf8'))
    const readings = files.map((f) => readFootnotes(splitFrontMatter(f).body))
    expect(readings.map((r) => ({ ...r, references: [...r.references].sort(), defined: [...r.defined].sort() })).sort((a, b) => a.defined[0]!.localeCompare(b.defined[0]!))).toEqual([
      { references: ['1', '2'], defined: ['1', '2'], dangling: [] },
      { references: ['1', 'src'], defined: ['1', 'src'], dangling: [] }
    ])
    const md = files.find((f) => f.includes('Ministry'))!
    expect(md).toMatch(/^\[\^src\]: Lloyd's list, March\.$/m)
    expect(md).toContain('==a third.[^1]==')
  })
})
