/**
 * The hostile-content corpus through every way text enters Dossier, at the service level: import
 * of HTML, Markdown, text, PDF, Word and EPUB files, paste, metadata, tags, labels, notes, notebooks, search, and
 * Markdown export followed by re-import, and W3C annotation JSON export followed by import. Stored documents may hold only text, structure and
 * http(s)/mailto links; exported Markdown, rendered as Obsidian or GitHub would (raw HTML on),
 * may hold no element, attribute or URL that runs or loads anything.
 */
import { createHeadlessEditor } from '@lexical/headless'
import { $createLinkNode } from '@lexical/link'
import { JSDOM } from 'jsdom'
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical'
import MarkdownIt from 'markdown-it'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import type { Article } from '../../shared/domain-types'
import { NOTE_NODES } from '../../shared/notes/note-nodes'
import { HOSTILE_CSL, MARKUP_AFFIX_CSL } from '../../../test/support/hostile-csl'
import { HOSTILE_SHAPES } from '../../../test/support/hostile-shapes'
import { notebookState } from '../../shared/brief/test-notebook'
import { EVIL_HOST, HOSTILE_HTML, HOSTILE_SHORT, HOSTILE_TEMPLATES, hostileMarkdown, hostilePage, hostileText, SENTINEL } from '../../../test/support/hostile-corpus'
import { tempServices, utf8, type TempServices } from '../../../test/support/temp-services'
import { fontMatrixPdf, hostilePdf, makeDocx, makeEpub, para } from './import/test-documents'

function binary(name: string, bytes: Uint8Array) {
  return { name, dataBase64: Buffer.from(bytes).toString('base64') }
}

type Ok<T> = { ok: true; value: T }
type Failed = { ok: false; error: { code: string; message: string } }

async function call<T>(services: TempServices, channel: string, input: unknown): Promise<Ok<T> | Failed> {
  return (await services.dispatch(channel, input)) as Ok<T> | Failed
}

async function must<T>(services: TempServices, channel: string, input: unknown): Promise<T> {
  const result = await call<T>(services, channel, input)
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`)
  return result.value
}

const SAFE_LINK = /^(?:https?:\/\/|mailto:)/i

/** What a stored article may hold: text, structure, and links only to the web or to mail. */
function expectInertArticle(article: Article): void {
  for (const block of article.document.blocks) {
    expect(typeof block.text).toBe('string')
    for (const mark of block.marks ?? []) {
      if (mark.type === 'link') expect(mark.href, `link in "${block.text.slice(0, 60)}"`).toMatch(SAFE_LINK)
      else expect(mark.href).toBeUndefined()
    }
  }
  if (article.url !== null) expect(article.url).toMatch(/^https?:\/\//)
}

// Markdown as the analyst's other tools render it: raw HTML passed through, bare links linked.
const renderer = new MarkdownIt({ html: true, linkify: true })
const ALLOWED_ELEMENTS = new Set([
  'html', 'head', 'body', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'em', 'strong', 'code', 'pre',
  'a', 'hr', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 's', 'del'
])

/**
 * Every element, attribute or URL in rendered Markdown that could run code or load anything.
 * Front matter is YAML to Obsidian, GitHub and Pandoc, never rendered as Markdown: it must parse
 * to plain strings, and the rest is rendered.
 */
function activeMarkup(markdown: string): string[] {
  const frontMatter = /^---\n([\s\S]*?)\n---\n/.exec(markdown)
  const found: string[] = []
  if (frontMatter) {
    const data = parseYaml(frontMatter[1]!) as Record<string, unknown>
    for (const [key, value] of Object.entries(data)) {
      const values = Array.isArray(value) ? value : [value]
      if (!values.every((v) => typeof v === 'string' || v === null)) found.push(`front matter ${key} is not text`)
    }
  }
  const html = renderer.render(frontMatter ? markdown.slice(frontMatter[0].length) : markdown)
  const { document } = new JSDOM(`<!doctype html><body>${html}</body>`).window
  for (const el of Array.from(document.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase()
    if (!ALLOWED_ELEMENTS.has(tag)) found.push(`<${tag}>`)
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase()
      if (name.startsWith('on') || name === 'style' || name === 'src' || name === 'srcset' || name === 'action' || name === 'formaction') {
        found.push(`<${tag} ${name}>`)
      }
      if (name === 'href' && !SAFE_LINK.test(attr.value) && !attr.value.startsWith('dossier://') && !attr.value.startsWith('#')) {
        found.push(`<${tag} href="${attr.value.slice(0, 60)}">`)
      }
    }
  }
  return found
}

function noteWith(text: string, linkUrl?: string): string {
  const editor = createHeadlessEditor({ namespace: 'hostile', nodes: [...NOTE_NODES], onError: (e) => { throw e } })
  editor.update(
    () => {
      const paragraph = $createParagraphNode().append($createTextNode(text))
      if (linkUrl) paragraph.append($createLinkNode(linkUrl).append($createTextNode(' the link')))
      $getRoot().clear().append(paragraph)
    },
    { discrete: true }
  )
  return JSON.stringify(editor.getEditorState().toJSON())
}

const file = (name: string, text: string, wholeText?: boolean) => ({ name, dataBase64: Buffer.from(text, 'utf8').toString('base64'), ...(wholeText ? { wholeText } : {}) })

async function allArticles(services: TempServices): Promise<Article[]> {
  const list = await must<{ items: { id: string }[] }>(services, 'library.list', { limit: 500 })
  return Promise.all(list.items.map((a) => must<Article>(services, 'article.get', { id: a.id })))
}

/** Exports every article and checks each file as another Markdown tool would render it. */
async function exportInert(services: TempServices, outDir: string): Promise<string[]> {
  const { files } = await must<{ files: string[] }>(services, 'export.markdown', { outDir })
  expect(files.length).toBeGreaterThan(0)
  const texts = files.map((name) => readFileSync(join(outDir, name), 'utf8'))
  for (const [i, text] of texts.entries()) {
    expect(activeMarkup(text), files[i]).toEqual([])
    expect(text.replace(/^---\n[\s\S]*?\n---\n/, '')).not.toContain(`](javascript:`)
  }
  return texts
}

// Minutes of work (about 225 s on a loaded CI machine): part of `npm run stress`
// (scripts/stress-hostile-shapes.mjs), not of `npm test`.
describe.runIf(process.env.DOSSIER_STRESS === '1')('hostile shapes: files built to make import do too much work', () => {
  // Each shape is a few megabytes at most; what is proved is that it ends (imported, or refused
  // with a reason naming it) and never takes the files after it down. Speed is the import-hostile
  // benchmark's business. The generous timeout only keeps a regression from hanging the suite.
  it('imports each shape or refuses it with a reason naming the file, and the file after each still imports', { timeout: 1_800_000 }, async () => {
    const services = tempServices()
    const files = HOSTILE_SHAPES.flatMap((shape, i) => [
      { name: shape.name, bytes: utf8(shape.make()) },
      { name: `after-${i}.txt`, bytes: utf8(`Ordinary file ${i}\n\nThe ordinary file number ${i} follows a hostile one and is imported all the same.`) }
    ])
    const results = await services.articles.importMany(files)
    expect(results).toHaveLength(files.length)
    HOSTILE_SHAPES.forEach((shape, i) => {
      const result = results[2 * i]!
      if (result.status === 'rejected') expect(result.message).toMatch(new RegExp(`^${shape.name.replace(/\./g, '\\.')}: `))
      else {
        // Shapes that flatten to the same story are one article to the library.
        expect(['imported', 'duplicate'], `${shape.name}: ${result.message}`).toContain(result.status)
        const text = services.articles.get(result.articleId!).text.replace(/\s+/g, ' ')
        for (const sentence of shape.keeps) expect(text, shape.name).toContain(sentence)
      }
      expect(results[2 * i + 1]!.status, `the file after ${shape.name}`).toBe('imported')
    })
  })
})

describe('the hostile corpus, at the service level', () => {
  it('imports HTML, Markdown and text files and pastes with nothing active stored', async () => {
    const services = tempServices()
    const imported = await must<{ results: { status: string; name: string; message: string | null }[] }>(services, 'article.importFiles', {
      files: [
        file('hostile.html', hostilePage()),
        file('hostile-whole.html', hostilePage(HOSTILE_HTML.slice().reverse()), true),
        file('hostile.md', hostileMarkdown()),
        file('hostile.txt', hostileText())
      ]
    })
    expect(imported.results.map((r) => r.status), JSON.stringify(imported.results)).toEqual(['imported', 'imported', 'imported', 'imported'])
    // Pasted into a library of its own: a paste that resembles an imported file counts as a duplicate.
    const pasted = tempServices()
    expect((await must<{ status: string }>(pasted, 'article.importPaste', { text: hostilePage(HOSTILE_HTML, 'Pasted hostile brief') })).status).toBe('imported')
    expect((await must<{ status: string }>(pasted, 'article.importPaste', { text: hostileText() })).status).toBe('imported')

    const articles = [...(await allArticles(services)), ...(await allArticles(pasted))]
    expect(articles).toHaveLength(6)
    for (const article of articles) expectInertArticle(article)
    // HTML went through the sanitizer: no handler, script body or remote host survives as text either.
    const fromHtml = articles.filter((a) => a.title.endsWith('Hostile brief') || a.title.endsWith('hostile brief'))
    expect(fromHtml.length).toBeGreaterThanOrEqual(3)
    for (const article of fromHtml) {
      const text = article.document.blocks.map((b) => b.text).join('\n')
      expect(text).toContain('Paragraph 1 of the hostile brief')
      expect(text).not.toMatch(/onerror=|onload=|<script/i)
      expect(text).not.toContain(EVIL_HOST)
    }
  })

  it('captures from the browser with nothing active stored: the corpus, scripts in attributes, a DOM rewritten at capture time', async () => {
    const services = tempServices()
    const pairing = services.capture.pair(services.capture.startPairing().code, 'Hostile test browser', 'chrome-extension://abcdefghijklmnopabcdefghijklmnop')
    const who = services.capture.authenticate(pairing.key, 'chrome-extension://abcdefghijklmnopabcdefghijklmnop')!
    // What the extension reads after a page rewrote itself when it saw the capture coming: its
    // serialized DOM full of handlers, javascript: links, a base pointing elsewhere and a form
    // aimed at the capture endpoint itself.
    const rewritten = hostilePage(HOSTILE_HTML, 'Captured hostile brief').replace(
      '<body>',
      `<body onload="${SENTINEL}=1" onfocus="${SENTINEL}=1"><base href="https://${EVIL_HOST}/"><form action="http://127.0.0.1:28451/capture/v1/page" method="post"><input name="html" value="x"></form><div onmouseover="${SENTINEL}=1" style="background:url(https://${EVIL_HOST}/x.png)"><a href="javascript:${SENTINEL}=1">a rewritten link</a></div><p>This paragraph was written into the page by its own script at the moment of capture.</p>`
    )
    const results = []
    for (const [i, html] of [hostilePage(HOSTILE_HTML, 'Captured hostile page'), rewritten].entries()) {
      results.push(
        await services.capture.capture(
          { html, url: `https://news.example/hostile-${i}`, title: `<img src=x onerror=${SENTINEL}=1>`, capturedAt: '2026-12-06T10:00:00.000Z', userAgent: `<script>${SENTINEL}=1</script>`, selection: null, caseId: null, tags: [] },
          who,
          () => null
        )
      )
    }
    expect(results.map((r) => r.status), JSON.stringify(results)).toEqual(['imported', 'imported'])
    for (const r of results) {
      const article = services.articles.get(r.articleId!)
      expectInertArticle(article)
      const text = article.document.blocks.map((b) => b.text).join('\n')
      expect(text).toContain('Paragraph 1 of the hostile brief')
      expect(text).not.toMatch(/onerror=|onload=|onmouseover=|<script/i)
      expect(text).not.toContain(EVIL_HOST)
      expect(article.url).toBe(r === results[0] ? 'https://news.example/hostile-0' : 'https://news.example/hostile-1')
    }
  })

  it('imports hostile PDFs, Word files and EPUB books as text only: no action, script, link target or remote load runs', async () => {
    const services = tempServices()
    const fetches: unknown[] = []
    const realFetch = globalThis.fetch
    globalThis.fetch = ((...args: unknown[]) => {
      fetches.push(args[0])
      return Promise.reject(new Error('no network in import'))
    }) as typeof fetch
    try {
      const epubBody = `<h1>Hostile chapter</h1><p>Chapter text of the hostile book.</p>${HOSTILE_HTML.map((h) => h.html).join('\n')}`
      const docxBody = para('Memo body of the hostile memo.') + `<w:p><w:hyperlink r:id="rIdEvil"><w:r><w:t>click</w:t></w:r></w:hyperlink></w:p>`
      const imported = await must<{ results: { status: string; name: string; message: string | null }[] }>(services, 'article.importFiles', {
        files: [
          binary('hostile.pdf', await hostilePdf()),
          binary('font-matrix.pdf', fontMatrixPdf()),
          binary(
            'hostile.docx',
            makeDocx({
              body: docxBody,
              rels: [
                '<Relationship Id="rIdEvil" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="javascript:alert(1)" TargetMode="External"/>'
              ]
            })
          ),
          binary('hostile.epub', makeEpub({ title: 'Hostile book', chapters: [{ file: 'c1.xhtml', body: epubBody }] }))
        ]
      })
      const byName = Object.fromEntries(imported.results.map((r) => [r.name, r]))
      expect(byName['hostile.pdf']!.status, JSON.stringify(byName['hostile.pdf'])).toBe('imported')
      expect(byName['hostile.docx']!.status, JSON.stringify(byName['hostile.docx'])).toBe('imported')
      expect(byName['hostile.epub']!.status, JSON.stringify(byName['hostile.epub'])).toBe('imported')
      // The font-matrix payload is either read as text or refused with a reason naming the file: never run.
      if (byName['font-matrix.pdf']!.status === 'rejected') expect(byName['font-matrix.pdf']!.message).toMatch(/^font-matrix\.pdf: /)
      const articles = await allArticles(services)
      for (const article of articles) {
        expectInertArticle(article)
        const text = article.document.blocks.map((b) => b.text).join('\n')
        expect(text).not.toMatch(/app\.alert|exportDataObject|launchURL|\/bin\/sh|cmd\.exe|payload\.sh|<script/i)
        expect(text).not.toContain(EVIL_HOST)
      }
      expect(fetches).toEqual([])
      expect((globalThis as Record<string, unknown>)[SENTINEL]).toBeUndefined()
    } finally {
      globalThis.fetch = realFetch
    }
  })

  it('keeps hostile metadata, tags, labels and notes as text, and refuses what the contract forbids', async () => {
    const services = tempServices()
    const sample = await must<{ articleId: string }>(services, 'article.importSample', {})
    const articleId = sample.articleId
    const highlight = await must<{ id: string }>(services, 'highlight.create', { articleId, start: 0, end: 10 })

    for (const payload of HOSTILE_SHORT) {
      const title = await must<Article>(services, 'article.updateMetadata', { id: articleId, patch: { title: payload, author: payload, source: payload } })
      expect(title.title).toBe(payload.trim())
      expectInertArticle(title)
      // A source URL must be a web address; anything else is refused by name.
      const url = await call(services, 'article.updateMetadata', { id: articleId, patch: { url: payload } })
      if (url.ok) expectInertArticle(url.value as Article)
      else expect(url.error).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('url') })

      for (const channel of ['article.setTags', 'highlight.setTags']) {
        const tagged = await call(services, channel, { id: channel === 'article.setTags' ? articleId : highlight.id, tags: [payload] })
        // Tags are words without commas or runs of spaces: some payloads are refused, the rest kept verbatim.
        if (!tagged.ok) expect(tagged.error.code).toBe('invalid_input')
        else expect((tagged.value as { tags: string[] }).tags).toEqual([payload.trim().replace(/^#+/, '').trim()])
      }

      const label = await call<{ id: string; name: string }>(services, 'label.create', { name: payload, color: 'yellow' })
      if (!label.ok) expect(label.error.code).toBe('invalid_input')
      else expect(label.value.name).toBe(payload.trim())

      const search = await call<{ groups?: unknown[] }>(services, 'search.query', { query: payload })
      // A query is data: it finds or it explains, it never fails with a stack trace or an internal error.
      if (!search.ok) expect(search.error.code).toBe('invalid_input')
    }

    for (const [i, payload] of [...HOSTILE_SHORT, ...HOSTILE_HTML.map((p) => p.html)].entries()) {
      const saved = await must<{ content: string }>(services, 'note.save', { highlightId: highlight.id, content: noteWith(payload, i % 3 === 0 ? `javascript:${SENTINEL}=1` : undefined) })
      expect(saved.content).toContain('paragraph')
    }
    await must(services, 'notebook.save', { articleId, content: noteWith(HOSTILE_SHORT.join(' ')) })

    const texts = await exportInert(services, join(services.dir, 'export'))
    // The note's words survive as text: the analyst wrote them.
    expect(texts.join('\n')).toContain('onerror')
  })

  it('exports hostile articles as inert Markdown, and re-importing that Markdown stays inert', async () => {
    const services = tempServices()
    await must(services, 'article.importFiles', { files: [file('hostile.html', hostilePage()), file('hostile.md', hostileMarkdown()), file('hostile.txt', hostileText())] })
    for (const article of await allArticles(services)) {
      const highlight = await must<{ id: string }>(services, 'highlight.create', { articleId: article.id, start: 0, end: Math.min(12, article.text.length) })
      await must(services, 'note.save', { highlightId: highlight.id, content: noteWith(HOSTILE_SHORT[0]!, `javascript:${SENTINEL}=1`) })
    }
    const outDir = join(services.dir, 'first-export')
    const texts = await exportInert(services, outDir)

    const again = tempServices()
    const reimported = await must<{ results: { status: string }[] }>(again, 'article.importFiles', {
      files: texts.map((text, i) => file(`round-trip-${i}.md`, text))
    })
    expect(reimported.results.every((r) => r.status === 'imported'), JSON.stringify(reimported.results)).toBe(true)
    for (const article of await allArticles(again)) expectInertArticle(article)
    await exportInert(again, join(again.dir, 'second-export'))
  })

  it('exports hostile notes as W3C annotation JSON, and importing that JSON into another library stays inert', async () => {
    // Front matter gives the article a source URL, which is how annotations find their article.
    const page = `---\nurl: https://example.org/hostile-brief\n---\n${hostileMarkdown()}`
    const a = tempServices()
    await must(a, 'article.importFiles', { files: [file('hostile.md', page)] })
    const [article] = await allArticles(a)
    const highlight = await must<{ id: string }>(a, 'highlight.create', { articleId: article!.id, start: 0, end: Math.min(20, article!.text.length) })
    await must(a, 'note.save', { highlightId: highlight.id, content: noteWith(HOSTILE_SHORT.join(' '), `javascript:${SENTINEL}=1`) })
    const { file: jsonFile } = a.exporter.annotations(join(a.dir, 'json'))
    const json = readFileSync(jsonFile, 'utf8')
    expect(() => JSON.parse(json)).not.toThrow()

    const b = tempServices()
    await must(b, 'article.importFiles', { files: [file('hostile.md', page)] })
    expect(await b.annotationImport(json, jsonFile)).toMatchObject({ imported: 1, skipped: [] })
    const [again] = await allArticles(b)
    const [placed] = b.highlights.list(again!.id)
    // The analyst's words come across as text; the javascript: link does not come across live.
    expect(b.notes.markdown(placed!.id)).toContain('onerror')
    expect(b.notes.markdown(placed!.id)).not.toContain('](javascript:')
    await exportInert(b, join(b.dir, 'markdown'))
  })

  it('runs no code from a hostile export template and leaves no prototype polluted', async () => {
    const services = tempServices()
    const { articleId } = await must<{ articleId: string }>(services, 'article.importSample', {})
    await must(services, 'article.updateMetadata', { id: articleId, patch: { title: HOSTILE_SHORT[0]! } })
    for (const { id, template } of HOSTILE_TEMPLATES) {
      for (const channel of ['export.previewTemplate', 'export.setTemplate']) {
        const result = await call<{ markdown?: string }>(services, channel, channel === 'export.previewTemplate' ? { template, articleId } : { template })
        // Refused with a reason, or rendered as text: never an internal error, never code run.
        if (!result.ok) expect(result.error.code, `${id} via ${channel}: ${result.error.message}`).toBe('invalid_input')
        expect((globalThis as Record<string, unknown>)[SENTINEL], id).toBeUndefined()
        expect(({} as Record<string, unknown>).polluted, id).toBeUndefined()
        expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted')
      }
    }
    await must(services, 'export.resetTemplate', {})
    await exportInert(services, join(services.dir, 'after-templates'))
  })

  it('refuses hostile CSL styles by name and keeps the style; a style with markup in its affixes exports an inert brief', async () => {
    const services = tempServices()
    const { articleId } = await must<{ articleId: string }>(services, 'article.importSample', {})
    const h = services.highlights.create(articleId, 0, 20)
    const c = services.cases.create('Hostile styles')
    services.cases.addArticles(c.id, [articleId])
    services.cases.saveNotebook(c.id, notebookState([{ quote: { highlightId: h.id, quote: h.exact, label: '', citation: '' } }, { paragraph: 'Said next to its quote.' }]))
    for (const { id, xml } of HOSTILE_CSL) {
      const result = await call(services, 'brief.setStyle', { file: { name: 'evil.csl', xml } })
      expect(result.ok, id).toBe(false)
      if (!result.ok) {
        expect(['invalid_input', 'too_large'], `${id}: ${result.error.message}`).toContain(result.error.code)
        expect(result.error.message, id).toMatch(/^evil\.csl: /)
      }
      expect((await must<{ custom: boolean }>(services, 'brief.style', {})).custom, id).toBe(false)
      expect((globalThis as Record<string, unknown>)[SENTINEL], id).toBeUndefined()
    }

    expect(await must(services, 'brief.setStyle', { file: { name: '../../markup.csl', xml: MARKUP_AFFIX_CSL } })).toEqual({ title: 'Tiny test style', custom: true, fileName: 'markup.csl' })
    const outDir = join(services.dir, 'brief')
    const html = readFileSync((await must<{ file: string }>(services, 'brief.export', { caseId: c.id, outDir, format: 'html' })).file, 'utf8')
    const { document } = new JSDOM(html).window
    expect([...document.querySelectorAll('script, img, iframe, object, link, form')].map((e) => e.tagName)).toEqual([])
    expect([...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name))).toEqual([])
    expect(document.querySelector('#fn1')!.textContent).toContain(`<script>window.${SENTINEL}=1</script>`)
    const markdown = readFileSync((await must<{ file: string }>(services, 'brief.export', { caseId: c.id, outDir, format: 'md' })).file, 'utf8')
    expect(activeMarkup(markdown)).toEqual([])
    expect(await must(services, 'brief.setStyle', { file: null })).toMatchObject({ custom: false, fileName: null })
  })
})
