import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { articleMarkdown, type ArticleForExport, type HighlightForExport } from './article-markdown'
import { DEFAULT_EXPORT_TEMPLATE, renderDefaultTemplate } from './default-template'
import { exportContext } from './export-context'
import { compileExportTemplate } from './export-template'
import { allTokens, blockTypes, inlineText, markdownReader, splitFrontMatter } from './markdown-parse'

const ARTICLE_ID = '0b8f2c8e-7a51-4c1e-9a57-6f0e8f3a1d2b'
const hid = (n: number) => `0b8f2c8e-7a51-4c1e-9a57-${String(n).padStart(12, '0')}`

const article = (over: Partial<ArticleForExport> = {}): ArticleForExport => ({
  id: ARTICLE_ID,
  title: 'Harbour pact',
  source: 'The Daily Test',
  url: 'https://news.example.com/pact',
  author: 'Jane Roe',
  publishedAt: '2026-11-03',
  importedAt: '2026-11-04T09:00:00.000Z',
  tags: ['baltic', 'north sea'],
  notebookMarkdown: null,
  ...over
})

const highlight = (n: number, over: Partial<HighlightForExport> = {}): HighlightForExport => ({
  id: hid(n),
  exact: `Quote ${n}`,
  label: 'Key fact',
  color: 'yellow',
  noteMarkdown: null,
  tags: [],
  createdAt: '2026-11-04T10:00:00.000Z',
  start: n * 10,
  orphaned: false,
  ...over
})

describe('articleMarkdown', () => {
  it('names a right-to-left article’s language and direction in the front matter, for Pandoc; other articles’ files are unchanged', () => {
    const arabic = splitFrontMatter(articleMarkdown(article({ title: 'الموانئ تستعد لموسم الجليد', language: 'ar' }), [highlight(1, { exact: 'قال المتحدث' })]))
    expect(arabic.meta).toMatchObject({ title: 'الموانئ تستعد لموسم الجليد', lang: 'ar', dir: 'rtl' })
    expect(arabic.body).toContain('قال المتحدث')
    const english = articleMarkdown(article({ language: 'en-GB' }), [])
    expect(english).toBe(articleMarkdown(article(), []))
    expect(splitFrontMatter(english).meta).not.toHaveProperty('dir')
  })

  it('writes front matter that parses as YAML with every field, Obsidian tags and the dossier:// link', () => {
    const { meta } = splitFrontMatter(articleMarkdown(article({ title: 'No: yes #1' }), []))
    expect(meta).toEqual({
      title: 'No: yes #1',
      author: 'Jane Roe',
      source: 'The Daily Test',
      url: 'https://news.example.com/pact',
      published: '2026-11-03',
      imported: '2026-11-04T09:00:00.000Z',
      tags: ['baltic', 'north-sea'],
      dossier_id: ARTICLE_ID,
      dossier_url: `dossier://article/${ARTICLE_ID}`
    })
  })

  it('writes a web page’s timestamp as the same ISO date other articles get', () => {
    const { meta } = splitFrontMatter(articleMarkdown(article({ publishedAt: '2026-11-03T08:30:00Z' }), []))
    expect(meta.published).toBe('2026-11-03')
  })

  it('parses into the title heading, the notebook, a Highlights heading and one blockquote per highlight in reading order', () => {
    const md = articleMarkdown(article({ notebookMarkdown: '## Assessment\n\n- first point\n- second point' }), [
      highlight(2, { noteMarkdown: '**Why** it matters\n\n1. check\n2. recheck' }),
      highlight(1, { label: null }),
      highlight(0, { orphaned: true, start: 0, label: 'Claim' })
    ])
    const { body } = splitFrontMatter(md)
    expect(blockTypes(body)).toEqual([
      'heading_open:h1', 'heading_close:h1',
      'paragraph_open', 'paragraph_close',
      'heading_open:h2', 'heading_close:h2',
      'bullet_list_open', '  list_item_open', '    paragraph_open', '    paragraph_close', '  list_item_close',
      '  list_item_open', '    paragraph_open', '    paragraph_close', '  list_item_close', 'bullet_list_close',
      'heading_open:h2', 'heading_close:h2',
      // Highlight 1: no label, so quote and link only.
      'blockquote_open', '  paragraph_open', '  paragraph_close', '  paragraph_open', '  paragraph_close', 'blockquote_close',
      'paragraph_open', 'paragraph_close',
      // Highlight 2: label, quote, link, and its note as a quote inside the quote; then the block id.
      'blockquote_open', '  paragraph_open', '  paragraph_close', '  paragraph_open', '  paragraph_close', '  paragraph_open', '  paragraph_close',
      '  blockquote_open', '    paragraph_open', '    paragraph_close',
      '    ordered_list_open', '      list_item_open', '        paragraph_open', '        paragraph_close', '      list_item_close',
      '      list_item_open', '        paragraph_open', '        paragraph_close', '      list_item_close', '    ordered_list_close',
      '  blockquote_close', 'blockquote_close',
      'paragraph_open', 'paragraph_close',
      // The orphan comes last.
      'blockquote_open', '  paragraph_open', '  paragraph_close', '  paragraph_open', '  paragraph_close', '  paragraph_open', '  paragraph_close', 'blockquote_close',
      'paragraph_open', 'paragraph_close'
    ])
    const inline = markdownReader.parse(body, {}).filter((t) => t.type === 'inline').map(inlineText)
    expect(inline.slice(0, 3)).toEqual(['Harbour pact', 'Source: https://news.example.com/pact', 'Assessment'])
    expect(inline).toContain('Highlights')
    expect(inline.filter((t) => /^Quote \d$/.test(t))).toEqual(['Quote 1', 'Quote 2', 'Quote 0'])
    expect(inline.filter((t) => t.startsWith('^h-'))).toEqual([`^h-${hid(1)}`, `^h-${hid(2)}`, `^h-${hid(0)}`])
    expect(inline).toContain('Key fact')
    expect(inline).toContain('Claim · passage no longer found in the article')
  })

  it('links each quote back to its passage with a dossier://highlight link inside the quote', () => {
    const body = splitFrontMatter(articleMarkdown(article(), [highlight(1), highlight(2)])).body
    const links = allTokens(body).filter((t) => t.type === 'link_open').map((t) => t.attrGet('href'))
    expect(links).toEqual(['https://news.example.com/pact', `dossier://highlight/${hid(1)}`, `dossier://highlight/${hid(2)}`])
    expect(body).toContain(`> [Open in Dossier](dossier://highlight/${hid(1)})\n\n^h-${hid(1)}\n`)
  })

  it('says so when an article has no highlights yet', () => {
    expect(articleMarkdown(article(), [])).toMatch(/## Highlights\n\n_No highlights yet\._\n$/)
  })

  it('shows a url that is not plain http(s) as text, never as an autolink', () => {
    for (const url of ['x> <img src=x onerror=alert(1)>', 'javascript:alert(1)', 'https://a.example/with space']) {
      const { body } = splitFrontMatter(articleMarkdown(article({ url }), []))
      expect(allTokens(body).filter((t) => t.type.startsWith('html') || t.type === 'link_open')).toEqual([])
    }
  })

  it('emits no HTML and keeps every quote literal, whatever the title, labels and quotes hold', () => {
    const hostile = fc.string({
      unit: fc.oneof(fc.constantFrom('<', '>', '/', 'b', 'script', '!--', '?', ' ', '\n', '\\', '&', '#', '[', ']', '(', ')', '*', '-', '12.', '`'), fc.string({ maxLength: 2 })),
      maxLength: 40
    })
    fc.assert(
      fc.property(hostile, fc.array(fc.tuple(hostile, hostile), { maxLength: 3 }), (title, quotes) => {
        const md = articleMarkdown(
          article({ title }),
          quotes.map(([exact, label], i) => highlight(i, { exact, label }))
        )
        const { meta, body } = splitFrontMatter(md)
        expect(meta.title ?? '').toBe(title)
        const tokens = allTokens(body)
        expect(tokens.filter((t) => t.type.startsWith('html'))).toEqual([])
        // Quotes and labels never turn into lists, code, headings or emphasis: only our own links and the label's bold.
        const kinds = new Set(tokens.map((t) => t.type))
        for (const k of kinds) expect(['heading_open', 'heading_close', 'inline', 'paragraph_open', 'paragraph_close', 'blockquote_open', 'blockquote_close', 'text', 'softbreak', 'link_open', 'link_close', 'strong_open', 'strong_close', 'em_open', 'em_close', 'autolink']).toContain(k)
        expect(tokens.filter((t) => t.type === 'heading_open').length).toBe(2)
        expect(tokens.filter((t) => t.type === 'blockquote_open').length).toBe(quotes.length)
      }),
      { numRuns: 200 }
    )
  })
})

describe('export templates', () => {
  it('renders a custom template with the yaml, escape and join helpers', () => {
    const render = compileExportTemplate(
      '---\ntitle: {{yaml raw.title}}\ntags: {{yaml raw.tags}}\n---\n# {{escape raw.title}}\n{{#each highlights}}\n- {{quote}} ({{join raw.tags "; "}})\n{{/each}}'
    )
    const md = articleMarkdown(article({ title: 'A: #b' }), [highlight(1, { exact: '*x*', tags: ['p', 'q'] })], render)
    expect(md).toBe('---\ntitle: "A: #b"\ntags: [ "baltic", "north sea" ]\n---\n# A: \\#b\n- \\*x\\* (p; q)\n')
    expect(splitFrontMatter(md).meta).toEqual({ title: 'A: #b', tags: ['baltic', 'north sea'] })
  })

  it.each([
    ['a\n{{#each highlights}}\n{{quote}\n{{/each}}', /^template: line 3: the template does not parse here/],
    ['line one\n\n{{#if}}x{{/if}}', /^template: line 3: \{\{#if\}\} needs exactly one value/],
    ['{{#each highlights}}\n{{/each}}\n{{shout title}}', /^template: line 3: unknown helper "shout"/],
    ['{{#each highlights}}\n\n{{/wrong}}', /^template: line 1: each doesn't match wrong/],
    ['x'.repeat(100_001), /longer than 100,000 characters/],
    ['{{log title}}', /unknown helper "log"/],
    ['a\n{{#*inline "p"}}{{title}}{{/inline}}{{> p}}', /^template: line 2: partials and \{\{#\*inline\}\} blocks are not available/],
    ['{{> p}}', /^template: line 1: partials/]
  ])('refuses broken template %# with the line at fault', (source, message) => {
    expect(() => compileExportTemplate(source)).toThrow(message)
  })
})

describe('template output cap', () => {
  it('stops a template that multiplies its output in nested loops, with a sentence, before it runs away', () => {
    const nested = `{{#each highlights}}${'{{#each @root.highlights}}'.repeat(4)}{{quote}}{{@root.notebook}}${'{{/each}}'.repeat(4)}{{/each}}`
    const render = compileExportTemplate(nested)
    const hs = Array.from({ length: 30 }, (_, i) => highlight(i, { exact: `Quote ${i} `.repeat(20) }))
    const started = performance.now()
    expect(() => articleMarkdown(article({ notebookMarkdown: 'n'.repeat(10_000) }), hs, render)).toThrow(
      expect.objectContaining({ code: 'too_large', message: expect.stringMatching(/^template: it writes more than [\d.]+ MB for "Harbour pact"/) })
    )
    // 30^5 iterations of 10 KB would be gigabytes: the cap stops it within the budget's worth of work.
    expect(performance.now() - started).toBeLessThan(5_000)
  })

  it('caps output without loops too (a field repeated), and leaves a long but fair template alone', () => {
    const repeated = compileExportTemplate('{{notebook}}'.repeat(8_000))
    expect(() => articleMarkdown(article({ notebookMarkdown: 'n'.repeat(20_000) }), [], repeated)).toThrow(expect.objectContaining({ code: 'too_large' }))
    const fair = compileExportTemplate('{{frontMatter}}\n# {{title}}\n{{notebook}}\n{{#each highlights}}\n> {{quote}}\n\n{{note}}\n{{#each tags}}#{{this}} {{/each}}\n{{/each}}')
    const hs = Array.from({ length: 2_000 }, (_, i) => highlight(i, { noteMarkdown: 'x'.repeat(500), tags: ['a', 'b'] }))
    expect(articleMarkdown(article({ notebookMarkdown: 'n'.repeat(100_000) }), hs, fair).length).toBeGreaterThan(1_000_000)
  })
})

describe('the default template as code', () => {
  it('writes exactly what the Handlebars default template writes', () => {
    const handlebars = compileExportTemplate(DEFAULT_EXPORT_TEMPLATE)
    const text = fc.string({ unit: fc.constantFrom('a', ' ', '\n', '#', '*', '-', '1.', '<', '{{', '}}', '\\'), maxLength: 30 })
    const maybe = fc.option(text, { nil: null })
    fc.assert(
      fc.property(
        fc.record({ title: text, url: maybe, notebookMarkdown: maybe }),
        fc.array(fc.record({ exact: text, label: maybe, noteMarkdown: maybe, orphaned: fc.boolean() }), { maxLength: 4 }),
        // With the article's text, some highlights' ids move onto its paragraphs.
        fc.option(fc.array(text, { minLength: 1, maxLength: 4 }), { nil: null }),
        (a, hs, paragraphs) => {
          const document = paragraphs && { version: 1 as const, blocks: paragraphs.map((p) => ({ kind: 'paragraph' as const, text: `${p}x`.repeat(4) })) }
          const ctx = exportContext(article({ ...a, document }), hs.map((h, i) => highlight(i, h)))
          expect(renderDefaultTemplate(ctx)).toBe(handlebars(ctx))
        }
      ),
      { numRuns: 300 }
    )
  })
})
