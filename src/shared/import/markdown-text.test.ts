import fc from 'fast-check'
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { documentText } from '../document/article-document'
import { canonicalText } from '../text/canonical-text'
import { FRONT_MATTER_NOTE } from './fixtures/front-matter-note'
import { normalizeLink } from './markdown-blocks'
import { parseMarkdown } from './markdown-text'

describe('parseMarkdown', () => {
  it('reads metadata from front matter and keeps the body as text', () => {
    const doc = parseMarkdown(
      '\uFEFF---\r\ntitle: Ice pact\r\nauthor: Mira\r\npublished: 2026-11-03\r\nsite: Baltic Times\r\nsource_url: https://e.org/x\r\ntags: "#ice, ports  #ice"\r\n---\r\nBody.\r\n',
      'f.md'
    )
    expect(doc).toMatchObject({
      title: 'Ice pact',
      text: 'Body.',
      author: 'Mira',
      source: 'Baltic Times',
      url: 'https://e.org/x',
      publishedAt: '2026-11-03',
      tags: ['ice', 'ports']
    })
  })

  it('takes a clipper’s "source" that is an address as the address, not the source’s name', () => {
    const doc = parseMarkdown('---\ntitle: Red Sea notes\nsource: https://example.org/red-sea-brief\n---\nBody.', 'notes.md')
    expect(doc).toMatchObject({ url: 'https://example.org/red-sea-brief', source: null })
    expect(parseMarkdown('---\nsource: Baltic Times\n---\nBody.', 'n.md').source).toBe('Baltic Times')
  })

  it('reads the links between notes of a note-taking app as their words', () => {
    const doc = parseMarkdown('Transits fell ([[Port statistics 2026]]); see [[Insurance#War risk|war-risk premiums]] and [[Insurance#Cover]].', 'n.md')
    expect(doc.text).toBe('Transits fell (Port statistics 2026); see war-risk premiums and Insurance › Cover.')
  })

  it('keeps only http(s) URLs, as HTML imports do', () => {
    const url = (value: string) => parseMarkdown(`---\nurl: "${value}"\n---\nBody.`, 'f.md').url
    expect(url('https://example.org/a b')).toBe('https://example.org/a%20b')
    expect(url('javascript:alert(1)')).toBeNull()
    expect(url('x> <img src=x onerror=alert(1)>')).toBeNull()
  })

  it('accepts "..." as the end of front matter', () => {
    expect(parseMarkdown('---\ntitle: Dots\n...\nBody.', 'f.md')).toMatchObject({ title: 'Dots', text: 'Body.' })
  })

  it('keeps lines that only look like front matter when they are not YAML', () => {
    const doc = parseMarkdown('---\n: : [unclosed\n---\nBody.', 'notes-on-ice.md')
    expect(doc.text).toContain('[unclosed')
    expect(doc.title).toBe('notes on ice')
  })

  it('takes a leading heading as the title, dropping only a closing run of #', () => {
    expect(parseMarkdown('# Learning F#\n\nBody.', 'f.md')).toMatchObject({ title: 'Learning F#', text: 'Body.' })
    expect(parseMarkdown('## Closed heading ##\n\nBody.', 'f.md')).toMatchObject({ title: 'Closed heading', text: 'Body.' })
    expect(parseMarkdown('### C# in 2026   #\n\nBody.', 'f.md').title).toBe('C# in 2026')
  })

  it('leaves a heading that is not the first line in the text, as a heading block', () => {
    const doc = parseMarkdown('Intro line.\n\n# Later heading', 'ice-report.md')
    expect(doc).toMatchObject({ title: 'ice report', text: 'Intro line.\n\nLater heading' })
    expect(doc.document.blocks[1]).toEqual({ kind: 'heading', level: 1, text: 'Later heading' })
  })

  it('keeps the title heading as a removed block, so it is not repeated in the text', () => {
    const doc = parseMarkdown('# Winter outlook\n\nColder.', 'f.md')
    expect(doc.document.blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Winter outlook', removed: { reason: 'title' } },
      { kind: 'paragraph', text: 'Colder.' }
    ])
  })

  it('keeps the paragraphs of one list item in one block, a line apart', () => {
    expect(parseMarkdown('- First para.\n\n  Second para.\n  - Deeper', 'f.md').document.blocks).toEqual([
      { kind: 'list-item', level: 0, ordered: false, text: 'First para.\nSecond para.' },
      { kind: 'list-item', level: 1, ordered: false, text: 'Deeper' }
    ])
  })

  it('keeps a file that is only a heading as its own text', () => {
    expect(parseMarkdown('# Just this', 'f.md')).toMatchObject({ title: 'Just this', text: 'Just this' })
  })

  it('accepts numbers for text fields and ignores other shapes', () => {
    const doc = parseMarkdown('---\ntitle: 1984\nauthor: [a, b]\ntags: 7\n---\nBody.', 'f.md')
    expect(doc).toMatchObject({ title: '1984', author: null, tags: [] })
  })
})

describe('parseMarkdown: a note with front matter', () => {
  const doc = parseMarkdown(FRONT_MATTER_NOTE, 'note.md')
  const kept = doc.document.blocks.filter((b) => !b.removed)

  it('takes metadata and tags from the front matter', () => {
    expect(doc).toMatchObject({
      title: 'Icebreaker pact: what changes',
      author: 'Mira Kalnins',
      publishedAt: '2026-11-03',
      url: 'https://ledger.example.com/2026/11/icebreaker-rota',
      source: 'The Harbour Ledger',
      language: 'en-GB',
      tags: ['baltic', 'shipping', 'Ports']
    })
    expect(doc.text).toBe(documentText(doc.document))
  })

  it('drops a first heading that repeats the front-matter title from the text', () => {
    expect(doc.document.blocks[0]).toMatchObject({ kind: 'heading', removed: { reason: 'title' } })
  })

  it('reads the body into blocks with marks', () => {
    expect(kept.map((b) => [b.kind, b.level ?? null, b.ordered ?? null])).toEqual([
      ['paragraph', null, null],
      ['heading', 2, null],
      ['list-item', 0, false],
      ['list-item', 0, false],
      ['list-item', 1, true],
      ['list-item', 1, true],
      ['blockquote', null, null],
      ['code', null, null],
      ['table', null, null],
      ['paragraph', null, null]
    ])
    const first = kept[0]!
    // A soft line break reads as a space, as every renderer shows it.
    expect(first.text).toBe('The ports agreed on four icebreakers and a minimum of escort hours, as the draft proposed.')
    expect(first.marks).toEqual([
      { type: 'strong', start: 20, end: 36 },
      { type: 'em', start: 43, end: 50 },
      { type: 'link', start: first.text.indexOf('draft'), end: first.text.indexOf('draft') + 5, href: 'https://ledger.example.com/draft' }
    ])
    expect(kept[7]!.text).toBe('hours = 1 200\nrate  = 1 850')
    expect(kept[8]).toEqual({ kind: 'table', text: 'Port\tVessels\nRiga\t2\nTallinn\t1', marks: [{ type: 'code', start: 28, end: 29 }] })
    for (const b of doc.document.blocks) expect(canonicalText(b.text)).toBe(b.text)
  })

  it('shows raw HTML as the text it is and links only to http(s) or mailto', () => {
    const last = kept.at(-1)!
    // markdown-it refuses the javascript: link, so its brackets stay as written.
    expect(last.text).toBe("Raw <b>HTML</b> and <script>alert('x')</script> stay text, and [a bad link](javascript:alert(1)) is plain.")
    expect(last.marks).toBeUndefined()
    const relative = parseMarkdown('See [the other note](other.md) and [ftp](ftp://e.org/x).', 'f.md').document.blocks[0]!
    expect(relative).toEqual({ kind: 'paragraph', text: 'See the other note and ftp.' })
  })
})


describe('link addresses', () => {
  it('takes the short way only where markdown-it’s normalizeLink would give the address back unchanged', () => {
    const full = new MarkdownIt('commonmark')
    const alphabet = "abcXYZ019;/?:@&=+$,-_.!~*'()#%é[] ".split('')
    fc.assert(
      fc.property(
        fc.constantFrom('http://', 'https://', 'https://example.org', 'http://a.b:8080/', 'HTTP://x.y/', 'mailto:', '//', 'javascript:', ''),
        fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 16 }),
        (prefix, rest) => {
          expect(normalizeLink(prefix + rest)).toBe(full.normalizeLink(prefix + rest))
        }
      ),
      { numRuns: 5000 }
    )
  })
})
