import { describe, expect, it } from 'vitest'
import { SAMPLE_ARTICLE_TEXT } from '../../shared/sample-article'
import { ArticleService } from './article-service'
import { inProcessParser, type FileParser } from './import/file-parser'
import { importText, tableCounts, tempServices, utf8 } from '../../../test/support/temp-services'

/** A page shaped like a saved news article: metadata in the head, chrome and scripts around the story. */
const NEWS_PAGE = `<!doctype html>
<html>
<head>
  <title>Pact talks | The Daily Test</title>
  <meta property="og:title" content="Harbour pact talks resume">
  <meta name="author" content="Jane Roe">
  <meta property="og:site_name" content="The Daily Test">
  <meta property="article:published_time" content="2026-11-03T08:00:00Z">
  <link rel="canonical" href="https://news.example.com/pact?id=1">
  <script>window.leak = "SCRIPT_IN_HEAD"</script>
</head>
<body>
  <nav><a href="/">Home</a> <a href="/world">World</a> NAV_CHROME</nav>
  <h1>Harbour pact talks resume</h1>
  <p>Port operators met on <b>Tuesday</b> to discuss the rota.</p>
  <img src="x.png" onerror="alert('ONERROR_PAYLOAD')">
  <p onclick="CLICK_PAYLOAD()">A decision is due this month.</p>
  <script>document.write('SCRIPT_IN_BODY')</script>
  <style>p { color: red } /* STYLE_PAYLOAD */</style>
  <form><button>BUTTON_CHROME</button><textarea>FORM_CHROME</textarea></form>
</body>
</html>`

const PNG_HEADER = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00
])

describe('importing plain text', () => {
  it('takes the first line as the title and keeps the rest as the article text', async () => {
    const s = tempServices()
    const result = await s.articles.importFile('brief.txt', utf8('Ice pact nears\n\nFirst paragraph.\n\nSecond paragraph.\n'))
    expect(result).toMatchObject({ name: 'brief.txt', status: 'imported', title: 'Ice pact nears', message: null })
    const article = s.articles.get(result.articleId!)
    expect(article).toMatchObject({
      title: 'Ice pact nears',
      text: 'First paragraph.\n\nSecond paragraph.',
      originalName: 'brief.txt',
      originalType: 'text',
      tags: []
    })
  })

  it('normalises CRLF line endings and runs of blank lines', async () => {
    const s = tempServices()
    const id = await importText(s, 'crlf.txt', 'Headline\r\n\r\nLine one\r\nLine two   \r\n\r\n\r\n\r\nPara two\r\n')
    const text = s.articles.get(id).text
    expect(text).toBe('Line one\nLine two\n\nPara two')
  })

  it('decodes Windows-1252 bytes: accents and curly quotes survive', async () => {
    const s = tempServices()
    // "Café Noël" / “quoted” – ‘single’ as cp1252 bytes, which are not valid UTF-8.
    const bytes = Uint8Array.from([
      ...utf8('Caf'), 0xe9, ...utf8(' No'), 0xeb, ...utf8('l\r\n\r\n'),
      0x93, ...utf8('quoted'), 0x94, ...utf8(' '), 0x96, ...utf8(' '), 0x91, ...utf8('single'), 0x92,
      ...utf8(' marks were printed on the menu of the old caf'), 0xe9, ...utf8('.')
    ])
    const result = await s.articles.importFile('legacy.txt', bytes)
    expect(result.title).toBe('Café Noël')
    expect(s.articles.get(result.articleId!).text).toBe('“quoted” – ‘single’ marks were printed on the menu of the old café.')
  })

  it('decodes UTF-16LE with a byte order mark', async () => {
    const s = tempServices()
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Überschrift aus Riga\r\n\r\nGrüße aus Rīga, wo der Hafen wieder geöffnet ist ✓.', 'utf16le')])
    const result = await s.articles.importFile('utf16.txt', bytes)
    expect(result.title).toBe('Überschrift aus Riga')
    expect(s.articles.get(result.articleId!).text).toBe('Grüße aus Rīga, wo der Hafen wieder geöffnet ist ✓.')
  })

  it('drops a UTF-8 byte order mark rather than putting it into the title', async () => {
    const s = tempServices()
    const result = await s.articles.importFile('bom.txt', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Title\n\nBody')]))
    expect(result.title).toBe('Title')
  })

  it('keeps the original bytes exactly as received', async () => {
    const s = tempServices()
    const bytes = Uint8Array.from([...utf8('Title\r\n\r\nBody '), 0xe9, 0x0d, 0x0a, 0x09, 0x20])
    const result = await s.articles.importFile('exact.txt', bytes)
    const original = s.articles.original(result.articleId!)
    expect(Buffer.compare(original, Buffer.from(bytes))).toBe(0)
  })

  it('stores only the slice of a larger buffer that is the file', async () => {
    const s = tempServices()
    const backing = utf8('XXXXTitle\n\nBodyYYYY')
    const view = backing.subarray(4, backing.length - 4)
    const result = await s.articles.importFile('view.txt', view)
    expect(s.articles.original(result.articleId!).toString('utf8')).toBe('Title\n\nBody')
  })
})

describe('importing Markdown', () => {
  it('reads YAML front matter into metadata and tags', async () => {
    const s = tempServices()
    const md = [
      '---',
      'title: "Ice: the pact"',
      'author: Mira Kalnins',
      'date: 2026-11-03',
      'url: https://example.org/ice',
      'source: Baltic Times',
      'tags: [baltic, "#shipping", Ports]',
      '---',
      '# Heading in the body',
      '',
      'Body paragraph.'
    ].join('\n')
    const result = await s.articles.importFile('pact.md', utf8(md))
    expect(result.title).toBe('Ice: the pact')
    expect(s.articles.get(result.articleId!)).toMatchObject({
      title: 'Ice: the pact',
      author: 'Mira Kalnins',
      publishedAt: '2026-11-03',
      url: 'https://example.org/ice',
      source: 'Baltic Times',
      originalType: 'markdown',
      text: 'Heading in the body\n\nBody paragraph.',
      tags: ['baltic', 'Ports', 'shipping']
    })
  })

  it('takes the title from a leading heading when there is no front matter', async () => {
    const s = tempServices()
    const result = await s.articles.importFile('notes.markdown', utf8('# Winter outlook\n\nColder than last year.'))
    expect(result.title).toBe('Winter outlook')
    expect(s.articles.get(result.articleId!).text).toBe('Colder than last year.')
  })

  it('shares one tag between articles whatever its case', async () => {
    const s = tempServices()
    const a = await importText(s, 'a.md', '---\ntags: [Baltic]\n---\nFirst.')
    const b = await importText(s, 'b.md', '---\ntags: baltic, ice\n---\nSecond.')
    expect(s.articles.get(a).tags).toEqual(['Baltic'])
    expect(s.articles.get(b).tags).toEqual(['Baltic', 'ice'])
    expect(tableCounts(s.db).tags).toBe(2)
  })

  it('still lists the library when front matter holds a date the schema would not accept as is', async () => {
    const s = tempServices()
    await importText(s, 'short-date.md', '---\ndate: 5\n---\nBody one.')
    await importText(s, 'long-date.md', `---\ndate: "${'the third of November, in the year 2026, at dawn'}"\n---\nBody two.`)
    const listed = await s.dispatch('library.list', {})
    expect(listed.ok).toBe(true)
    const items = listed.ok ? (listed.value as { items: { id: string; publishedAt: string | null }[] }).items : []
    expect(items).toHaveLength(2)
    for (const item of items) {
      const got = await s.dispatch('article.get', { id: item.id })
      expect(got.ok).toBe(true)
    }
  })
})

describe('importing HTML', () => {
  it('takes title and metadata from meta tags and keeps only the story text', async () => {
    const s = tempServices()
    const result = await s.articles.importFile('pact.html', utf8(NEWS_PAGE))
    expect(result).toMatchObject({ status: 'imported', title: 'Harbour pact talks resume' })
    const article = s.articles.get(result.articleId!)
    expect(article).toMatchObject({
      author: 'Jane Roe',
      source: 'The Daily Test',
      url: 'https://news.example.com/pact?id=1',
      publishedAt: '2026-11-03T08:00:00Z',
      originalType: 'html'
    })
    expect(article.text).toBe('Port operators met on Tuesday to discuss the rota.\n\nA decision is due this month.')
  })

  it('never lets script, event-handler or style content into the stored text', async () => {
    const s = tempServices()
    const article = s.articles.get(await importText(s, 'pact.html', NEWS_PAGE))
    for (const payload of ['SCRIPT_IN_HEAD', 'SCRIPT_IN_BODY', 'ONERROR_PAYLOAD', 'CLICK_PAYLOAD', 'STYLE_PAYLOAD', 'alert(']) {
      expect(article.text).not.toContain(payload)
      expect(article.title).not.toContain(payload)
    }
  })

  it('drops navigation and form chrome along with its text', async () => {
    const s = tempServices()
    const text = s.articles.get(await importText(s, 'pact.html', NEWS_PAGE)).text
    for (const chrome of ['NAV_CHROME', 'BUTTON_CHROME', 'FORM_CHROME', 'Home']) expect(text).not.toContain(chrome)
  })

  it('falls back to <title>, then to the first heading, then to the file name', async () => {
    const s = tempServices()
    const byTitle = await s.articles.importFile('a.html', utf8('<html><head><title> Only a title </title></head><body><p>One.</p></body></html>'))
    const byHeading = await s.articles.importFile('b.html', utf8('<body><h1>A heading</h1><p>Two.</p></body>'))
    const byName = await s.articles.importFile('port-report_2026.htm', utf8('<body><p>Three.</p></body>'))
    expect([byTitle.title, byHeading.title, byName.title]).toEqual(['Only a title', 'A heading', 'port report 2026'])
  })

  it('refuses a canonical URL that is not http(s)', async () => {
    const s = tempServices()
    const page = '<head><link rel="canonical" href="javascript:alert(1)"><title>T</title></head><body><p>Body.</p></body>'
    expect(s.articles.get(await importText(s, 'js.html', page)).url).toBeNull()
  })
})

describe('import results for problem files', () => {
  it('reports a second import of the same text as a duplicate of the first', async () => {
    const s = tempServices()
    const first = await s.articles.importFile('story.txt', utf8('Title\n\nSame body.'))
    const again = await s.articles.importFile('story copy.txt', utf8('Title\r\n\r\nSame body.\r\n'))
    expect(again).toMatchObject({ status: 'duplicate', articleId: first.articleId, title: 'Title' })
    expect(again.message).toContain('story copy.txt')
    expect(tableCounts(s.db).articles).toBe(1)
  })

  it.each([
    ['an empty file', 'empty.txt', new Uint8Array(0)],
    ['white space only', 'blank.md', utf8('  \r\n\t\n \u00a0 \n')],
    ['HTML without text', 'shell.html', utf8('<html><body><script>x()</script><img src=a></body></html>')],
    ['NUL bytes', 'data.txt', Uint8Array.from([0x61, 0x62, 0x00, 0x63])],
    ['a PNG header', 'photo.txt', PNG_HEADER],
    ['an unsupported extension', 'report.pdf', utf8('%PDF-1.7 looks like text')],
    ['no extension', 'README', utf8('Some text')]
  ])('rejects %s, naming the file, and stores nothing', async (_label, name, bytes) => {
    const s = tempServices()
    const result = await s.articles.importFile(name, bytes)
    expect(result).toMatchObject({ name, status: 'rejected', articleId: null, title: null })
    expect(result.message).toContain(name)
    expect(tableCounts(s.db).articles).toBe(0)
  })

  it('says which formats are supported when the extension is wrong', async () => {
    const s = tempServices()
    expect((await s.articles.importFile('slides.pptx', utf8('x'))).message).toMatch(/^slides\.pptx: .*\.txt.*\.md.*\.html.*\.pdf.*\.docx.*\.epub/)
  })

  it('imports each file of a batch on its own merits', async () => {
    const s = tempServices()
    const files = [
      { name: 'good.txt', dataBase64: Buffer.from('Good\n\nText.').toString('base64') },
      { name: 'bad.txt', dataBase64: Buffer.from([0, 1, 2]).toString('base64') },
      { name: 'good again.txt', dataBase64: Buffer.from('Good\n\nText.').toString('base64') }
    ]
    const result = await s.dispatch('article.importFiles', { files })
    expect(result.ok).toBe(true)
    const statuses = result.ok ? (result.value as { results: { status: string }[] }).results.map((r) => r.status) : []
    expect(statuses).toEqual(['imported', 'rejected', 'duplicate'])
  })
})

describe('pasting and the sample article', () => {
  it('imports the sample article once, then reports it as a duplicate', async () => {
    const s = tempServices()
    const first = await s.articles.importSample()
    expect(first).toMatchObject({ status: 'imported', title: 'Harbour authorities weigh icebreaker pact as Baltic winter tightens' })
    const article = s.articles.get(first.articleId!)
    // Cleaning read the byline and date, kept the story, and set the widgets at the end aside.
    expect(article).toMatchObject({ author: 'Mira Kalnins', publishedAt: '2026-11-03', dateline: 'RIGA, Latvia' })
    expect(article.text.startsWith('RIGA, Latvia — Port operators')).toBe(true)
    expect(article.text).not.toContain('Subscribe to our newsletter')
    expect(Buffer.from(s.articles.original(first.articleId!)).toString('utf8')).toBe(SAMPLE_ARTICLE_TEXT)
    expect(await s.articles.importSample()).toMatchObject({ status: 'duplicate', articleId: first.articleId })
  })

  it('treats pasted markup as HTML and other pastes as plain text', async () => {
    const s = tempServices()
    const html = await s.articles.importPaste('<article><h1>Pasted head</h1><p>Pasted <i>body</i>.</p></article>')
    const text = await s.articles.importPaste('Plain head\n\nPlain body.')
    expect(s.articles.get(html.articleId!)).toMatchObject({ title: 'Pasted head', text: 'Pasted body.', originalType: 'html' })
    expect(s.articles.get(text.articleId!)).toMatchObject({ title: 'Plain head', text: 'Plain body.', originalType: 'text' })
  })

  it('rejects an empty paste with a message', async () => {
    const s = tempServices()
    expect(await s.articles.importPaste('   ')).toMatchObject({ status: 'rejected', name: 'Pasted text.txt' })
  })
})

describe('the library list', () => {
  it('lists newest first with highlight counts, and pages', async () => {
    const s = tempServices()
    const older = await importText(s, 'older.txt', 'Older\n\nFirst text.')
    const newer = await importText(s, 'newer.txt', 'Newer\n\nSecond text.')
    s.highlights.create(older, 0, 5)
    const page = s.articles.list(10, 0)
    expect(page.total).toBe(2)
    expect(page.items.map((i) => [i.id, i.highlightCount])).toEqual([
      [newer, 0],
      [older, 1]
    ])
    expect(s.articles.list(1, 1).items.map((i) => i.id)).toEqual([older])
  })

  it('answers not_found for an unknown id', () => {
    const s = tempServices()
    expect(() => s.articles.get('00000000-0000-4000-8000-000000000000')).toThrow(expect.objectContaining({ code: 'not_found' }))
    expect(() => s.articles.original('00000000-0000-4000-8000-000000000000')).toThrow(expect.objectContaining({ code: 'not_found' }))
  })
})

describe('a file that fails unexpectedly', () => {
  it('is reported as not imported, naming it, and the rest of the batch is imported', async () => {
    const services = tempServices()
    const real = inProcessParser()
    // A stand-in for a parser bug or a stack overflow in one file.
    const parser: FileParser = {
      ...real,
      parse: async (name, bytes, options) => {
        if (name === 'broken.html') throw new RangeError('Maximum call stack size exceeded')
        return real.parse(name, bytes, options)
      }
    }
    const articles = new ArticleService(services.db, () => new Date().toISOString(), parser)
    const results = await articles.importMany([
      { name: 'first.txt', bytes: utf8('First file\n\nThe first file of the batch is an ordinary article.') },
      { name: 'broken.html', bytes: utf8('<p>anything</p>') },
      { name: 'last.txt', bytes: utf8('Last file\n\nThe last file of the batch comes after the broken one.') }
    ])
    expect(results.map((r) => r.status)).toEqual(['imported', 'rejected', 'imported'])
    expect(results[1]!.message).toBe('broken.html: could not be imported (Maximum call stack size exceeded).')
  })
})

describe('storing an import that fails midway', () => {
  it('leaves nothing of the file: no article, tags, search entry, source, near-duplicate signature or log entry, and the next import is stored', async () => {
    const services = tempServices()
    const counts = (): Record<string, number> => ({
      ...tableCounts(services.db),
      ...Object.fromEntries(
        ['activity_log', 'sources', 'article_minhash'].map((t) => [t, services.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number])
      ),
      searchable: services.db.prepare("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'quillwort'").pluck().get() as number
    })
    const before = counts()
    // The step after the article's row is written fails, as a full disk or a broken hook would:
    // the source and the near-duplicate index are written by these hooks in the same transaction.
    let fail = true
    const articles = new ArticleService(services.db, () => new Date().toISOString(), inProcessParser(), {
      appVersion: 'test',
      hooks: {
        stored: () => {
          services.db.prepare("INSERT INTO sources (id, name, created_at) VALUES ('s1', 'Quillwort Weekly', '2026-01-01T00:00:00.000Z')").run()
          if (fail) throw new Error('disk I/O error')
        },
        imported: () => undefined,
        sourceNamed: () => undefined
      }
    })
    const file = utf8('Quillwort survey\n\nQuillwort grows in the shallows of upland lakes, where the survey counted it.')
    await expect(articles.importFile('quillwort.txt', file)).rejects.toThrow('disk I/O error')
    expect(counts()).toEqual(before)
    fail = false
    expect(await articles.importFile('quillwort.txt', file)).toMatchObject({ status: 'imported', title: 'Quillwort survey' })
    expect(counts()).toMatchObject({ articles: before['articles']! + 1, sources: before['sources']! + 1, searchable: 1 })
  })
})
